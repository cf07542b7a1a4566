package com.expat.search.indexer.source;

/** The tables whose rows become documents. */
public enum Table {
  MEMBERS("members"),
  EVENTS("events");

  private final String sql;

  Table(String sql) {
    this.sql = sql;
  }

  String sql() {
    return sql;
  }
}
