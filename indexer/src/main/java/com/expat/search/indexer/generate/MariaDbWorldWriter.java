package com.expat.search.indexer.generate;

import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.Rsvp;
import com.expat.search.indexer.world.SpokenLanguage;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * A {@link WorldSink} that loads the world into MariaDB's tables (which must exist and should be
 * empty) with {@code LOAD DATA LOCAL INFILE} fed from memory: rows are buffered per table as
 * text, and every {@code batchRows} rows a batch is loaded by one of {@code loaders} background
 * threads (each with its own connection), one statement (one transaction) per batch, while
 * generation goes on. The sessions turn unique and foreign key checks off. Prints progress lines (rows, rows/s) to {@code progress} at most
 * every two seconds, and a summary at the end.
 *
 * <p>Needs {@code local_infile} on the server (MariaDB's default) and Connector/J 3's default
 * {@code allowLocalInfile=true}. A batch the server did not take whole (a truncated value, a
 * duplicate key) fails the load with {@link GenerateException}, as does any SQL error; the
 * failure surfaces at the next row passed in or at {@link #finish}. Not thread-safe: one
 * generator thread feeds it. Close it to release the connection.
 */
public final class MariaDbWorldWriter implements WorldSink, AutoCloseable {
  public static final int DEFAULT_BATCH_ROWS = 20_000;
  private static final int MAX_BATCH_CHARS = 8 << 20;
  public static final int DEFAULT_LOADERS = 2;
  private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final BlockingQueue<Connection> connections;
  private final List<Connection> opened = new ArrayList<>();
  private final PrintStream progress;
  private final int batchRows;
  private final ExecutorService loader;
  private final Semaphore inFlight;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Map<String, Long> loaded = new LinkedHashMap<>();
  private final long startNanos = System.nanoTime();
  private long lastProgressNanos = startNanos;
  private long loadedTotal;
  private boolean finished;

  private final Table cities = new Table("cities", "id, name, ascii_name, country_code, latitude, longitude, population, timezone");
  private final Table interests = new Table("interests", "id, slug, name, category");
  private final Table members =
      new Table(
          "members",
          "id, display_name, headline, bio, occupation, city_id, origin_country, membership, searchable, status,"
              + " has_photo, last_active_at, created_at, updated_at, version");
  private final Table memberLanguages = new Table("member_languages", "member_id, language, level");
  private final Table memberInterests = new Table("member_interests", "member_id, interest_id");
  private final Table memberContacts = new Table("member_contacts", "member_id, contact_id, created_at");
  private final Table memberBlocks = new Table("member_blocks", "member_id, blocked_id, created_at");
  private final Table events =
      new Table(
          "events",
          "id, title, description, city_id, venue_name, latitude, longitude, starts_at, ends_at, language,"
              + " host_member_id, capacity, status, created_at, updated_at, version");
  private final Table eventInterests = new Table("event_interests", "event_id, interest_id");
  private final Table eventAttendees = new Table("event_attendees", "event_id, member_id, status, created_at");
  private final List<Table> tables =
      List.of(cities, interests, members, memberLanguages, memberInterests, memberContacts, memberBlocks, events,
          eventInterests, eventAttendees);

  public MariaDbWorldWriter(DataSource dataSource, PrintStream progress) {
    this(dataSource, progress, DEFAULT_BATCH_ROWS, DEFAULT_LOADERS);
  }

  /**
   * @param dataSource where the tables are; one connection is taken for the writer's lifetime
   * @param progress where progress lines go (e.g. {@code System.err})
   * @param batchRows rows per LOAD DATA statement (1..1,000,000)
   * @param loaders concurrent loading connections (1..8), taken from {@code dataSource} for the
   *     writer's lifetime
   */
  public MariaDbWorldWriter(DataSource dataSource, PrintStream progress, int batchRows, int loaders) {
    Objects.requireNonNull(dataSource, "dataSource");
    this.progress = Objects.requireNonNull(progress, "progress");
    if (batchRows < 1 || batchRows > 1_000_000) {
      throw new IllegalArgumentException("batchRows = " + batchRows + ", expected 1..1000000");
    }
    if (loaders < 1 || loaders > 8) {
      throw new IllegalArgumentException("loaders = " + loaders + ", expected 1..8");
    }
    this.batchRows = batchRows;
    this.connections = new ArrayBlockingQueue<>(loaders);
    this.inFlight = new Semaphore(loaders + 2);
    try {
      for (int i = 0; i < loaders; i++) {
        Connection connection = dataSource.getConnection();
        opened.add(connection);
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
        }
        connections.add(connection);
      }
    } catch (SQLException e) {
      closeConnections();
      throw new GenerateException("cannot open a MariaDB session for loading: " + e.getMessage(), e);
    }
    tables.forEach(table -> loaded.put(table.name, 0L));
    AtomicInteger threads = new AtomicInteger();
    loader =
        Executors.newFixedThreadPool(
            loaders,
            runnable -> {
              Thread thread = new Thread(runnable, "world-loader-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void catalog(List<City> cityRows, List<Interest> interestRows) {
    for (City city : cityRows) {
      StringBuilder row = cities.row();
      row.append(city.id()).append('\t');
      SqlText.text(row, city.name());
      row.append('\t');
      SqlText.text(row, city.asciiName());
      row.append('\t');
      SqlText.text(row, city.countryCode());
      row.append('\t').append(city.latitude()).append('\t').append(city.longitude()).append('\t')
          .append(city.population()).append('\t');
      SqlText.text(row, city.timezone());
      cities.endRow();
    }
    for (Interest interest : interestRows) {
      StringBuilder row = interests.row();
      row.append(interest.id()).append('\t');
      SqlText.text(row, interest.slug());
      row.append('\t');
      SqlText.text(row, interest.name());
      row.append('\t');
      SqlText.text(row, interest.category());
      interests.endRow();
    }
  }

  @Override
  public void member(Member member, List<SpokenLanguage> languages, List<Integer> interestIds) {
    StringBuilder row = members.row();
    row.append(member.id()).append('\t');
    SqlText.text(row, member.displayName());
    row.append('\t');
    SqlText.text(row, member.headline());
    row.append('\t');
    SqlText.text(row, member.bio());
    row.append('\t');
    SqlText.text(row, member.occupation());
    row.append('\t').append(member.cityId()).append('\t');
    SqlText.text(row, member.originCountry());
    row.append('\t').append(member.membership().sql()).append('\t');
    SqlText.bool(row, member.searchable());
    row.append('\t').append(member.status().sql()).append('\t');
    SqlText.bool(row, member.hasPhoto());
    row.append('\t');
    SqlText.datetime(row, member.lastActiveAt(), true);
    row.append('\t');
    SqlText.datetime(row, member.createdAt(), true);
    row.append('\t');
    SqlText.datetime(row, member.updatedAt(), true);
    row.append('\t').append(member.version());
    members.endRow();
    for (SpokenLanguage language : languages) {
      memberLanguages.row().append(member.id()).append('\t').append(language.code()).append('\t')
          .append(language.level().sql());
      memberLanguages.endRow();
    }
    for (int interestId : interestIds) {
      memberInterests.row().append(member.id()).append('\t').append(interestId);
      memberInterests.endRow();
    }
  }

  @Override
  public void contact(long memberId, long contactId, Instant createdAt) {
    StringBuilder row = memberContacts.row().append(memberId).append('\t').append(contactId).append('\t');
    SqlText.datetime(row, createdAt, true);
    memberContacts.endRow();
  }

  @Override
  public void block(long memberId, long blockedId, Instant createdAt) {
    StringBuilder row = memberBlocks.row().append(memberId).append('\t').append(blockedId).append('\t');
    SqlText.datetime(row, createdAt, true);
    memberBlocks.endRow();
  }

  @Override
  public void event(Event event, List<Integer> interestIds) {
    StringBuilder row = events.row();
    row.append(event.id()).append('\t');
    SqlText.text(row, event.title());
    row.append('\t');
    SqlText.text(row, event.description());
    row.append('\t').append(event.cityId()).append('\t');
    SqlText.text(row, event.venueName());
    row.append('\t');
    SqlText.number(row, event.latitude());
    row.append('\t');
    SqlText.number(row, event.longitude());
    row.append('\t');
    SqlText.datetime(row, event.startsAt(), false);
    row.append('\t');
    SqlText.datetime(row, event.endsAt(), false);
    row.append('\t');
    SqlText.text(row, event.language());
    row.append('\t').append(event.hostMemberId()).append('\t');
    SqlText.number(row, event.capacity());
    row.append('\t').append(event.status().sql()).append('\t');
    SqlText.datetime(row, event.createdAt(), true);
    row.append('\t');
    SqlText.datetime(row, event.updatedAt(), true);
    row.append('\t').append(event.version());
    events.endRow();
    for (int interestId : interestIds) {
      eventInterests.row().append(event.id()).append('\t').append(interestId);
      eventInterests.endRow();
    }
  }

  @Override
  public void rsvp(Rsvp rsvp) {
    StringBuilder row =
        eventAttendees.row().append(rsvp.eventId()).append('\t').append(rsvp.memberId()).append('\t')
            .append(rsvp.status().sql()).append('\t');
    SqlText.datetime(row, rsvp.createdAt(), true);
    eventAttendees.endRow();
  }

  /** Loads what is still buffered and waits for every batch; prints the summary. */
  @Override
  public void finish() {
    if (finished) {
      return;
    }
    tables.forEach(Table::flush);
    loader.shutdown();
    try {
      if (!loader.awaitTermination(1, TimeUnit.HOURS)) {
        throw new GenerateException("loading did not finish within an hour");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GenerateException("interrupted while waiting for the last batches", e);
    }
    rethrowFailure();
    finished = true;
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    progress.printf(
        "loaded %,d rows in %.1f s (%,.0f rows/s):%n", loadedTotal, seconds, loadedTotal / Math.max(seconds, 1e-3));
    loaded.forEach((table, rows) -> progress.printf("  %-17s %,12d%n", table, rows));
  }

  /** Rows loaded so far, by table, in the contract's table order. */
  public synchronized Map<String, Long> rowsLoaded() {
    return Map.copyOf(loaded);
  }

  @Override
  public void close() {
    loader.shutdownNow();
    try {
      loader.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeConnections();
  }

  private void closeConnections() {
    SQLException first = null;
    for (Connection connection : opened) {
      try {
        connection.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    opened.clear();
    if (first != null) {
      throw new GenerateException("closing a loading session failed: " + first.getMessage(), first);
    }
  }

  private void rethrowFailure() {
    Throwable cause = failure.get();
    if (cause != null) {
      throw cause instanceof GenerateException generate
          ? generate
          : new GenerateException("loading failed: " + cause.getMessage(), cause);
    }
  }

  private void submit(String table, String columns, byte[] text, int rows) {
    rethrowFailure();
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GenerateException("interrupted while waiting for a batch slot", e);
    }
    loader.execute(
        () -> {
          try {
            if (failure.get() == null) {
              load(table, columns, text, rows);
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          } finally {
            inFlight.release();
          }
        });
  }

  private void load(String table, String columns, byte[] text, int rows) throws SQLException, InterruptedException {
    Connection connection = connections.take();
    try {
      load(connection, table, columns, text, rows);
    } finally {
      connections.add(connection);
    }
  }

  private void load(Connection connection, String table, String columns, byte[] text, int rows) throws SQLException {
    String sql =
        "LOAD DATA LOCAL INFILE '" + table + ".tsv' INTO TABLE " + table
            + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
            + columns + ")";
    try (Statement statement = connection.createStatement()) {
      statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(new ByteArrayInputStream(text));
      long taken = statement.executeLargeUpdate(sql);
      if (taken != rows) {
        throw new GenerateException(
            "MariaDB took " + taken + " of " + rows + " rows into " + table + " (not empty, or values cut?): "
                + warnings(statement));
      }
    }
    synchronized (this) {
      loaded.merge(table, (long) rows, Long::sum);
      loadedTotal += rows;
      long nowNanos = System.nanoTime();
      if (nowNanos - lastProgressNanos >= PROGRESS_EVERY_NANOS) {
        lastProgressNanos = nowNanos;
        double seconds = (nowNanos - startNanos) / 1e9;
        progress.printf(
            "[%6.1f s] %,d rows loaded (%,.0f rows/s); %s %,d%n",
            seconds, loadedTotal, loadedTotal / seconds, table, loaded.get(table));
      }
    }
  }

  private static String warnings(Statement statement) throws SQLException {
    List<String> messages = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery("SHOW WARNINGS LIMIT 5")) {
      while (rs.next()) {
        messages.add(rs.getString("Message"));
      }
    }
    return messages.isEmpty() ? "no warnings" : String.join("; ", messages);
  }

  /** One table's buffered rows, in LOAD DATA text form. */
  private final class Table {
    final String name;
    final String columns;
    final StringBuilder text = new StringBuilder(1 << 16);
    int rows;

    Table(String name, String columns) {
      this.name = name;
      this.columns = columns;
    }

    StringBuilder row() {
      return text;
    }

    void endRow() {
      text.append('\n');
      rows++;
      if (rows >= batchRows || text.length() >= MAX_BATCH_CHARS) {
        flush();
      }
    }

    void flush() {
      if (rows == 0) {
        return;
      }
      byte[] bytes = SqlText.utf8(text);
      int count = rows;
      text.setLength(0);
      rows = 0;
      submit(name, columns, bytes, count);
    }
  }
}
