package com.expat.search.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How the index orders writes of one row by version, whatever order they arrive in. */
@ExtendWith(SolrExtension.class)
class VersionOrderingIT {

  private static IndexChange upsert(String id, long version, String name) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField("id", id);
    doc.setField("doc_version", version);
    doc.setField("display_name", name);
    doc.setField("searchable", true);
    return new IndexChange.Upsert(id, version, doc);
  }

  private static SolrDocumentList find(SolrCores solr, String id) throws Exception {
    SolrQuery query = new SolrQuery("id:" + id).setFields("id", "doc_version", "display_name");
    return solr.client().query(solr.members(), query).getResults();
  }

  @Test
  void staleChangeNeverOverwritesNewerVersion(SolrCores solr) throws Exception {
    SolrSearchIndex index = new SolrSearchIndex(solr.client());
    index.apply(solr.members(), List.of(upsert("1", 5, "five")));
    index.apply(solr.members(), List.of(upsert("1", 3, "three"), upsert("1", 5, "five again")));
    index.softCommit(solr.members());
    assertThat(find(solr, "1")).singleElement().satisfies(doc -> {
      assertThat(doc.getFieldValue("display_name")).isEqualTo("five");
      assertThat(doc.getFieldValue("doc_version")).isEqualTo(5L);
    });
  }

  @Test
  void staleDeleteNeverRemovesNewerVersionAndNewerDeleteWins(SolrCores solr) throws Exception {
    SolrSearchIndex index = new SolrSearchIndex(solr.client());
    index.apply(solr.members(), List.of(upsert("2", 8, "eight"), new IndexChange.Delete("2", 7)));
    index.softCommit(solr.members());
    assertThat(find(solr, "2")).hasSize(1);

    index.apply(solr.members(), List.of(new IndexChange.Delete("2", 9), upsert("2", 8, "eight, late")));
    index.softCommit(solr.members());
    assertThat(find(solr, "2")).isEmpty();
    assertThat(solr.client().query(solr.members(), new SolrQuery("id:2").setRows(0)).getResults().getNumFound())
        .as("tombstones are not found").isZero();

    index.apply(solr.members(), List.of(upsert("2", 10, "reactivated")));
    index.softCommit(solr.members());
    assertThat(find(solr, "2")).singleElement()
        .satisfies(doc -> assertThat(doc.getFieldValue("display_name")).isEqualTo("reactivated"));
  }

  @Test
  void hardDeletedRowBeatsAnyStaleReAddEvenFromARacingIndexer(SolrCores solr) throws Exception {
    SolrSearchIndex index = new SolrSearchIndex(solr.client());
    index.apply(solr.members(), List.of(upsert("3", 4, "four")));
    // Indexer A read the row at version 12 just before the website deleted it; indexer B saw it
    // gone and wrote its delete first. A's late write must not bring the member back.
    index.apply(solr.members(), List.of(new IndexChange.Delete("3", BatchProcessor.GONE_ROW_VERSION)));
    index.apply(solr.members(), List.of(upsert("3", 12, "stale read")));
    index.softCommit(solr.members());
    assertThat(find(solr, "3")).isEmpty();
  }
}
