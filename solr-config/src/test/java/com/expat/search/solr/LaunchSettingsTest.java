package com.expat.search.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchSettingsTest {
  private static final Map<String, String> NO_ENV = Map.of();

  @Test
  void defaultsToDataSolrOnPort8983Standalone() {
    LaunchSettings settings = LaunchSettings.resolve(null, null, null, null, null, null, null, NO_ENV);

    assertThat(settings.home()).isEqualTo(Path.of("data", "solr").toAbsolutePath());
    assertThat(settings.port()).isEqualTo(8983);
    assertThat(settings.cloudNodes()).isZero();
    assertThat(settings.urlFile()).isNull();
  }

  @Test
  void environmentOverridesDefaults() {
    LaunchSettings settings = LaunchSettings.resolve(
        null, null, null, null, null, null, null, Map.of("SOLR_HOME", "/srv/solr", "SOLR_PORT", " 8984 "));

    assertThat(settings.home()).isEqualTo(Path.of("/srv/solr"));
    assertThat(settings.port()).isEqualTo(8984);
  }

  @Test
  void optionsOverrideEnvironment() {
    LaunchSettings settings = LaunchSettings.resolve(
        Path.of("/tmp/h"), 0, 2, null, null, null, Path.of("/tmp/url"), Map.of("SOLR_HOME", "/srv/solr", "SOLR_PORT", "8984"));

    assertThat(settings.home()).isEqualTo(Path.of("/tmp/h"));
    assertThat(settings.port()).isZero();
    assertThat(settings.cloudNodes()).isEqualTo(2);
    assertThat(settings.urlFile()).isEqualTo(Path.of("/tmp/url"));
  }

  @Test
  void blankEnvironmentCountsAsUnset() {
    LaunchSettings settings =
        LaunchSettings.resolve(null, null, null, null, null, null, null, Map.of("SOLR_HOME", " ", "SOLR_PORT", ""));

    assertThat(settings.port()).isEqualTo(8983);
    assertThat(settings.home()).isEqualTo(Path.of("data", "solr").toAbsolutePath());
  }

  @Test
  void badPortNamesItsSource() {
    assertThatThrownBy(() -> LaunchSettings.resolve(null, 70_000, null, null, null, null, null, NO_ENV))
        .hasMessage("--port=70000 is outside 0..65535");
    assertThatThrownBy(() -> LaunchSettings.resolve(null, null, null, null, null, null, null, Map.of("SOLR_PORT", "solr")))
        .hasMessage("SOLR_PORT=solr is not a port number");
  }

  @Test
  void clusterSizeMustBeSensible() {
    assertThatThrownBy(() -> LaunchSettings.resolve(null, null, 0, null, null, null, null, NO_ENV))
        .hasMessageContaining("--cloud 0");
    assertThatThrownBy(() -> LaunchSettings.resolve(null, null, 10, null, null, null, null, NO_ENV))
        .hasMessageContaining("--cloud 10");
  }

  @Test
  void aLocalClusterListensWhereBinSolrDashCWouldWithAReplicaOfEachCollectionOnEveryNode() {
    LaunchSettings two = LaunchSettings.resolve(null, null, 2, null, null, null, null, NO_ENV);
    assertThat(two.port()).isEqualTo(8983);
    assertThat(two.zkPort()).isEqualTo(9983);
    assertThat(two.shards()).isEqualTo(2);
    for (int nodes = 1; nodes <= LaunchSettings.MAX_CLOUD_NODES; nodes++) {
      LaunchSettings cloud = LaunchSettings.resolve(null, null, nodes, null, null, null, null, NO_ENV);
      assertThat(cloud.shards() * Math.min(nodes, 2)).as("replicas of a collection on %d nodes", nodes)
          .isGreaterThanOrEqualTo(nodes);
    }
    LaunchSettings tests = LaunchSettings.resolve(null, 0, 3, 1, 0, null, null, NO_ENV);
    assertThat(tests.port()).isZero();
    assertThat(tests.zkPort()).isZero();
    assertThat(tests.shards()).isEqualTo(1);
  }

  @Test
  void joiningANodeAndStartingAClusterAreDifferentThings() {
    LaunchSettings join = LaunchSettings.resolve(null, 8985, null, null, null, " 127.0.0.1:9983 ", null, NO_ENV);
    assertThat(join.joins()).isTrue();
    assertThat(join.join()).isEqualTo("127.0.0.1:9983");
    assertThat(join.cloudNodes()).isZero();
    assertThatThrownBy(() -> LaunchSettings.resolve(null, null, 2, null, null, "127.0.0.1:9983", null, NO_ENV))
        .hasMessageContaining("--join and --cloud");
    assertThatThrownBy(() -> LaunchSettings.resolve(null, null, null, 2, null, null, null, NO_ENV))
        .hasMessageContaining("--shards");
    assertThatThrownBy(() -> LaunchSettings.resolve(null, 65_535, 2, null, null, null, null, NO_ENV))
        .hasMessageContaining("no room for 2 nodes");
  }
}
