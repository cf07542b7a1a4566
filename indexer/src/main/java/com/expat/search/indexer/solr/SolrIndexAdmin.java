package com.expat.search.indexer.solr;

import com.expat.search.vocabulary.Cores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/** {@link IndexAdmin} over SolrJ's CoreAdmin API, for a standalone (or bundled local) node. */
public final class SolrIndexAdmin implements IndexAdmin {
  private final SolrClient client;

  public SolrIndexAdmin(SolrClient client) {
    this.client = client;
  }

  @Override
  public void createBulkCore(String name) {
    // CoreAdminRequest.Create has no setter for core properties; the raw call carries them.
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("action", "CREATE");
    params.set("name", name);
    params.set("instanceDir", name);
    params.set("configSet", Cores.CONFIGSET);
    params.set("property.expat.indexSort", BulkSort.INDEX_SORT);
    GenericSolrRequest request =
        new GenericSolrRequest(SolrRequest.METHOD.POST, "/admin/cores", params).setRequiresCollection(false);
    run("create core " + name, () -> client.request(request));
  }

  @Override
  public boolean pauseSoftCommits(String core) {
    return SoftCommits.ask(client, core, "pause");
  }

  @Override
  public boolean resumeSoftCommits(String core) {
    return SoftCommits.ask(client, core, "resume");
  }

  /**
   * The loaded cores only. After a SWAP and a RENAME, Solr 9's listing keeps a descriptor under the
   * pre-swap name ({@code "isLoaded":"false"}, the instance directory of the renamed core): a live
   * indexer that took it for a build core wrote to it, Solr tried to load it over the other core's
   * index, failed, and the batch retried for seconds (found by {@code bench live} right after a
   * rebuild). A loaded core reports its {@code startTime}; such a phantom does not. The same
   * listing can omit the swapped-in live core altogether, which is why {@link #exists} asks the
   * core itself; callers look for build and previous cores here, never for the live one.
   */
  @Override
  public List<String> cores() {
    List<String> names = new ArrayList<>();
    run("list cores", () -> {
      NamedList<NamedList<Object>> status = CoreAdminRequest.getStatus(null, client).getCoreStatus();
      for (Map.Entry<String, NamedList<Object>> entry : status) {
        if (entry.getValue() != null && entry.getValue().get("startTime") != null) {
          names.add(entry.getKey());
        }
      }
    });
    return names;
  }

  @Override
  public boolean exists(String name) {
    try {
      client.query(name, new SolrQuery("*:*").setRows(0));
      return true;
    } catch (SolrException e) {
      if (e.code() == SolrException.ErrorCode.NOT_FOUND.code) {
        return false;
      }
      throw new IndexAdminException("Solr could not tell whether core " + name + " exists: " + e.getMessage(), e);
    } catch (SolrServerException | IOException e) {
      throw new IndexAdminException("Solr could not tell whether core " + name + " exists: " + e.getMessage(), e);
    }
  }

  /** CoreAdmin SWAP: the two names are exchanged, so {@code build} names the replaced core. */
  @Override
  public String switchTo(String live, String build) {
    run("swap " + live + " and " + build, () -> CoreAdminRequest.swapCore(live, build, client));
    return build;
  }

  @Override
  public void restore(String live, String previous, String keepReplacedAs) {
    switchTo(live, previous);
    rename(previous, keepReplacedAs);
  }

  @Override
  public void rename(String core, String newName) {
    run("rename " + core + " to " + newName, () -> CoreAdminRequest.renameCore(core, newName, client));
  }

  @Override
  public void drop(String core) {
    run("drop " + core, () -> CoreAdminRequest.unloadCore(core, true, true, client));
  }

  private interface Call {
    void run() throws SolrServerException, IOException;
  }

  private static void run(String what, Call call) {
    try {
      call.run();
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IndexAdminException("Solr could not " + what + ": " + e.getMessage(), e);
    }
  }
}
