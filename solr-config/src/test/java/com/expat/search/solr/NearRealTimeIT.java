package com.expat.search.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.expat.search.vocabulary.MemberFields;
import java.time.Duration;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Soft commits make changes searchable within a second; a bulk-load core can switch them off. */
@ExtendWith(SolrExtension.class)
class NearRealTimeIT {
  private final SolrCores cores;
  private final SolrClient client;

  NearRealTimeIT(SolrCores cores) {
    this.cores = cores;
    this.client = cores.client();
  }

  /**
   * No commit is ever sent, and the hard autoCommit does not open a searcher, so only the soft
   * commits can make the document searchable. How fast (500 ms configured; the contract allows a
   * second) is a speed figure for the benchmarks, not for a test; the deadline only stops a hang.
   */
  @Test
  void addedDocumentBecomesSearchableWithoutCommit() throws Exception {
    client.add(cores.members(), member("nrt1"));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (count(cores.members(), "nrt1") == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(count(cores.members(), "nrt1")).as("searchable without any commit request").isEqualTo(1);
  }

  @Test
  void bulkLoadCoreWithSoftCommitsOffShowsNothingUntilCommit() throws Exception {
    String bulk = cores.members() + "_bulk";
    // What the README documents: CREATE with property.expat.softCommitMs=-1.
    var params = new ModifiableSolrParams()
        .set("action", "CREATE").set("name", bulk).set("instanceDir", bulk)
        .set("configSet", "expat").set("property.expat.softCommitMs", "-1");
    client.request(new GenericSolrRequest(SolrRequest.METHOD.POST, "/admin/cores", params));
    try {
      client.add(bulk, member("bulk1"));
      Thread.sleep(1_500);
      assertThat(count(bulk, "bulk1")).isZero();

      client.commit(bulk);
      assertThat(count(bulk, "bulk1")).isEqualTo(1);
    } finally {
      var unload = new CoreAdminRequest.Unload(true);
      unload.setCoreName(bulk);
      unload.setDeleteDataDir(true);
      unload.setDeleteInstanceDir(true);
      unload.process(client);
    }
  }

  private long count(String core, String id) throws Exception {
    return client.query(core, new SolrQuery("id:" + id).setRows(0)).getResults().getNumFound();
  }

  private static SolrInputDocument member(String id) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(MemberFields.ID, id);
    doc.setField(MemberFields.VERSION, 1L);
    doc.setField(MemberFields.DISPLAY_NAME, "Fresh " + id);
    return doc;
  }
}
