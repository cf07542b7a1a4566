package com.expat.search.indexer.ops;

/** How a row and the live index disagree. */
enum Drift {
  /** The row belongs in the index and no document stands for it. */
  MISSING("missing"),
  /** The document's version is not the row's. */
  STALE("stale"),
  /** A document whose row is gone or no longer belongs in the index (deactivated, unpublished). */
  GONE("should be gone"),
  /**
   * A row the live write path cannot index: the mapping refuses it, or Solr answered 400 for its
   * document. A data bug: indexing again cannot help; the row must be fixed (see
   * docs/contract-additions.md).
   */
  REJECTED("rejected");

  private final String label;

  Drift(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The name in metrics and machine-read output. */
  String metric() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
