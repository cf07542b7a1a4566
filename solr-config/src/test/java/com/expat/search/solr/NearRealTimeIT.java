package com.expat.search.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.expat.search.vocabulary.MemberFields;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Soft commits make changes searchable within a second; a bulk-load core can switch them off, for
 * good by a core property or in memory by {@code /expat/soft-commits}.
 */
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

  /**
   * What a rebuild does to its build core (the indexer's Reindexer): pause in memory, load, resume
   * before the switch. After the resume the core soft-commits as configured, with no core property
   * left behind to keep them off once it is live.
   */
  @Test
  void pausedSoftCommitsShowNothingUntilResumedThenTheConfiguredOnesRunAgain() throws Exception {
    String core = cores.events();
    assertThat(softCommits(core, "status")).containsEntry("configured_ms", 500).containsEntry("current_ms", 500L);
    try {
      assertThat(softCommits(core, "pause")).containsEntry("current_ms", -1L);
      client.add(core, member("paused1"));
      Thread.sleep(1_500);
      assertThat(count(core, "paused1")).as("no automatic soft commit while paused").isZero();
    } finally {
      assertThat(softCommits(core, "resume")).containsEntry("current_ms", 500L);
    }

    client.add(core, member("resumed1"));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (count(core, "resumed1") == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(count(core, "resumed1") + count(core, "paused1")).as("searchable without any commit request").isEqualTo(2);
  }

  @Test
  void softCommitsRefuseAnUnknownAction() {
    assertThatThrownBy(() -> softCommits(cores.members(), "stop"))
        .isInstanceOf(SolrException.class)
        .hasMessageContaining("expected pause, resume or status")
        .satisfies(e -> assertThat(((SolrException) e).code()).isEqualTo(400));
  }

  private Map<String, Object> softCommits(String core, String action) throws Exception {
    var params = new ModifiableSolrParams().set("action", action);
    NamedList<Object> answer = client.request(
        new GenericSolrRequest(SolrRequest.METHOD.POST, "/expat/soft-commits", params).setRequiresCollection(true), core);
    Map<String, Object> values = new HashMap<>();
    values.put("configured_ms", answer.get("configured_ms"));
    values.put("current_ms", answer.get("current_ms"));
    return values;
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
