package com.expat.search.vocabulary;

/**
 * The names under which the configset registers the plugin's query parsers (and the transformers
 * of the same names): the query service writes them into its requests, solr-config registers its
 * classes under them.
 */
public final class QueryParsers {
  /** Members ranked inside Solr: {@code rq={!expat_matches ...}} and the {@code [expat_matches]} transformer. */
  public static final String MATCHES = "expat_matches";
  /** Events ranked inside Solr: {@code rq={!expat_events ...}} and the {@code [expat_events]} transformer. */
  public static final String EVENTS = "expat_events";
  /**
   * The members who speak any of the given languages, from one cached set per language:
   * {@code {!expat_languages cache=false f=languages v=$shared_languages}}.
   */
  public static final String LANGUAGES = "expat_languages";
  /**
   * The terms of one of the viewer's own fields, the viewer read inside Solr by real-time get:
   * {@code {!expat_viewer_terms f=id viewer=V v=blocked_ids}}, the members whose id is on V's list.
   */
  public static final String VIEWER_TERMS = "expat_viewer_terms";
  /**
   * The members within a radius of the viewer's city, the viewer read inside Solr by real-time get:
   * {@code {!expat_near viewer=V d=50}}.
   */
  public static final String NEAR = "expat_near";

  /**
   * A member's docValues-only field written from the plugin's columns, the alias naming the field:
   * {@code fl=...,city_id:[expat_field]} (a transformer only).
   */
  public static final String COLUMN_FIELD = "expat_field";

  private QueryParsers() {}
}
