package com.expat.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import com.expat.search.common.solr.IndexNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryServiceConfigTest {

  @Test
  void solrUrlIsRequired() {
    assertThatThrownBy(() -> QueryServiceConfig.from(Env.of(Map.of())))
        .isInstanceOf(ConfigException.class).hasMessageContaining("SOLR_URL").hasMessageContaining("SOLR_ZK_HOSTS");
  }

  @Test
  void zooKeeperHostsAloneAreEnoughForSolrCloud() {
    QueryServiceConfig config = QueryServiceConfig.from(Env.of(Map.of("SOLR_ZK_HOSTS", "127.0.0.1:9983")));
    assertThat(config.solr().zkHosts()).hasValue("127.0.0.1:9983");
    assertThat(config.solr().url()).isEmpty();
  }

  @Test
  void defaultsApplyToWhatIsNotSet() {
    QueryServiceConfig config = QueryServiceConfig.from(Env.of(Map.of("SOLR_URL", "http://127.0.0.1:8983/solr/")));
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.solr().url()).hasValueSatisfying(url -> assertThat(url).hasToString("http://127.0.0.1:8983/solr"));
    assertThat(config.cores()).isEqualTo(IndexNames.defaults());
    assertThat(config.searchTtl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.matchesTtl()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aServiceWarmsUpBeforeItIsReadyUnlessTurnedOff() {
    QueryServiceConfig config = QueryServiceConfig.from(Env.of(Map.of("SOLR_URL", "http://h:1/solr")));
    assertThat(config.warmup().on()).isTrue();
    assertThat(config.warmup().requests()).isEqualTo(300);
    assertThat(config.warmup().timeLimit()).isEqualTo(Duration.ofSeconds(60));
    assertThat(QueryServiceConfig.from(Env.of(Map.of("SOLR_URL", "http://h:1/solr", "WARMUP_REQUESTS", "0")))
        .warmup().on()).isFalse();
    assertThatThrownBy(() -> QueryServiceConfig.from(
        Env.of(Map.of("SOLR_URL", "http://h:1/solr", "WARMUP_TIME_LIMIT_SECONDS", "-5"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("WARMUP_TIME_LIMIT_SECONDS");
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> QueryServiceConfig.from(
        Env.of(Map.of("SOLR_URL", "http://h:1/solr", "HTTP_PORT", "http"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("HTTP_PORT=http");
    assertThatThrownBy(() -> QueryServiceConfig.from(
        Env.of(Map.of("SOLR_URL", "http://h:1/solr", "CACHE_SEARCH_TTL_SECONDS", "-1"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("CACHE_SEARCH_TTL_SECONDS");
  }

  @Test
  void rankingProfilesFileIsCheckedAtStart(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("profiles.json"), "{\"profiles\": {}}");
    assertThatThrownBy(() -> QueryServiceConfig.from(
        Env.of(Map.of("SOLR_URL", "http://h:1/solr", "RANKING_PROFILES", bad.toString()))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("RANKING_PROFILES");
    assertThat(QueryServiceConfig.from(Env.of(Map.of("SOLR_URL", "http://h:1/solr"))).rankingProfiles().names())
        .contains("default", "local-first", "interests-first");
  }

  @Test
  void customWeightsAreRefusedUnlessRankingOverridesIsOn() {
    assertThat(QueryServiceConfig.from(Env.of(Map.of("SOLR_URL", "http://h:1/solr"))).rankingOverrides()).isFalse();
    assertThat(QueryServiceConfig.from(Env.of(Map.of("SOLR_URL", "http://h:1/solr", "RANKING_OVERRIDES", "on")))
        .rankingOverrides()).isTrue();
    assertThatThrownBy(() -> QueryServiceConfig.from(
        Env.of(Map.of("SOLR_URL", "http://h:1/solr", "RANKING_OVERRIDES", "yes"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("RANKING_OVERRIDES='yes'");
  }

  @Test
  void theTwoStagePathsSwitchesAreRefused_namingTheVariable_sinceMembersAndEventsAlwaysRankInSolr() {
    assertThatThrownBy(() -> QueryServiceConfig.from(
        Env.of(Map.of("SOLR_URL", "http://h:1/solr", "RANK_IN_SOLR", "off"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("RANK_IN_SOLR='off'");
    assertThatThrownBy(() -> QueryServiceConfig.from(
        Env.of(Map.of("SOLR_URL", "http://h:1/solr", "SOLR_PRERANK", "function"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("SOLR_PRERANK='function'");
    // the old defaults ask for nothing that is gone
    assertThat(QueryServiceConfig.from(Env.of(Map.of("SOLR_URL", "http://h:1/solr", "RANK_IN_SOLR", "auto",
        "SOLR_PRERANK", "auto"))).rankWindow()).isEqualTo(300);
  }

  @Test
  void theRankWindowIsThreeHundredUnlessRankWindowSaysOtherwise() {
    assertThat(QueryServiceConfig.from(Env.of(Map.of("SOLR_URL", "http://h:1/solr"))).rankWindow()).isEqualTo(300);
    assertThat(QueryServiceConfig.from(Env.of(Map.of("SOLR_URL", "http://h:1/solr", "RANK_WINDOW", "120")))
        .rankWindow()).isEqualTo(120);
    assertThatThrownBy(() -> QueryServiceConfig.from(
        Env.of(Map.of("SOLR_URL", "http://h:1/solr", "RANK_WINDOW", "10"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("RANK_WINDOW");
  }
}
