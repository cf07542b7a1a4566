package com.expat.search.indexer.solr;

import java.util.Optional;

/**
 * How the nightly rebuild names its cores, which the live sync relies on to find them:
 * {@code <live>__build_<stamp>} while a rebuild loads (the live sync writes to it too), and
 * {@code <live>__prev_<stamp>} for the index a switch replaced, kept for rollback. The same names
 * serve cores on a standalone node and collections and aliases on SolrCloud (where
 * {@code <live>__prev_<stamp>} is an alias of the replaced collection).
 */
public final class CoreNames {
  private static final String BUILD = "__build_";

  private CoreNames() {}

  public static String buildPrefix(String live) {
    return live + BUILD;
  }

  public static String previousPrefix(String live) {
    return live + "__prev_";
  }

  /** The live name {@code name} is a build of, or empty when it is not a build name. */
  public static Optional<String> liveOfBuild(String name) {
    int at = name.lastIndexOf(BUILD);
    return at > 0 ? Optional.of(name.substring(0, at)) : Optional.empty();
  }
}
