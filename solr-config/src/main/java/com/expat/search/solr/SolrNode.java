package com.expat.search.solr;

/** A running local Solr, standalone or a cluster; closing it stops it. */
interface SolrNode extends AutoCloseable {
  /** Base URL of a node, e.g. {@code http://127.0.0.1:8983/solr}. */
  String baseUrl();

  /** Stops Solr; logs and swallows failures so that shutdown always completes. */
  @Override
  void close();
}
