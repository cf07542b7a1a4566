package com.expat.search.indexer.solr;

import com.expat.search.indexer.mapping.IndexChange;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;

/**
 * The indexer's write side of Solr, one core or alias at a time. Implementations are
 * thread-safe. Every method either completes, with Solr having accepted the write, or throws
 * {@link IndexWriteException}; nothing is half-acknowledged.
 */
public interface SearchIndex {

  /**
   * Applies the changes in one round trip where the protocol allows. Solr's version constraint
   * decides per document: a change older than what the index holds is ignored, not an error.
   */
  void apply(String core, List<IndexChange> changes);

  /** Adds documents that carry their own version, as a bulk load does. */
  void add(String core, List<SolrInputDocument> documents);

  /**
   * Makes every accepted write visible to searches (a soft commit, waiting for the new searcher),
   * without the cost of a durable flush; Solr's autoCommit takes care of durability.
   */
  void softCommit(String core);

  /**
   * The changes among {@code changes} that searches on {@code core} do not show yet: an upsert
   * whose document is missing or older than the change (unless a delete at least as new replaced
   * it), a delete whose document is still there at an older version. Empty once a commit made
   * them all visible. A {@link #softCommit} that returned is no proof of that: Solr answers success
   * to a commit it ignores, as it does while it replays its update log after a restart.
   */
  List<IndexChange> notVisible(String core, List<IndexChange> changes);

  /** Makes every accepted write visible to searches and durable. */
  void commit(String core);

  /**
   * Writes every accepted document into the index files, durably, without making it visible (a
   * hard commit that opens no searcher): documents accepted after it never share a segment with
   * those accepted before it. A rebuild ends each of its sorted runs with it ({@code
   * reindex.SortedRuns}).
   */
  void flush(String core);

  /**
   * Merges the core's index down to at most {@code maxSegments} segments and makes it visible, as
   * a rebuild does once before its switch: every search then pays per-segment costs (weights, term
   * look-ups, docValues iterators) a few times instead of once per small segment.
   */
  void forceMerge(String core, int maxSegments);

  /** Number of documents visible to searches. */
  long count(String core);

  /** True when the document is visible to searches. */
  boolean contains(String core, String id);
}
