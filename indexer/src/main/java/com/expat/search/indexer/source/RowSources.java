package com.expat.search.indexer.source;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/** Builds {@link RowReader}s, {@link RebuildSource}s and the connection pool they read through. */
public final class RowSources {
  private RowSources() {}

  /**
   * Reads MariaDB through {@code dataSource}: everything a rebuild needs, and as a {@link RowReader}
   * what the live sync needs.
   */
  public static RebuildSource mariaDb(DataSource dataSource) {
    return new MariaDbRowSource(dataSource);
  }

  /** The rows' ids and versions in MariaDB through {@code dataSource}, for {@code verify}. */
  public static RowVersions versions(DataSource dataSource) {
    return new MariaDbRowSource(dataSource);
  }

  /**
   * {@code source} whose {@link RowReader#catalog()} is read at most once per {@code refresh}
   * (the catalog is a few thousand rows that rarely change). When a refresh fails, the last
   * catalog is kept; only the very first read throws.
   */
  public static RowReader withCachedCatalog(RowReader source, Duration refresh, Clock clock) {
    return new CachedCatalogSource(source, refresh, clock);
  }

  /**
   * A Hikari pool for {@code settings}. Connections fail fast (2 s) so that a MariaDB outage is
   * seen as a passing failure and retried, instead of hanging a batch.
   */
  public static HikariDataSource pool(DbSettings settings, String name) {
    return pool(settings, name, Duration.ofSeconds(2));
  }

  /**
   * A Hikari pool for a tool ({@code verify}, {@code rollback}) that should rather wait for a busy
   * MariaDB than give up: connections may take {@code connectTimeout} to be made.
   */
  public static HikariDataSource pool(DbSettings settings, String name, Duration connectTimeout) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(0);
    config.setPoolName(name);
    config.setConnectionTimeout(connectTimeout.toMillis());
    config.setValidationTimeout(1_000);
    config.setInitializationFailTimeout(-1);
    config.setReadOnly(true);
    return new HikariDataSource(config);
  }
}
