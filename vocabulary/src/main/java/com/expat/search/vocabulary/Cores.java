package com.expat.search.vocabulary;

/**
 * The names searches use: cores on a standalone or bundled local Solr, collection aliases on
 * SolrCloud. A reindex builds under another name and switches these over atomically.
 */
public final class Cores {
  public static final String MEMBERS = "members";
  public static final String EVENTS = "events";
  /** Cities and interests: type-ahead and facet labels. An addition to the contract. */
  public static final String CATALOG = "catalog";

  /**
   * The variables that rename them, for tests and side-by-side deployments
   * (docs/contract-additions.md). The query service also reads the deprecated {@code SOLR_*_CORE}
   * spellings it documented first ({@code common}'s {@code CoreNames}).
   */
  public static final String MEMBERS_VARIABLE = "EXPAT_MEMBERS_CORE";
  public static final String EVENTS_VARIABLE = "EXPAT_EVENTS_CORE";
  public static final String CATALOG_VARIABLE = "EXPAT_CATALOG_CORE";

  /** The one configset every core and collection is created from. */
  public static final String CONFIGSET = "expat";

  private Cores() {}
}
