package com.expat.search.testing.db;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * A database of its own for one test class, on the MariaDB server the environment names.
 *
 * @param jdbcUrl a URL naming this database, usable as {@code DB_URL}
 * @param dataSource a small connection pool on it, closed when the database is dropped
 * @param name the database name, unique per test class run ({@code t_<class>_<random>})
 */
public record TestDatabase(String jdbcUrl, DataSource dataSource, String name) {
  public TestDatabase {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(name, "name");
  }
}
