package com.expat.search.query.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RankInSolrTest {
  @Test
  void aSolrWithoutThePluginIsToldWhichJarAndConfigsetItLacks() {
    assertThat(RankInSolr.missing("members_v1")).contains("members_v1", "solr-config.jar",
        "-Dexpat.nativePrerank=true", "configset expat");
  }
}
