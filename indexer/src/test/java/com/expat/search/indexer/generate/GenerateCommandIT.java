package com.expat.search.indexer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.config.Env;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.testing.db.MariaDbExtension;
import com.expat.search.testing.db.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** Generates a small world into a fresh MariaDB database and checks it by SQL. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenerateCommandIT {
  @RegisterExtension static final MariaDbExtension DB = MariaDbExtension.empty();

  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final WorldSpec SPEC = new WorldSpec(3_000, 400, 5, NOW);
  static InMemoryWorld expected;

  @BeforeAll
  static void generateInMemory() {
    expected = InMemoryWorld.generate(SPEC);
  }

  @Test
  @Order(1)
  void generateCreatesTheSchemaAndLoadsTheWholeWorld(TestDatabase db) throws SQLException {
    Run run = generate(db, "--members", "3000", "--events", "400", "--seed", "5", "--now", NOW.toString(), "--batch-rows", "700");
    assertThat(run.exitCode).as(run.err).isZero();
    assertThat(run.err).contains("loaded").contains("rows/s");

    long languages = expected.memberProfiles().stream().mapToLong(p -> p.languages().size()).sum();
    long memberInterests = expected.memberProfiles().stream().mapToLong(p -> p.interestIds().size()).sum();
    long eventInterests = expected.eventDetails().stream().mapToLong(d -> d.interestIds().size()).sum();
    assertThat(count(db, "cities")).isEqualTo(expected.catalog().cities().size());
    assertThat(count(db, "interests")).isEqualTo(expected.catalog().interests().size());
    assertThat(count(db, "members")).isEqualTo(3_000);
    assertThat(count(db, "member_languages")).isEqualTo(languages);
    assertThat(count(db, "member_interests")).isEqualTo(memberInterests);
    assertThat(count(db, "member_contacts")).isEqualTo(expected.contactRows()).isPositive();
    assertThat(count(db, "member_blocks")).isEqualTo(expected.blockRows()).isPositive();
    assertThat(count(db, "events")).isEqualTo(400);
    assertThat(count(db, "event_interests")).isEqualTo(eventInterests);
    assertThat(count(db, "event_attendees")).isEqualTo(expected.rsvpRows()).isPositive();
  }

  @Test
  @Order(2)
  void loadedRowsSatisfyTheWorldsInvariants(TestDatabase db) throws SQLException {
    assertThat(scalar(db, """
        SELECT COUNT(*) FROM member_contacts a
        LEFT JOIN member_contacts b ON b.member_id = a.contact_id AND b.contact_id = a.member_id
        WHERE b.member_id IS NULL OR b.created_at <> a.created_at""")).as("asymmetric contacts").isZero();
    assertThat(scalar(db, """
        SELECT COUNT(*) FROM members m WHERE NOT EXISTS (SELECT 1 FROM member_languages l WHERE l.member_id = m.id)"""))
        .as("members without a language").isZero();
    assertThat(scalar(db, """
        SELECT COUNT(*) FROM events e JOIN members h ON h.id = e.host_member_id WHERE h.city_id <> e.city_id"""))
        .as("events outside the host's city").isZero();
    assertThat(scalar(db, """
        SELECT COUNT(*) FROM events e
        WHERE e.capacity IS NOT NULL
          AND e.capacity < (SELECT COUNT(*) FROM event_attendees a WHERE a.event_id = e.id AND a.status = 'going')"""))
        .as("events over capacity").isZero();
    assertThat(scalar(db, "SELECT COUNT(*) FROM members WHERE city_id NOT IN (SELECT id FROM cities)")).isZero();
    assertThat(scalar(db, "SELECT COUNT(*) FROM member_blocks WHERE member_id = blocked_id")).isZero();
    assertThat(scalar(db, "SELECT COUNT(*) FROM members WHERE version < 1 OR updated_at < created_at")).isZero();
  }

  @Test
  @Order(3)
  void textSurvivesTheLoadByteForByte(TestDatabase db) throws SQLException {
    Map<Long, MemberProfile> byId = new HashMap<>();
    expected.memberProfiles().forEach(p -> byId.put(p.member().id(), p));
    int compared = 0;
    try (Connection connection = db.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT id, display_name, headline, bio, occupation, last_active_at, created_at FROM members")) {
      while (rs.next()) {
        MemberProfile p = byId.get(rs.getLong("id"));
        assertThat(rs.getString("display_name")).isEqualTo(p.member().displayName());
        assertThat(rs.getString("headline")).isEqualTo(p.member().headline());
        assertThat(rs.getString("bio")).isEqualTo(p.member().bio());
        assertThat(rs.getString("occupation")).isEqualTo(p.member().occupation());
        compared++;
      }
    }
    assertThat(compared).isEqualTo(3_000);
    EventDetails first = expected.eventDetails().get(0);
    try (Connection connection = db.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT title, UNIX_TIMESTAMP(starts_at), UNIX_TIMESTAMP(created_at) * 1000 FROM events WHERE id = ?")) {
      statement.setLong(1, first.event().id());
      try (ResultSet rs = statement.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(first.event().title());
        // UNIX_TIMESTAMP reads DATETIME in the session time zone; compare via the server's offset.
        long offset = scalar(db, "SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW())");
        assertThat(rs.getLong(2) + offset).isEqualTo(first.event().startsAt().getEpochSecond());
      }
    }
  }

  @Test
  @Order(4)
  void refusesToLoadIntoTablesThatHoldRowsUnlessDropIsGiven(TestDatabase db) throws SQLException {
    Run refused = generate(db, "--members", "50", "--events", "5", "--now", NOW.toString());
    assertThat(refused.exitCode).isEqualTo(2);
    assertThat(refused.err).contains("--drop");
    assertThat(count(db, "members")).isEqualTo(3_000);

    Run replaced = generate(db, "--members", "50", "--events", "5", "--now", NOW.toString(), "--drop");
    assertThat(replaced.exitCode).as(replaced.err).isZero();
    assertThat(count(db, "members")).isEqualTo(50);
    assertThat(count(db, "events")).isEqualTo(5);
  }

  private record Run(int exitCode, String err) {}

  private static Run generate(TestDatabase db, String... args) {
    Map<String, String> variables = new HashMap<>();
    variables.put("DB_URL", db.jdbcUrl());
    for (String name : new String[] {"DB_USER", "DB_PASSWORD"}) {
      if (System.getenv(name) != null) {
        variables.put(name, System.getenv(name));
      }
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    GenerateCommand command = new GenerateCommand(Env.of(variables), err, Clock.fixed(NOW, ZoneOffset.UTC));
    CommandLine commandLine = new CommandLine(command);
    commandLine.setErr(new java.io.PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, buffer.toString(StandardCharsets.UTF_8));
  }

  private static long count(TestDatabase db, String table) throws SQLException {
    return scalar(db, "SELECT COUNT(*) FROM " + table);
  }

  private static long scalar(TestDatabase db, String sql) throws SQLException {
    try (Connection connection = db.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
