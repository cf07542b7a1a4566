package com.expat.search.indexer.reindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReindexSettingsTest {

  @Test
  void byDefaultARebuildReadsInIdOrderAndMergesToOneSegment() {
    ReindexSettings settings = ReindexSettings.from(Env.of(Map.of()));
    assertThat(settings.placeOrder()).isFalse();
    assertThat(settings.maxSegments()).isEqualTo(1);
  }

  @Test
  void placeOrderAndNoMergeCanBeChosen() {
    ReindexSettings settings = ReindexSettings.from(Env.of(Map.of("REINDEX_ORDER", "place", "REINDEX_MAX_SEGMENTS", "0")));
    assertThat(settings.placeOrder()).isTrue();
    assertThat(settings.maxSegments()).isZero();
  }

  @Test
  void anUnknownOrderStopsTheRebuildNamingTheVariable() {
    assertThatThrownBy(() -> ReindexSettings.from(Env.of(Map.of("REINDEX_ORDER", "city"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REINDEX_ORDER=city");
  }

  @Test
  void aRebuildWaitsLongerForAWriteThanTheLiveSync_andTheWaitCanBeSet() {
    assertThat(ReindexSettings.from(Env.of(Map.of())).writeDeadline()).isEqualTo(Duration.ofSeconds(120));
    assertThat(ReindexSettings.from(Env.of(Map.of("REINDEX_WRITE_DEADLINE_S", "600"))).writeDeadline())
        .isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aWriteDeadlineOfZeroStopsTheRebuildNamingTheVariable() {
    assertThatThrownBy(() -> ReindexSettings.from(Env.of(Map.of("REINDEX_WRITE_DEADLINE_S", "0"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REINDEX_WRITE_DEADLINE_S");
  }
}
