package com.expat.search.indexer.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.indexer.world.WorldSchema;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WorldSpecTest {
  @Test
  void rejectsNegativeCountsAndEventsWithoutMembers() {
    Instant now = Instant.EPOCH;
    assertThatThrownBy(() -> new WorldSpec(-1, 0, 1, now)).hasMessageContaining("members = -1");
    assertThatThrownBy(() -> new WorldSpec(0, 5, 1, now)).hasMessageContaining("events = 5 need members");
  }

  @Test
  void todayStartsAtMidnightUtc() {
    Clock clock = Clock.fixed(Instant.parse("2026-05-06T17:30:00Z"), ZoneOffset.UTC);
    assertThat(WorldSpec.today(1, 1, 1, clock).now()).isEqualTo(Instant.parse("2026-05-06T00:00:00Z"));
  }

  @Test
  void schemaNamesTheDatabaseOfAJdbcUrl() {
    assertThat(WorldSchema.databaseName("jdbc:mariadb://127.0.0.1:3306/expat_bench?x=1")).isEqualTo("expat_bench");
    assertThat(WorldSchema.serverUrl("jdbc:mariadb://127.0.0.1:3306/expat_bench?x=1")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/?x=1");
    assertThatThrownBy(() -> WorldSchema.databaseName("jdbc:mariadb://127.0.0.1:3306/")).hasMessageContaining("names no database");
    assertThat(WorldSchema.statements()).hasSize(WorldSchema.TABLES.size());
  }
}
