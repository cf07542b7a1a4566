package com.expat.search.bench.indexing;

import com.expat.search.common.config.Env;
import com.expat.search.indexer.source.DbSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import picocli.CommandLine.Option;

/**
 * Where MariaDB is, for the indexing benchmarks: the indexer's own variables ({@code DB_URL},
 * {@code DB_USER}, {@code DB_PASSWORD}, {@code DB_POOL_SIZE}), each overridable by an option.
 */
public final class DbOptions {
  @Option(names = "--db-url", paramLabel = "JDBC_URL",
      description = "MariaDB (default: DB_URL, else " + DbSettings.DEFAULT_URL + ")")
  String url;

  @Option(names = "--db-user", description = "default: DB_USER, else root")
  String user;

  @Option(names = "--db-password", description = "default: DB_PASSWORD, else empty")
  String password;

  /** The indexer's settings from the environment, with the options given on top. */
  public DbSettings settings() {
    DbSettings env = DbSettings.from(Env.system());
    return new DbSettings(url != null ? url : env.url(), user != null ? user : env.user(),
        password != null ? password : env.password(), env.poolSize());
  }

  /** The same settings with a pool of {@code poolSize}. */
  public DbSettings settings(int poolSize) {
    DbSettings base = settings();
    return new DbSettings(base.url(), base.user(), base.password(), poolSize);
  }

  /** A read-write pool, for the benchmark's own updates (the indexer's pools are read-only). */
  public static HikariDataSource writablePool(DbSettings settings, String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(0);
    config.setPoolName(name);
    config.setConnectionTimeout(5_000);
    config.setAutoCommit(false);
    return new HikariDataSource(config);
  }
}
