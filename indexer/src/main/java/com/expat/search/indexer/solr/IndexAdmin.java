package com.expat.search.indexer.solr;

import java.util.List;

/**
 * The cores of a standalone (or bundled local) Solr node, for the nightly rebuild: create a core
 * to load in bulk, then switch names atomically. Implementations are thread-safe; every method
 * either completes or throws {@link IndexAdminException}.
 */
public interface IndexAdmin {

  /**
   * Creates {@code name} from configset {@code expat} with soft commits off (core property
   * {@code expat.softCommitMs=-1}, solr-config/README.md): a bulk load commits once at the end.
   */
  void createBulkCore(String name);

  /** The names of every core on the node. */
  List<String> cores();

  /**
   * True when a core answers to {@code name}. Asks the core itself: after a SWAP, Solr 9's core
   * listing can go on showing the pre-swap names until the node restarts.
   */
  boolean exists(String name);

  /**
   * Swaps the names of two cores in one step (CoreAdmin SWAP): a search addressed to either name
   * sees one index or the other, never none and never a half-built one.
   */
  void swap(String core, String other);

  /** Renames a core. */
  void rename(String core, String newName);

  /** Unloads a core and deletes its index and instance directory. */
  void drop(String core);
}
