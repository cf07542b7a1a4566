package com.expat.search.indexer.solr;

/**
 * How the nightly rebuild names its cores, which the live sync relies on to find them:
 * {@code <live>__build_<stamp>} while a rebuild loads (the live sync writes to it too), and
 * {@code <live>__prev_<stamp>} for the index a switch replaced, kept for rollback.
 */
public final class CoreNames {
  private CoreNames() {}

  public static String buildPrefix(String live) {
    return live + "__build_";
  }

  public static String previousPrefix(String live) {
    return live + "__prev_";
  }
}
