package com.expat.search.indexer.source;

import com.expat.search.common.ExpatSearchException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A lock that keeps two jobs that replace one live index (a rebuild, a rollback) from running at
 * once, held as a MariaDB named lock ({@code GET_LOCK}) on a connection of its own for as long as
 * the job runs.
 *
 * <p>Why MariaDB: every such job already needs it, wherever it runs (any host, any number of
 * cron or systemd schedulers); the server releases the lock when the holder's connection ends,
 * so a job that is killed, or whose host dies, never leaves a stale lock behind for an operator
 * to clear (a marker in Solr or a file would, or would need a lease). The name is scoped to the
 * database and the live core, so rebuilds of other cores, and other worlds on the same server, do
 * not wait for each other. If MariaDB restarts mid-job the lock is lost with the connection; the
 * job goes on, and another job could then start: {@link #held()} lets the job check.
 */
public final class JobLock implements AutoCloseable {
  private final Connection connection;
  private final String name;

  private JobLock(Connection connection, String name) {
    this.connection = connection;
    this.name = name;
  }

  /**
   * Takes the lock of {@code core}, without waiting: empty when another job holds it.
   *
   * @throws SourceException when MariaDB cannot be reached
   */
  public static Optional<JobLock> tryAcquire(DbSettings db, String core) {
    Connection connection = null;
    try {
      connection = DriverManager.getConnection(db.url(), db.user(), db.password());
      String name;
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT LEFT(CONCAT('expat-search:', COALESCE(DATABASE(), ''), ':', ?), 64)")) {
        statement.setString(1, core);
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          name = rs.getString(1);
        }
      }
      try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
        statement.setString(1, name);
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          if (rs.getInt(1) != 1) {
            connection.close();
            return Optional.empty();
          }
        }
      }
      return Optional.of(new JobLock(connection, name));
    } catch (SQLException e) {
      MariaDbRowSource.closeQuietly(connection);
      throw new SourceException("MariaDB could not take the job lock of " + core + ": " + e.getMessage(), e);
    }
  }

  /**
   * Takes the lock of {@code core} or throws, naming who holds it.
   *
   * @throws ExpatSearchException when another job holds it
   */
  public static JobLock acquire(DbSettings db, String core, String job) {
    return tryAcquire(db, core).orElseThrow(() -> new ExpatSearchException(core + ": another rebuild or rollback of "
        + core + " is running (it holds the MariaDB lock 'expat-search:<database>:" + core + "'); " + job
        + " not started"));
  }

  /** True while this connection still holds the lock. */
  public boolean held() {
    try (PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?) = CONNECTION_ID()")) {
      statement.setString(1, name);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getInt(1) == 1;
      }
    } catch (SQLException e) {
      return false;
    }
  }

  /** Releases the lock (closing the connection releases it too). */
  @Override
  public void close() {
    MariaDbRowSource.closeQuietly(connection);
  }
}
