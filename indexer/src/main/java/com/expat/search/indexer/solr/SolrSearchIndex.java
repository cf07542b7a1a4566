package com.expat.search.indexer.solr;

import com.expat.search.indexer.mapping.IndexChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;

/** {@link SearchIndex} over SolrJ. */
public final class SolrSearchIndex implements SearchIndex {
  /**
   * The request parameter the configset's DocBasedVersionConstraintsProcessorFactory reads the
   * version of a delete from (solr-config, configset {@code expat}).
   */
  static final String DELETE_VERSION_PARAM = "del_version";

  private final SolrClient client;

  public SolrSearchIndex(SolrClient client) {
    this.client = client;
  }

  @Override
  public void apply(String core, List<IndexChange> changes) {
    List<SolrInputDocument> upserts = new ArrayList<>();
    List<IndexChange.Delete> deletes = new ArrayList<>();
    for (IndexChange change : changes) {
      if (change instanceof IndexChange.Upsert upsert) {
        upserts.add(upsert.document());
      } else {
        deletes.add((IndexChange.Delete) change);
      }
    }
    if (!upserts.isEmpty()) {
      add(core, upserts);
    }
    // The delete's version travels as a request parameter, so each delete is its own request.
    for (IndexChange.Delete delete : deletes) {
      UpdateRequest request = new UpdateRequest();
      request.deleteById(delete.id());
      request.setParam(DELETE_VERSION_PARAM, Long.toString(delete.version()));
      process(core, request, "delete " + delete.id());
    }
  }

  @Override
  public void add(String core, List<SolrInputDocument> documents) {
    UpdateRequest request = new UpdateRequest();
    request.add(documents);
    process(core, request, "add of " + documents.size() + " documents");
  }

  @Override
  public void commit(String core) {
    try {
      client.commit(core, true, true);
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IndexWriteException("Solr refused a commit on " + core + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long count(String core) {
    try {
      return client.query(core, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IndexWriteException("Solr did not answer a count on " + core + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean contains(String core, String id) {
    try {
      SolrQuery query = new SolrQuery("*:*").addFilterQuery("{!term f=id v=$id}").setRows(0);
      query.set("id", id);
      return client.query(core, query).getResults().getNumFound() > 0;
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IndexWriteException("Solr did not answer a lookup on " + core + ": " + e.getMessage(), e);
    }
  }

  private void process(String core, UpdateRequest request, String what) {
    try {
      request.process(client, core);
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IndexWriteException("Solr did not accept the " + what + " on " + core + ": " + e.getMessage(), e);
    }
  }
}
