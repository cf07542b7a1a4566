package com.expat.search.indexer.world;

import com.expat.search.common.ExpatSearchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract's tables as DDL ({@code db/schema.sql} on the classpath) and the few operations
 * that tests, the demo and the generator need around it: create the database named by a JDBC
 * URL, create the tables if absent, drop them. Stateless and thread-safe.
 *
 * <p>Failures are thrown as {@link SchemaException}, naming the URL or statement at fault.
 */
public final class WorldSchema {
  /** Every table of the contract, in creation order. */
  public static final List<String> TABLES =
      List.of(
          "cities",
          "interests",
          "members",
          "member_languages",
          "member_interests",
          "member_contacts",
          "member_blocks",
          "events",
          "event_interests",
          "event_attendees");

  static final String RESOURCE = "db/schema.sql";
  private static final Pattern MARIADB_URL =
      Pattern.compile("^(jdbc:(?:mariadb|mysql)://[^/?]+)(?:/([^?]*))?(\\?.*)?$");

  private WorldSchema() {}

  /** The DDL statements of {@code db/schema.sql}, split on {@code ;} at the end of a line. */
  public static List<String> statements() {
    try (InputStream in = WorldSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new SchemaException("classpath resource " + RESOURCE + " is missing");
      }
      return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> split(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return List.copyOf(statements);
  }

  /** Creates every table that does not exist yet; existing tables are left as they are. */
  public static void createTables(Connection connection) {
    for (String sql : statements()) {
      execute(connection, sql);
    }
  }

  /** Drops every table of the contract that exists. */
  public static void dropTables(Connection connection) {
    for (String table : TABLES) {
      execute(connection, "DROP TABLE IF EXISTS " + table);
    }
  }

  /**
   * The database a MariaDB JDBC URL names, e.g. {@code expat} for
   * {@code jdbc:mariadb://127.0.0.1:3306/expat?x=y}.
   *
   * @throws SchemaException if the URL is not a MariaDB URL or names no database
   */
  public static String databaseName(String jdbcUrl) {
    Matcher matcher = parse(jdbcUrl);
    String database = matcher.group(2);
    if (database == null || database.isEmpty()) {
      throw new SchemaException("JDBC URL " + jdbcUrl + " names no database");
    }
    if (!database.matches("[A-Za-z0-9_$]{1,64}")) {
      throw new SchemaException(
          "database name '" + database + "' in " + jdbcUrl + " is not a plain identifier");
    }
    return database;
  }

  /** The URL without its database, keeping the parameters: for connecting to the server only. */
  public static String serverUrl(String jdbcUrl) {
    Matcher matcher = parse(jdbcUrl);
    return matcher.group(1) + "/" + Objects.requireNonNullElse(matcher.group(3), "");
  }

  /**
   * Creates the database the URL names (utf8mb4) if it does not exist, connecting to the server
   * without a database.
   */
  public static void createDatabaseIfAbsent(String jdbcUrl, String user, String password) {
    String database = databaseName(jdbcUrl);
    try (Connection connection = DriverManager.getConnection(serverUrl(jdbcUrl), user, password)) {
      execute(
          connection,
          "CREATE DATABASE IF NOT EXISTS `"
              + database
              + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new SchemaException(
          "cannot connect to MariaDB at " + serverUrl(jdbcUrl) + " as " + user + ": " + e.getMessage(),
          e);
    }
  }

  private static Matcher parse(String jdbcUrl) {
    Matcher matcher = MARIADB_URL.matcher(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
    if (!matcher.matches()) {
      throw new SchemaException(
          "JDBC URL " + jdbcUrl + " is not of the form jdbc:mariadb://host:port/database");
    }
    return matcher;
  }

  private static void execute(Connection connection, String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new SchemaException("schema statement failed: " + e.getMessage() + "\n" + sql, e);
    }
  }

  /** The schema could not be read or applied. */
  public static final class SchemaException extends ExpatSearchException {
    public SchemaException(String message) {
      super(message);
    }

    public SchemaException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
