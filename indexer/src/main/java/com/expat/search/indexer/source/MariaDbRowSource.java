package com.expat.search.indexer.source;

import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * {@link RebuildSource} over MariaDB. Each set of ids is read in one read-only REPEATABLE READ
 * transaction, so the member row and its member_* rows come from one snapshot: a document never
 * pairs a row's version with related rows of another version. The parent row is read first, so
 * that even without a snapshot the version would be the oldest part of what is read.
 */
final class MariaDbRowSource implements RebuildSource, RowVersions {
  /** Ids per IN list; callers' batches are usually smaller. */
  private static final int CHUNK = 1_000;

  private final DataSource dataSource;

  MariaDbRowSource(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Map<Long, MemberProfile> members(Collection<Long> ids) {
    Map<Long, MemberProfile> result = new HashMap<>();
    for (List<Long> chunk : chunks(ids)) {
      inSnapshot("members", connection -> result.putAll(readMembers(connection, chunk)));
    }
    return result;
  }

  @Override
  public Map<Long, EventDetails> events(Collection<Long> ids) {
    Map<Long, EventDetails> result = new HashMap<>();
    for (List<Long> chunk : chunks(ids)) {
      inSnapshot("events", connection -> result.putAll(readEvents(connection, chunk)));
    }
    return result;
  }

  @Override
  public Catalog catalog() {
    List<City> cities = new ArrayList<>();
    List<Interest> interests = new ArrayList<>();
    inSnapshot(
        "the catalog",
        connection -> {
          query(connection, "SELECT id, name, ascii_name, country_code, latitude, longitude,"
                  + " population, timezone FROM cities", List.of(),
              rs -> cities.add(new City(rs.getLong(1), rs.getString(2), rs.getString(3),
                  rs.getString(4), rs.getDouble(5), rs.getDouble(6), rs.getInt(7), rs.getString(8))));
          query(connection, "SELECT id, slug, name, category FROM interests", List.of(),
              rs -> interests.add(
                  new Interest(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))));
        });
    return new Catalog(cities, interests);
  }

  @Override
  public Map<Integer, Integer> interestMemberCounts() {
    Map<Integer, Integer> counts = new HashMap<>();
    inSnapshot(
        "interest popularity",
        connection -> query(connection,
            "SELECT mi.interest_id, COUNT(*) FROM member_interests mi"
                + " JOIN members m ON m.id = mi.member_id AND m.status = 'active'"
                + " GROUP BY mi.interest_id", List.of(),
            rs -> counts.put(rs.getInt(1), rs.getInt(2))));
    return counts;
  }

  @Override
  public List<Long> ids(Table table, long afterId, int limit, Instant updatedSince) {
    List<Long> ids = new ArrayList<>(limit);
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT id FROM ").append(table.sql()).append(" WHERE id > ?");
    params.add(afterId);
    if (updatedSince != null) {
      sql.append(" AND updated_at >= ?");
      params.add(LocalDateTime.ofInstant(updatedSince, ZoneOffset.UTC));
    }
    sql.append(" ORDER BY id LIMIT ?");
    params.add(limit);
    inSnapshot(table.sql() + " ids", connection ->
        query(connection, sql.toString(), params, rs -> ids.add(rs.getLong(1))));
    return ids;
  }

  @Override
  public long count(Table table) {
    long[] count = new long[1];
    inSnapshot("a count of " + table.sql(), connection ->
        query(connection, "SELECT COUNT(*) FROM " + table.sql(), List.of(), rs -> count[0] = rs.getLong(1)));
    return count[0];
  }

  @Override
  public Instant now() {
    Instant[] now = new Instant[1];
    inSnapshot("the clock", connection ->
        query(connection, "SELECT UTC_TIMESTAMP(3)", List.of(), rs -> now[0] = instant(rs, 1)));
    return now[0];
  }

