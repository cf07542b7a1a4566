package com.expat.search.common.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexNamesTest {
  @Test
  void withoutVariablesTheNamesAreTheContracts() {
    assertThat(IndexNames.from(Env.of(Map.of()))).isEqualTo(new IndexNames("members", "events", "catalog"));
  }

  @Test
  void expatVariablesRenameEachCore() {
    Env env = Env.of(Map.of("EXPAT_MEMBERS_CORE", "m2", "EXPAT_EVENTS_CORE", "e2", "EXPAT_CATALOG_CORE", "c2"));
    assertThat(IndexNames.from(env)).isEqualTo(new IndexNames("m2", "e2", "c2"));
  }

  @Test
  void theDeprecatedSolrSpellingsStillWork() {
    Env env = Env.of(Map.of("SOLR_MEMBERS_CORE", "m3", "SOLR_EVENTS_CORE", "e3", "SOLR_CATALOG_CORE", "c3"));
    assertThat(IndexNames.from(env)).isEqualTo(new IndexNames("m3", "e3", "c3"));
  }

  @Test
  void bothSpellingsWithOneValueAgree() {
    Env env = Env.of(Map.of("EXPAT_MEMBERS_CORE", "m4", "SOLR_MEMBERS_CORE", "m4"));
    assertThat(IndexNames.from(env).members()).isEqualTo("m4");
  }

  @Test
  void bothSpellingsDisagreeingIsRefusedNamingBoth() {
    Env env = Env.of(Map.of("EXPAT_EVENTS_CORE", "a", "SOLR_EVENTS_CORE", "b"));
    assertThatThrownBy(() -> IndexNames.from(env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("EXPAT_EVENTS_CORE=a")
        .hasMessageContaining("SOLR_EVENTS_CORE=b");
  }
}
