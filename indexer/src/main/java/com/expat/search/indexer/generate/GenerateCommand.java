package com.expat.search.indexer.generate;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import com.expat.search.indexer.world.WorldSchema;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code generate}: fills MariaDB (DB_URL, DB_USER, DB_PASSWORD) with a generated world. Creates
 * the database and tables if absent; refuses to load into tables that already hold members
 * unless {@code --drop} is given, which drops and recreates the contract's tables first.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Fills MariaDB with a realistic generated world (schema created if absent).",
      "Connection from DB_URL (default jdbc:mariadb://127.0.0.1:3306/expat), DB_USER (root), DB_PASSWORD (empty)."
    })
public final class GenerateCommand implements Callable<Integer> {
  static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/expat";

  @Option(names = "--members", defaultValue = "10000", description = "Number of members (default: ${DEFAULT-VALUE}).")
  int members;

  @Option(names = "--events", defaultValue = "1000", description = "Number of events (default: ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed and --now give the same world (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--now", description = "The world's present, ISO-8601 (default: the start of today, UTC).")
  String now;

  @Option(names = "--drop", description = "Drop and recreate the tables first, wiping what they hold.")
  boolean drop;

  @Option(names = "--batch-rows", defaultValue = "20000", description = "Rows per LOAD DATA batch (default: ${DEFAULT-VALUE}).")
  int batchRows;

  @Option(names = "--loaders", defaultValue = "2", description = "Concurrent loading connections, 1..8 (default: ${DEFAULT-VALUE}).")
  int loaders;

  private final Env env;
  private final PrintStream err;
  private final Clock clock;

  public GenerateCommand() {
    this(Env.system(), System.err, Clock.systemUTC());
  }

  GenerateCommand(Env env, PrintStream err, Clock clock) {
    this.env = env;
    this.err = err;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    String url = env.string("DB_URL", DEFAULT_URL);
    String user = env.string("DB_USER", "root");
    String password = env.optional("DB_PASSWORD").orElse("");
    WorldSpec spec = spec();
    WorldSchema.createDatabaseIfAbsent(url, user, password);
    try (HikariDataSource dataSource = dataSource(url, user, password, loaders + 1)) {
      try (Connection connection = dataSource.getConnection()) {
        if (drop) {
          WorldSchema.dropTables(connection);
        }
        WorldSchema.createTables(connection);
        long existing = count(connection, "members") + count(connection, "events") + count(connection, "cities");
        if (existing > 0) {
          err.printf(
              "generate: database %s already holds rows (%,d members, %,d events, %,d cities); pass --drop to replace them%n",
              WorldSchema.databaseName(url), count(connection, "members"), count(connection, "events"),
              count(connection, "cities"));
          return 2;
        }
      } catch (SQLException e) {
        throw new GenerateException("cannot prepare database " + url + ": " + e.getMessage(), e);
      }
      err.printf(
          "generate: %,d members, %,d events, seed %d, as of %s into %s%n",
          spec.members(), spec.events(), spec.seed(), spec.now(), url);
      long start = System.nanoTime();
      try (MariaDbWorldWriter writer = new MariaDbWorldWriter(dataSource, err, batchRows, loaders)) {
        new WorldGenerator(spec).generate(writer);
      }
      err.printf("generate: done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
    return 0;
  }

  private WorldSpec spec() {
    if (loaders < 1 || loaders > 8) {
      throw new ConfigException("--loaders " + loaders + " is outside 1..8");
    }
    if (batchRows < 1 || batchRows > 1_000_000) {
      throw new ConfigException("--batch-rows " + batchRows + " is outside 1..1000000");
    }
    Instant present;
    if (now == null) {
      present = clock.instant().truncatedTo(ChronoUnit.DAYS);
    } else {
      try {
        present = Instant.parse(now);
      } catch (DateTimeParseException e) {
        throw new ConfigException("--now " + now + " is not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
      }
    }
    try {
      return new WorldSpec(members, events, seed, present);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static HikariDataSource dataSource(String url, String user, String password, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(Math.max(2, poolSize));
    config.setPoolName("generate");
    return new HikariDataSource(config);
  }

  private static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
