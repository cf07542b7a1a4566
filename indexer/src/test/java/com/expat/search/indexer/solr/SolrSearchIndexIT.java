package com.expat.search.indexer.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.expat.search.vocabulary.IndexFields;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link SolrSearchIndex#notVisible} against a real node, on a core without soft autocommit (as
 * the live core is after a rebuild), so that only an explicit commit makes a write visible.
 */
@ExtendWith(SolrExtension.class)
class SolrSearchIndexIT {

  @Test
  void writesAreNotVisibleUntilACommitAndNewerStateCountsAsVisible(SolrCores solr) {
    SolrIndexAdmin admin = new SolrIndexAdmin(solr.client());
    String core = CoreNames.buildPrefix(solr.members()) + "visibility";
    admin.createBulkCore(core);
    try {
      SolrSearchIndex index = new SolrSearchIndex(solr.client());
      IndexChange first = upsert("1", 3);
      IndexChange shown = upsert("2", 4);
      index.apply(core, List.of(first, shown));
      assertThat(index.notVisible(core, List.of(first, shown))).containsExactly(first, shown);

      index.softCommit(core);
      assertThat(index.notVisible(core, List.of(first, shown))).isEmpty();

      IndexChange newer = upsert("1", 5);
      IndexChange delete = new IndexChange.Delete("2", 6);
      index.apply(core, List.of(newer, delete));
      assertThat(index.notVisible(core, List.of(newer, delete))).containsExactly(newer, delete);

      index.softCommit(core);
      assertThat(index.notVisible(core, List.of(newer, delete))).isEmpty();
      // Older than what the index holds, or than a delete: dropped by the version constraint, and
      // what searches show is newer, so there is nothing left to wait for.
      assertThat(index.notVisible(core, List.of(upsert("1", 4), upsert("2", 5)))).isEmpty();
      // Never written at all.
      IndexChange missing = upsert("3", 1);
      assertThat(index.notVisible(core, List.of(missing))).containsExactly(missing);
    } finally {
      admin.drop(core);
    }
  }

  private static IndexChange upsert(String id, long version) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(IndexFields.ID, id);
    doc.setField(IndexFields.VERSION, version);
    return new IndexChange.Upsert(id, version, doc);
  }
}
