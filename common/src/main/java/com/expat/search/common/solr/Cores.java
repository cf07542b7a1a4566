package com.expat.search.common.solr;

/**
 * The names searches use: cores on a standalone or bundled local Solr, collection aliases on
 * SolrCloud. A reindex builds under another name and switches these over atomically.
 */
public final class Cores {
  public static final String MEMBERS = "members";
  public static final String EVENTS = "events";
  /** Cities and interests: type-ahead and facet labels. An addition to the contract. */
  public static final String CATALOG = "catalog";

  /** The one configset every core and collection is created from. */
  public static final String CONFIGSET = "expat";

  private Cores() {}
}
