package com.expat.search.indexer.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * The website, for tests: random changes to the contract's tables, each bumping the versions it
 * must, and the change messages the website would publish for them.
 */
final class TestWorld {
  /** A message as the website publishes it. */
  record Message(String routingKey, String body) {
    void publish(Channel channel, String exchange) throws IOException {
      AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
          .contentType("application/json").messageId(UUID.randomUUID().toString())
          .timestamp(new Date()).deliveryMode(2).build();
      channel.basicPublish(exchange, routingKey, properties, body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final String[] LANGS = {"en", "de", "fr", "es", "ja", "pl"};

  private final DataSource db;
  private final RandomGenerator random;
  private long nextMemberId = 1;
  private long nextEventId = 1;

  TestWorld(DataSource db, RandomGenerator random) {
    this(db, random, 1);
  }

  /** @param firstNewId ids of inserted members and events start here (above a generated world's) */
  TestWorld(DataSource db, RandomGenerator random, long firstNewId) {
    this.db = db;
    this.random = random;
    this.nextMemberId = firstNewId;
    this.nextEventId = firstNewId;
  }

  void createCatalog() throws SQLException {
    sql("INSERT INTO cities VALUES (2950159,'Berlin','Berlin','DE',52.52,13.40,3426354,'Europe/Berlin'),"
        + " (2988507,'Paris','Paris','FR',48.85,2.35,2138551,'Europe/Paris'),"
        + " (1850147,'東京','Tokyo','JP',35.69,139.69,8336599,'Asia/Tokyo')");
    sql("INSERT INTO interests VALUES (1,'hiking','Hiking','outdoors'),(2,'jazz','Jazz','music'),"
        + " (3,'chess','Chess','games'),(4,'cooking','Cooking','food'),(5,'yoga','Yoga','sport')");
  }

  /** One random change; returns the messages the website publishes for it. */
  List<Message> randomChange() throws SQLException {
    int dice = random.nextInt(100);
    List<Long> members = ids("members");
    List<Long> events = ids("events");
    if (members.size() < 5 || dice < 15) {
      return insertMember();
    }
    long member = members.get(random.nextInt(members.size()));
    long other = members.get(random.nextInt(members.size()));
    if (dice < 35) {
      String status = random.nextInt(5) == 0 ? (random.nextBoolean() ? "deactivated" : "deleted") : "active";
      sql("UPDATE members SET display_name = CONCAT('Name ', FLOOR(RAND()*1000)), searchable = " + random.nextBoolean()
          + ", status = '" + status + "', version = version + 1, updated_at = UTC_TIMESTAMP(3) WHERE id = " + member);
      return List.of(memberMessage(member, "changed"));
    }
    if (dice < 45) {
      sql("DELETE FROM member_languages WHERE member_id = " + member);
      sql("INSERT INTO member_languages VALUES (" + member + ",'" + LANGS[random.nextInt(LANGS.length)] + "','fluent')");
      sql("DELETE FROM member_interests WHERE member_id = " + member);
      sql("INSERT INTO member_interests VALUES (" + member + "," + (1 + random.nextInt(5)) + ")");
      bump("members", member);
      return List.of(memberMessage(member, "changed"));
    }
    if (dice < 55 && other != member) {
      sql("INSERT IGNORE INTO member_contacts VALUES (" + member + "," + other + ",UTC_TIMESTAMP(3)),(" + other + ","
          + member + ",UTC_TIMESTAMP(3))");
      bump("members", member);
      bump("members", other);
      return List.of(memberMessage(member, "changed"), memberMessage(other, "changed"));
    }
    if (dice < 62 && other != member) {
      sql("INSERT IGNORE INTO member_blocks VALUES (" + member + "," + other + ",UTC_TIMESTAMP(3))");
      bump("members", member);
      bump("members", other);
      return List.of(memberMessage(member, "changed"), memberMessage(other, "changed"));
    }
    if (dice < 68) {
      Message message = memberMessage(member, "deleted");
      sql("DELETE FROM member_languages WHERE member_id = " + member);
      sql("DELETE FROM member_interests WHERE member_id = " + member);
      sql("DELETE FROM members WHERE id = " + member);
      return List.of(message);
    }
    if (events.size() < 3 || dice < 78) {
      return insertEvent(member);
    }
    long event = events.get(random.nextInt(events.size()));
    if (dice < 88) {
      String status = new String[] {"draft", "published", "published", "cancelled"}[random.nextInt(4)];
      sql("UPDATE events SET title = CONCAT('Event ', FLOOR(RAND()*1000)), status = '" + status
          + "', version = version + 1, updated_at = UTC_TIMESTAMP(3) WHERE id = " + event);
      return List.of(eventMessage(event, "changed"));
    }
    if (dice < 95) {
      sql("INSERT INTO event_attendees VALUES (" + event + "," + member + ",'" + (random.nextBoolean() ? "going" : "interested")
          + "',UTC_TIMESTAMP(3)) ON DUPLICATE KEY UPDATE status = VALUES(status)");
      bump("events", event);
      return List.of(eventMessage(event, "changed"));
    }
    Message message = eventMessage(event, "deleted");
    sql("DELETE FROM event_attendees WHERE event_id = " + event);
    sql("DELETE FROM events WHERE id = " + event);
    return List.of(message);
  }

  List<Message> insertMember() throws SQLException {
    long id = nextMemberId++;
    inOneTransaction(
        "INSERT INTO members VALUES (" + id + ",'Member " + id + " Çağlar 🙂','headline " + id + "',NULL,'engineer',"
            + (random.nextBoolean() ? 2950159 : 999) + ",'BR','basic'," + random.nextBoolean()
            + ",'active',false,UTC_TIMESTAMP(3),UTC_TIMESTAMP(3),UTC_TIMESTAMP(3),1)",
        "INSERT INTO member_languages VALUES (" + id + ",'en','native')");
    return List.of(memberMessage(id, "changed"));
  }

  List<Message> insertEvent(long host) throws SQLException {
    long id = nextEventId++;
    inOneTransaction(
        "INSERT INTO events VALUES (" + id + ",'Event " + id + "','about',2988507,NULL,NULL,NULL,"
            + "'2030-01-01 18:00:00','2030-01-01 20:00:00','fr'," + host + ",NULL,'published',"
            + "UTC_TIMESTAMP(3),UTC_TIMESTAMP(3),1)",
        "INSERT INTO event_interests VALUES (" + id + ",2)");
    return List.of(eventMessage(id, "changed"));
  }

  Message memberMessage(long id, String action) throws SQLException {
    return new Message("member." + action, body("member", id, version("members", id)));
  }

  Message eventMessage(long id, String action) throws SQLException {
    return new Message("event." + action, body("event", id, version("events", id)));
  }

  static String body(String entity, long id, long version) {
    return "{\"entity\":\"" + entity + "\",\"id\":" + id + ",\"version\":" + version + ",\"occurred_at\":\""
        + Instant.now() + "\"}";
  }

  void bump(String table, long id) throws SQLException {
    sql("UPDATE " + table + " SET version = version + 1, updated_at = UTC_TIMESTAMP(3) WHERE id = " + id);
  }

  long version(String table, long id) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM " + table + " WHERE id = " + id)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  List<Long> ids(String table) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id FROM " + table + " ORDER BY RAND() LIMIT 200")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  /**
   * A new row and its related rows, committed together as the website does: both states would
   * carry version 1, so a rebuild that read the row between two autocommits kept it without its
   * related rows, and the live sync's read of the whole row was refused as not newer
   * (RebuildDuringLiveSyncIT failed on an event indexed without its interest).
   */
  private void inOneTransaction(String... statements) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String statement : statements) {
          s.execute(statement);
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  void sql(String sql) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.execute();
    }
  }

}
