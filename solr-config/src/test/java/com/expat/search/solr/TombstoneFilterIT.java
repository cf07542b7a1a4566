package com.expat.search.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.expat.search.vocabulary.MemberFields;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code /select} handler's appended {@code -tombstone:true} hides the documents versioned
 * deletes leave behind, without Solr's filterCache: there it was one set over the whole index,
 * rebuilt by the autowarm of every new searcher (every soft commit); now Lucene applies it per
 * segment (docs/benchmarks.md, "The tombstone filter per segment").
 */
@ExtendWith(SolrExtension.class)
class TombstoneFilterIT {
  private final SolrClient client;
  private final String core;

  TombstoneFilterIT(SolrCores cores) {
    this.client = cores.client();
    this.core = cores.members();
  }

  @Test
  void tombstonesStayHiddenInEverySegmentAcrossSoftCommits() throws Exception {
    for (int segment = 0; segment < 3; segment++) {
      add("t" + segment, 1);
      add("kept" + segment, 1);
      client.commit(core, true, true, true);
      delete("t" + segment, 2);
      client.commit(core, true, true, true);
    }

    assertThat(ids("id:t* OR id:kept*")).containsExactlyInAnyOrder("kept0", "kept1", "kept2");
    assertThat(client.getById(core, "t1").getFieldValue("tombstone")).isEqualTo(true);
  }

  @Test
  void theTombstoneFilterNeverGoesThroughTheFilterCache() throws Exception {
    add("f1", 1);
    client.commit(core, true, true, true);
    long lookups = filterCacheLookups();

    ids("id:f1");
    ids("id:nothing-here");

    assertThat(filterCacheLookups()).isEqualTo(lookups);
  }

  private void add(String id, long version) throws Exception {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(MemberFields.ID, id);
    doc.setField(MemberFields.VERSION, version);
    doc.setField(MemberFields.SEARCHABLE, true);
    client.add(core, doc);
  }

  private void delete(String id, long version) throws Exception {
    UpdateRequest delete = new UpdateRequest().deleteById(id);
    delete.setParam("del_version", Long.toString(version));
    delete.process(client, core);
  }

  private List<String> ids(String query) throws Exception {
    return client.query(core, new SolrQuery(query).setFields("id").setRows(100)).getResults().stream()
        .map(doc -> (String) doc.getFieldValue("id"))
        .toList();
  }

  /** The filterCache's lookups since the searcher opened (cumulative ones would include autowarm). */
  private long filterCacheLookups() throws Exception {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("cat", "CACHE");
    params.set("key", "filterCache");
    params.set("stats", "true");
    NamedList<Object> answer = client.request(
        new GenericSolrRequest(SolrRequest.METHOD.GET, "/admin/mbeans", params).setRequiresCollection(true), core);
    Object stats = answer.findRecursive("solr-mbeans", "CACHE", "filterCache", "stats");
    Object lookups = stats instanceof NamedList<?> list ? list.get("CACHE.searcher.filterCache.lookups")
        : stats instanceof Map<?, ?> map ? map.get("CACHE.searcher.filterCache.lookups") : null;
    assertThat(lookups).as("filterCache lookups in %s", answer).isInstanceOf(Number.class);
    return ((Number) lookups).longValue();
  }
}
