package com.expat.search.indexer.reindex;

/** What one rebuild builds. */
public enum Target {
  MEMBERS,
  EVENTS,
  CATALOG
}