  /**
   * One query streamed with a fetch size (MariaDB Connector/J then reads the result as it is
   * consumed), sorted by the id's decimal string as Solr sorts ids. The sort is MariaDB's filesort
   * over (id, version, status): a few seconds for a million rows, once. The connection is held for
   * the whole scan, outside any transaction: a scan is compared with a live index anyway, and
   * {@code verify} checks every difference again before it reports it.
   */
  @Override
  public Scan scan(Table table) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      PreparedStatement statement = connection.prepareStatement(
          "SELECT id, version, status FROM " + table.sql() + " ORDER BY CAST(id AS BINARY)",
          ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(SCAN_FETCH);
      ResultSet rs = statement.executeQuery();
      return new ResultScan(table, connection, rs);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new SourceException("MariaDB could not be read (a scan of " + table.sql() + "): " + e.getMessage(), e);
    }
  }

  private static final int SCAN_FETCH = 5_000;

  private static final class ResultScan implements Scan {
    private final Table table;
    private final Connection connection;
    private final ResultSet rs;
    private RowVersion next;
    private boolean done;

    ResultScan(Table table, Connection connection, ResultSet rs) {
      this.table = table;
      this.connection = connection;
      this.rs = rs;
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        try {
          if (rs.next()) {
            next = new RowVersion(rs.getLong(1), rs.getLong(2), rs.getString(3));
          } else {
            done = true;
          }
        } catch (SQLException e) {
          throw new SourceException("MariaDB could not be read (a scan of " + table.sql() + "): " + e.getMessage(), e);
        }
      }
      return next != null;
    }

    @Override
    public RowVersion next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      RowVersion row = next;
      next = null;
      return row;
    }

    @Override
    public void close() {
      closeQuietly(connection);
    }
  }

  /** Closes a connection whose close can fail only uselessly (the pool or server discards it). */
  static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // the pool discards it
      }
    }
  }

  private static Map<Long, MemberProfile> readMembers(Connection connection, List<Long> ids)
      throws SQLException {
    String in = placeholders(ids.size());
    Map<Long, Member> members = new LinkedHashMap<>();
    query(connection,
        "SELECT id, display_name, headline, bio, occupation, city_id, origin_country, membership,"
            + " searchable, status, has_photo, last_active_at, created_at, updated_at, version"
            + " FROM members WHERE id IN (" + in + ")", ids,
        rs -> members.put(rs.getLong(1), new Member(
            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getLong(6), rs.getString(7), membership(rs.getString(8)), rs.getBoolean(9),
            Member.Status.fromSql(rs.getString(10)), rs.getBoolean(11), instant(rs, 12), instant(rs, 13),
            instant(rs, 14), rs.getLong(15))));
    if (members.isEmpty()) {
      return Map.of();
    }
    List<Long> found = List.copyOf(members.keySet());
    String foundIn = placeholders(found.size());
    Map<Long, List<SpokenLanguage>> languages = new HashMap<>();
    query(connection, "SELECT member_id, language, level FROM member_languages WHERE member_id IN ("
            + foundIn + ")", found,
        rs -> languages.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
            .add(new SpokenLanguage(rs.getString(2), level(rs.getString(3)))));
    Map<Long, List<Integer>> interests = new HashMap<>();
    query(connection, "SELECT member_id, interest_id FROM member_interests WHERE member_id IN ("
            + foundIn + ")", found,
        rs -> interests.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getInt(2)));
    Map<Long, List<Long>> contacts = new HashMap<>();
    query(connection, "SELECT member_id, contact_id FROM member_contacts WHERE member_id IN ("
            + foundIn + ")", found,
        rs -> contacts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)));
    Map<Long, TreeSet<Long>> blocks = new HashMap<>();
    List<Long> twice = new ArrayList<>(found);
    twice.addAll(found);
    query(connection,
        "SELECT member_id, blocked_id FROM member_blocks WHERE member_id IN (" + foundIn + ")"
            + " UNION ALL SELECT blocked_id, member_id FROM member_blocks WHERE blocked_id IN ("
            + foundIn + ")", twice,
        rs -> blocks.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getLong(2)));
    Map<Long, MemberProfile> profiles = new HashMap<>();
    members.forEach((id, member) -> profiles.put(id, new MemberProfile(
        member,
        languages.getOrDefault(id, List.of()),
        interests.getOrDefault(id, List.of()),
        contacts.getOrDefault(id, List.of()),
        List.copyOf(blocks.getOrDefault(id, new TreeSet<>())))));
    return profiles;
  }

  private static Map<Long, EventDetails> readEvents(Connection connection, List<Long> ids)
      throws SQLException {
    Map<Long, Event> events = new LinkedHashMap<>();
    query(connection,
        "SELECT id, title, description, city_id, venue_name, latitude, longitude, starts_at,"
            + " ends_at, language, host_member_id, capacity, status, created_at, updated_at, version"
            + " FROM events WHERE id IN (" + placeholders(ids.size()) + ")", ids,
        rs -> events.put(rs.getLong(1), new Event(
            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
            nullableDouble(rs, 6), nullableDouble(rs, 7), instant(rs, 8), instant(rs, 9),
            rs.getString(10), rs.getLong(11), nullableInt(rs, 12), Event.Status.fromSql(rs.getString(13)),
            instant(rs, 14), instant(rs, 15), rs.getLong(16))));
    if (events.isEmpty()) {
      return Map.of();
    }
    List<Long> found = List.copyOf(events.keySet());
    String in = placeholders(found.size());
    Map<Long, List<Integer>> interests = new HashMap<>();
    query(connection, "SELECT event_id, interest_id FROM event_interests WHERE event_id IN (" + in + ")",
        found,
        rs -> interests.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getInt(2)));
    Map<Long, List<Long>> going = new HashMap<>();
    Map<Long, List<Long>> interested = new HashMap<>();
    query(connection, "SELECT event_id, member_id, status FROM event_attendees WHERE event_id IN ("
            + in + ")", found,
        rs -> ("going".equalsIgnoreCase(rs.getString(3)) ? going : interested)
            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)));
    Map<Long, EventDetails> details = new HashMap<>();
    events.forEach((id, event) -> details.put(id, new EventDetails(
        event,
        interests.getOrDefault(id, List.of()),
        going.getOrDefault(id, List.of()),
        interested.getOrDefault(id, List.of()))));
    return details;
  }

  private interface Work {
    void run(Connection connection) throws SQLException;
  }

  private interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  private void inSnapshot(String what, Work work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        work.run(connection);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new SourceException("MariaDB could not be read (" + what + "): " + e.getMessage(), e);
    }
  }

  private static void query(Connection connection, String sql, List<?> params, RowHandler handler)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        statement.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          handler.row(rs);
        }
      }
    }
  }

  private static List<List<Long>> chunks(Collection<Long> ids) {
    List<Long> distinct = List.copyOf(new TreeSet<>(ids));
    List<List<Long>> chunks = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      chunks.add(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
    }
    return chunks;
  }

  private static String placeholders(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    LocalDateTime time = rs.getObject(column, LocalDateTime.class);
    return time == null ? null : time.toInstant(ZoneOffset.UTC);
  }

  private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Member.Membership membership(String sql) {
    return "premium".equalsIgnoreCase(sql) ? Member.Membership.PREMIUM : Member.Membership.BASIC;
  }

  private static SpokenLanguage.Level level(String sql) {
    try {
      return SpokenLanguage.Level.valueOf(sql.toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      return null;
    }
  }

}
