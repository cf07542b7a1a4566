package com.expat.search.query.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SolrIndex#query} against a real Solr: parameters travel in the body, so long id lists fit. */
@ExtendWith(SolrExtension.class)
class SolrIndexIT {
  private static SolrIndex index;
  private static String core;

  @BeforeAll
  static void index(SolrCores solr) throws Exception {
    solr.client().add(solr.members(), members(50));
    solr.client().commit(solr.members());
    index = new SolrIndex(solr.client());
    core = solr.members();
  }

  @Test
  void aShortQueryIsAnswered() {
    assertThat(index.query(core, idsIn(LongStream.of(3, 7))).getResults().getNumFound()).isEqualTo(2);
  }

  @Test
  void aQueryLongerThanAUrlTakesIsAnsweredToo() {
    // 20,000 ids: some 120 kB of parameters, far past what Jetty takes in a request line.
    ModifiableSolrParams params = idsIn(LongStream.rangeClosed(10, 20_009));
    assertThat(params.toQueryString().length()).isGreaterThan(100_000);

    assertThat(index.query(core, params).getResults().getNumFound()).isEqualTo(41);
  }

  /** Members 1 to {@code count}: searchable, nothing else. */
  static List<SolrInputDocument> members(int count) {
    List<SolrInputDocument> docs = new ArrayList<>();
    for (long id = 1; id <= count; id++) {
      SolrInputDocument doc = new SolrInputDocument();
      doc.setField("id", Long.toString(id));
      doc.setField("searchable", true);
      doc.setField("doc_version", 1L);
      docs.add(doc);
    }
    return docs;
  }

  private static ModifiableSolrParams idsIn(LongStream ids) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "*:*");
    params.add("fq", "{!terms f=id v=$ids}");
    params.set("ids", ids.mapToObj(Long::toString).collect(Collectors.joining(",")));
    params.set("rows", 0);
    return params;
  }
}
