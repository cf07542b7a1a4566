package com.expat.search.testing.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class a fresh MariaDB database, dropped after the class. The server comes
 * from {@code DB_URL} (its database part is ignored), {@code DB_USER} and {@code DB_PASSWORD},
 * defaulting to {@code jdbc:mariadb://127.0.0.1:3306/}, {@code root} and no password; the
 * project's scripts start it. If it is not reachable, the class fails at once with a message
 * that says where it looked.
 *
 * <p>The database is created empty, or with a schema script from the classpath (statements
 * separated by {@code ;} at the end of a line). This module does not depend on the indexer, so
 * the script is named by the test, e.g. the indexer's {@code db/schema.sql}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MariaDbExtension DB = MariaDbExtension.withSchema("db/schema.sql");
 *
 * @Test
 * void something(TestDatabase db) { ... db.dataSource() ... db.jdbcUrl() ... }
 * }</pre>
 *
 * {@code @ExtendWith(MariaDbExtension.class)} gives an empty database. Test methods and
 * constructors may declare a {@link TestDatabase} parameter; {@link #database()} returns the same.
 */
public final class MariaDbExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/";
  private static final Pattern URL = Pattern.compile("^(jdbc:(?:mariadb|mysql)://[^/?]+)(?:/[^?]*)?(\\?.*)?$");

  private final String schemaResource;
  private final Map<String, String> env;
  private HikariDataSource dataSource;
  private TestDatabase database;

  /** An empty database (for {@code @ExtendWith}). */
  public MariaDbExtension() {
    this(null, System.getenv());
  }

  MariaDbExtension(String schemaResource, Map<String, String> env) {
    this.schemaResource = schemaResource;
    this.env = Map.copyOf(env);
  }

  /** An empty database. */
  public static MariaDbExtension empty() {
    return new MariaDbExtension(null, System.getenv());
  }

  /** A database with the tables of a schema script on the test classpath, e.g. {@code db/schema.sql}. */
  public static MariaDbExtension withSchema(String classpathResource) {
    return new MariaDbExtension(Objects.requireNonNull(classpathResource, "classpathResource"), System.getenv());
  }

  /** The current test class's database; only between beforeAll and afterAll. */
  public TestDatabase database() {
    if (database == null) {
      throw new IllegalStateException("no database: MariaDbExtension is used outside its test class");
    }
    return database;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    String user = setting("DB_USER", "root");
    String password = env.getOrDefault("DB_PASSWORD", "");
    Matcher url = URL.matcher(setting("DB_URL", DEFAULT_URL));
    if (!url.matches()) {
      throw new ExtensionConfigurationException(
          "DB_URL=" + env.get("DB_URL") + " is not of the form jdbc:mariadb://host:port/database");
    }
    String parameters = Objects.requireNonNullElse(url.group(2), "");
    String serverUrl = url.group(1) + "/" + parameters;
    String name = databaseName(context.getRequiredTestClass());
    try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new ExtensionConfigurationException(
          "MariaDB is not reachable at " + serverUrl + " as " + user + " (" + e.getMessage() + "). "
              + "Start it (the project's scripts do), or point DB_URL/DB_USER/DB_PASSWORD at a server.",
          e);
    }
    String jdbcUrl = url.group(1) + "/" + name + parameters;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    config.setPoolName("test-" + name);
    dataSource = new HikariDataSource(config);
    database = new TestDatabase(jdbcUrl, dataSource, name);
    if (schemaResource != null) {
      applySchema(schemaResource);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    if (database == null) {
      return;
    }
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS `" + database.name() + "`");
    } finally {
      dataSource.close();
      dataSource = null;
      database = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return database();
  }

  private void applySchema(String resource) {
    String script;
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ExtensionConfigurationException("schema script " + resource + " is not on the test classpath");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ExtensionConfigurationException("cannot read schema script " + resource, e);
    }
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      StringBuilder current = new StringBuilder();
      for (String line : script.split("\n", -1)) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("--")) {
          continue;
        }
        current.append(line).append('\n');
        if (trimmed.endsWith(";")) {
          String sql = current.toString().strip();
          statement.execute(sql.substring(0, sql.length() - 1));
          current.setLength(0);
        }
      }
      if (!current.toString().isBlank()) {
        statement.execute(current.toString());
      }
    } catch (SQLException e) {
      throw new ExtensionConfigurationException("schema script " + resource + " failed: " + e.getMessage(), e);
    }
  }

  private String setting(String name, String defaultValue) {
    String value = env.get(name);
    return value == null || value.isBlank() ? defaultValue : value.trim();
  }

  private static String databaseName(Class<?> testClass) {
    String simple = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    byte[] random = new byte[4];
    ThreadLocalRandom.current().nextBytes(random);
    return "t_" + simple.substring(0, Math.min(40, simple.length())) + "_" + HexFormat.of().formatHex(random);
  }
}
