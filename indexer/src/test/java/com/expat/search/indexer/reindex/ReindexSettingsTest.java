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
    assertThat(settings.maxSegments()).isEqualTo(1);
  }

  @Test
  void noMergeCanBeChosen() {
    ReindexSettings settings = ReindexSettings.from(Env.of(Map.of("REINDEX_MAX_SEGMENTS", "0")));
    assertThat(settings.maxSegments()).isZero();
  }

  @Test
  void theRemovedPlaceOrderStopsTheRebuildNamingTheVariable_idOrderIsWhatItDoes() {
    assertThatThrownBy(() -> ReindexSettings.from(Env.of(Map.of("REINDEX_ORDER", "place"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REINDEX_ORDER=place").hasMessageContaining("expat.indexSort");
    assertThatThrownBy(() -> ReindexSettings.from(Env.of(Map.of("REINDEX_PLACE_WINDOW", "50000"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REINDEX_PLACE_WINDOW=50000");
    assertThat(ReindexSettings.from(Env.of(Map.of("REINDEX_ORDER", "id"))).maxSegments()).isEqualTo(1);
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
