package com.expat.search.indexer.solr;

import java.io.IOException;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * solr-config's {@code /expat/soft-commits} on one core: pauses or resumes its automatic soft
 * commits in memory ({@code SoftCommitsHandler}), so no core property is left behind on the core
 * that goes live.
 */
final class SoftCommits {
  static final String PATH = "/expat/soft-commits";

  private SoftCommits() {}

  /**
   * @param action {@code pause} or {@code resume}
   * @return false when the core has no such handler (a Solr without solr-config's plugin); its
   *     soft commits then stay as configured
   * @throws IndexAdminException when Solr fails otherwise
   */
  static boolean ask(SolrClient client, String core, String action) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("action", action);
    GenericSolrRequest request =
        new GenericSolrRequest(SolrRequest.METHOD.POST, PATH, params).setRequiresCollection(true);
    try {
      client.request(request, core);
      return true;
    } catch (SolrException e) {
      if (e.code() == SolrException.ErrorCode.NOT_FOUND.code) {
        return false;
      }
      throw new IndexAdminException("Solr could not " + action + " the soft commits of " + core + ": " + e.getMessage(), e);
    } catch (SolrServerException | IOException e) {
      throw new IndexAdminException("Solr could not " + action + " the soft commits of " + core + ": " + e.getMessage(), e);
    }
  }
}
