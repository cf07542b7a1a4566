package com.expat.search.query.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.query.solr.IndexQueryException;
import org.junit.jupiter.api.Test;

class RankInSolrTest {
  @Test
  void aSolrWithoutThePluginIsToldWhichJarAndConfigsetItLacks() {
    assertThat(RankInSolr.missing("members_v1")).contains("members_v1", "solr-config.jar",
        "-Dexpat.nativePrerank=true", "configset expat");
  }

  @Test
  void aSolrWithAnOlderPluginJarIsToldWhichPartItLacks() {
    // Solr's own words for a parser and a transformer it does not know.
    assertThat(RankInSolr.missingPart(new IndexQueryException(
        "org.apache.solr.search.SyntaxError: Unknown query parser 'expat_near'", null))).contains("expat_near");
    assertThat(RankInSolr.missingPart(new IndexQueryException("Unknown DocTransformer: expat_field", null)))
        .contains("expat_field");
    assertThat(RankInSolr.missingPart(new IndexQueryException("undefined field: display_nam", null))).isEmpty();
    // An [expat_field] from before the page's texts (b7ec312's jar) refuses display_name in these words.
    assertThat(RankInSolr.missingPart(new IndexQueryException("display_name: name one of [city_id, city_name,"
        + " country_code, interests, language_levels, location, origin_country] as the alias, as in city_id:[...]",
        null))).contains("expat_field");
  }
}
