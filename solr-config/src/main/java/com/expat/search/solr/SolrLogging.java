package com.expat.search.solr;

import java.nio.file.Path;

/**
 * Points Log4j 2 at this module's configuration ({@code expat-solr-log4j2.xml}): Solr's log in
 * {@code <home>/logs/solr.log} at INFO, warnings and errors also on stderr, nothing on stdout
 * (stdout carries only the ready line). Must run before any Solr class is loaded.
 */
final class SolrLogging {
  /** Held so that the level set on Jersey's java.util.logging logger is not collected. */
  private static final java.util.logging.Logger JERSEY =
      java.util.logging.Logger.getLogger("org.glassfish.jersey");

  private SolrLogging() {}

  static void configure(Path logDir) {
    System.setProperty("expat.solr.logDir", logDir.toString());
    System.setProperty("solr.log.dir", logDir.toString());
    if (System.getProperty("log4j2.configurationFile") == null
        && System.getProperty("log4j.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "expat-solr-log4j2.xml");
    }
    // Jersey (Solr's v2 API) warns on every start about an optional provider it cannot find.
    JERSEY.setLevel(java.util.logging.Level.SEVERE);
  }
}
