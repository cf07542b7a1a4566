package com.expat.search.query.solr;

import com.expat.search.vocabulary.Cores;
import java.util.Objects;

/**
 * The cores (or collection aliases) the service reads. Production uses {@link #defaults()}; tests
 * point the service at cores of their own.
 */
public record IndexNames(String members, String events, String catalog) {

  public IndexNames {
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(catalog, "catalog");
  }

  public static IndexNames defaults() {
    return new IndexNames(Cores.MEMBERS, Cores.EVENTS, Cores.CATALOG);
  }
}
