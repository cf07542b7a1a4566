package com.expat.search.vocabulary;

/**
 * The fields every core's documents have ({@link MemberFields}, {@link EventFields} and {@link
 * CatalogFields} name them too). The schema is the configset's {@code managed-schema.xml}.
 */
public final class IndexFields {
  /** uniqueKey: the row's id in decimal (catalog: {@code "city:<id>"}, {@code "interest:<slug>"}). */
  public static final String ID = "id";
  /** The row's {@code version}: Solr's document-based version constraint keeps the newest. */
  public static final String VERSION = "doc_version";
  /**
   * True on the document a versioned delete leaves behind (solrconfig.xml's
   * {@code DocBasedVersionConstraintsProcessorFactory}); no search may return one.
   */
  public static final String TOMBSTONE = "tombstone";

  private IndexFields() {}
}
