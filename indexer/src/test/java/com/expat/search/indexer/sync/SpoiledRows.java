package com.expat.search.indexer.sync;

import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.indexer.solr.SearchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.solr.common.SolrInputDocument;

/**
 * The real Solr index, except that the documents of some rows carry a value their field cannot
 * hold, as a mapping bug would write them: Solr itself refuses them with HTTP 400, which is what
 * makes the live sync dead-letter a row. (The mapping cleans every value a row can hold, so no
 * row of the test world is refused on its own.)
 */
public final class SpoiledRows implements SearchIndex {
  private final SearchIndex index;
  private final Set<String> spoiledIds;

  public SpoiledRows(SearchIndex index, Set<String> spoiledIds) {
    this.index = index;
    this.spoiledIds = Set.copyOf(spoiledIds);
  }

  @Override
  public void apply(String core, List<IndexChange> changes) {
    List<IndexChange> written = new ArrayList<>(changes.size());
    for (IndexChange change : changes) {
      if (change instanceof IndexChange.Upsert upsert && spoiledIds.contains(upsert.id())) {
        SolrInputDocument spoiled = upsert.document().deepCopy();
        spoiled.setField("interest_count", "not a number"); // an int field
        written.add(new IndexChange.Upsert(upsert.id(), upsert.version(), spoiled));
      } else {
        written.add(change);
      }
    }
    index.apply(core, written);
  }

  @Override
  public void add(String core, List<SolrInputDocument> documents) {
    index.add(core, documents);
  }

  @Override
  public List<IndexChange> notVisible(String core, List<IndexChange> changes) {
    return index.notVisible(core, changes);
  }

  @Override
  public void softCommit(String core) {
    index.softCommit(core);
  }

  @Override
  public void commit(String core) {
    index.commit(core);
  }

  @Override
  public void flush(String core) {
    index.flush(core);
  }

  @Override
  public void forceMerge(String core, int maxSegments) {
    index.forceMerge(core, maxSegments);
  }

  @Override
  public long count(String core) {
    return index.count(core);
  }

  @Override
  public boolean contains(String core, String id) {
    return index.contains(core, id);
  }
}
