package com.expat.search.bench.indexing;

import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.indexer.solr.SearchIndex;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;

/**
 * The rebuild's {@link SearchIndex} with every accepted page noted in a {@link WriteLog}: the
 * rebuild itself runs unchanged, the benchmark only watches its writes. Thread-safe as the index
 * and the log are.
 */
final class MeteredIndex implements SearchIndex {
  private final SearchIndex index;
  private final WriteLog log;

  MeteredIndex(SearchIndex index, WriteLog log) {
    this.index = index;
    this.log = log;
  }

  @Override
  public void apply(String core, List<IndexChange> changes) {
    index.apply(core, changes);
    int upserts = (int) changes.stream().filter(IndexChange.Upsert.class::isInstance).count();
    log.accepted(upserts, changes.size() - upserts);
  }

  @Override
  public void add(String core, List<SolrInputDocument> documents) {
    index.add(core, documents);
    int tombstones = (int) documents.stream().filter(DocumentFile::isTombstone).count();
    log.accepted(documents.size() - tombstones, tombstones);
  }

  @Override
  public void softCommit(String core) {
    index.softCommit(core);
  }

  @Override
  public List<IndexChange> notVisible(String core, List<IndexChange> changes) {
    return index.notVisible(core, changes);
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
