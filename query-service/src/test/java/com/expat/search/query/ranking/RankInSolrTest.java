package com.expat.search.query.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RankInSolrTest {
  @Test
  void onOneSolrEveryMemberRequestRanksInSolr() {
    RankInSolr auto = new RankInSolr(RankInSolr.Mode.AUTO, false);
    assertThat(auto.enabled()).isTrue();
    assertThat(auto.enabledWithText()).isTrue();
  }

  @Test
  void onSolrCloudSearchesWithTextRankInSolrToo_theMergeRecombinesTextRelevanceOverEveryShard() {
    RankInSolr cloud = new RankInSolr(RankInSolr.Mode.AUTO, true);
    assertThat(cloud.enabled()).isTrue();
    assertThat(cloud.enabledWithText()).isTrue();
  }

  @Test
  void offRanksNothingInSolr() {
    RankInSolr off = new RankInSolr(RankInSolr.Mode.OFF, false);
    assertThat(off.enabled()).isFalse();
    assertThat(off.enabledWithText()).isFalse();
  }

  @Test
  void aSolrWithoutThePluginIsToldWhichJarAndConfigsetItLacks() {
    assertThat(RankInSolr.missing("members_v1")).contains("members_v1", "solr-config.jar",
        "-Dexpat.nativePrerank=true", "configset expat");
  }
}
