package com.expat.search.indexer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.indexer.world.WorldSchema;
import com.expat.search.testing.db.MariaDbExtension;
import com.expat.search.testing.db.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The writer against a database the extension created with the indexer's schema. */
class MariaDbWorldWriterIT {
  @RegisterExtension static final MariaDbExtension DB = MariaDbExtension.withSchema("db/schema.sql");

  static final WorldSpec SPEC = new WorldSpec(1_500, 150, 11, Instant.parse("2026-06-01T00:00:00Z"));

  @Test
  void extensionCreatesAFreshDatabaseWithTheSchema(TestDatabase db) throws SQLException {
    assertThat(db.name()).startsWith("t_mariadbworldwriterit_");
    assertThat(db.jdbcUrl()).contains("/" + db.name());
    for (String table : WorldSchema.TABLES) {
      assertThat(scalar(db, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '" + table + "'"))
          .as(table).isEqualTo(1);
    }
  }

  @Test
  void loadsAWorldAndRefusesToLoadItTwice(TestDatabase db) throws SQLException {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8);
    try (MariaDbWorldWriter writer = new MariaDbWorldWriter(db.dataSource(), out, 500, 2)) {
      new WorldGenerator(SPEC).generate(writer);
      assertThat(writer.rowsLoaded()).containsEntry("members", 1_500L).containsEntry("events", 150L);
    }
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("loaded").contains("member_contacts");
    assertThat(scalar(db, "SELECT COUNT(*) FROM members")).isEqualTo(1_500);
    assertThat(scalar(db, "SELECT COUNT(*) FROM members WHERE bio IS NULL")).isPositive();
    assertThat(scalar(db, "SELECT COUNT(*) FROM members WHERE headline = ''")).isPositive();
    assertThat(scalar(db, "SELECT COUNT(*) FROM events WHERE capacity IS NULL")).isPositive();

    // Loading again collides with every primary key; the writer must say so, not skip rows.
    assertThatThrownBy(() -> {
          try (MariaDbWorldWriter writer = new MariaDbWorldWriter(db.dataSource(), out)) {
            new WorldGenerator(SPEC).generate(writer);
          }
        })
        .isInstanceOf(GenerateException.class)
        .hasMessageContaining("MariaDB took 0 of");
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
