package com.expat.search.common.solr;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import com.expat.search.vocabulary.Cores;
import java.util.Objects;
import java.util.Optional;

/**
 * The cores (or collection aliases) a process reads and writes. Production uses {@link
 * #defaults()}; tests and side-by-side deployments rename them with {@code EXPAT_MEMBERS_CORE},
 * {@code EXPAT_EVENTS_CORE} and {@code EXPAT_CATALOG_CORE} ({@link Cores}).
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

  /**
   * The names from {@code EXPAT_*_CORE}. The query service documented {@code SOLR_MEMBERS_CORE},
   * {@code SOLR_EVENTS_CORE} and {@code SOLR_CATALOG_CORE} first: they are read as deprecated
   * aliases of the same settings.
   *
   * @throws ConfigException when a setting and its deprecated alias are both set and differ
   */
  public static IndexNames from(Env env) {
    return new IndexNames(
        name(env, Cores.MEMBERS_VARIABLE, "SOLR_MEMBERS_CORE", Cores.MEMBERS),
        name(env, Cores.EVENTS_VARIABLE, "SOLR_EVENTS_CORE", Cores.EVENTS),
        name(env, Cores.CATALOG_VARIABLE, "SOLR_CATALOG_CORE", Cores.CATALOG));
  }

  private static String name(Env env, String variable, String deprecatedAlias, String defaultName) {
    Optional<String> value = env.optional(variable);
    Optional<String> alias = env.optional(deprecatedAlias);
    if (value.isPresent() && alias.isPresent() && !value.get().equals(alias.get())) {
      throw new ConfigException(variable + "=" + value.get() + " and its deprecated alias " + deprecatedAlias + "="
          + alias.get() + " disagree; set only " + variable);
    }
    return value.or(() -> alias).orElse(defaultName);
  }
}
