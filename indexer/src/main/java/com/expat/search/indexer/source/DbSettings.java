package com.expat.search.indexer.source;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import java.util.Objects;

/**
 * Where MariaDB is: {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD} (contract section 5).
 *
 * @param poolSize connections of the pool ({@code DB_POOL_SIZE}, default 4)
 */
public record DbSettings(String url, String user, String password, int poolSize) {
  public static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/expat";

  public DbSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:mysql:")) {
      throw new ConfigException("DB_URL=" + url + " is not a jdbc:mariadb: URL");
    }
    if (poolSize < 1) {
      throw new ConfigException("DB_POOL_SIZE=" + poolSize + " must be at least 1");
    }
  }

  public static DbSettings from(Env env) {
    return new DbSettings(
        env.string("DB_URL", DEFAULT_URL),
        env.string("DB_USER", "root"),
        env.optional("DB_PASSWORD").orElse(""),
        env.integer("DB_POOL_SIZE", 4, 1, 64));
  }
}
