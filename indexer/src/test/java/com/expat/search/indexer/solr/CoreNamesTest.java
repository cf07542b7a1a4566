package com.expat.search.indexer.solr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoreNamesTest {

  @Test
  void liveOfBuild_givesTheLiveNameABuildWasMadeFor() {
    assertThat(CoreNames.liveOfBuild(CoreNames.buildPrefix("members") + "20261128T014104")).contains("members");
    assertThat(CoreNames.liveOfBuild("members_v1__build_1")).contains("members_v1");
  }

  @Test
  void liveOfBuild_isEmptyForLiveAndPreviousNames() {
    assertThat(CoreNames.liveOfBuild("members")).isEmpty();
    assertThat(CoreNames.liveOfBuild(CoreNames.previousPrefix("members") + "1")).isEmpty();
    assertThat(CoreNames.liveOfBuild("__build_1")).isEmpty();
  }
}
