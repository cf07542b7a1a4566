package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.solr.RankParams;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.expat.search.vocabulary.MemberFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member search with text whose window's scorers skip ({@link TextMatchCount}) answers on the
 * launched Solr as one that collects every match (the same request with facets, which needs every
 * match): the same page with the same scores, and {@code numFound} the plain query's under the same
 * filters: the cached ones (searchable, a city), a viewer's uncached negative ones (the viewer,
 * who blocks them, whom they block, read by Solr), one word, every word required, over 10,000
 * members in several segments with updated (deleted) documents. And the scorers do skip: Solr's
 * header tells how many matches they visited, fewer than it counts.
 */
@ExtendWith(SolrExtension.class)
class TextWindowTotalIT {
  private static final int MEMBERS = 10_000;
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final String QF = "display_name^3 headline^1.5 occupation^1.5 bio text_en^0.5";
  private static final String[] WORDS = {"engineer", "teacher", "coffee", "years", "music"};
  private static final long VIEWER = 1;

  private final SolrClient client;
  private final String members;

  TextWindowTotalIT(SolrCores cores) {
    this.client = cores.client();
    this.members = cores.members();
  }

  @BeforeAll
  static void index(SolrCores cores) throws Exception {
    SplittableRandom random = new SplittableRandom(5);
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int id = 1; id <= MEMBERS; id++) {
      docs.add(member(id, 1, random));
      if (id % 2_500 == 0) {
        cores.client().add(cores.members(), docs);
        cores.client().commit(cores.members());
        docs.clear();
      }
    }
    // Updates leave the old documents deleted in the older segments.
    for (int id = 3; id <= MEMBERS; id += 37) {
      docs.add(member(id, 2, random));
    }
    cores.client().add(cores.members(), docs);
    cores.client().commit(cores.members());
  }

  @Test
  void aSkippingWindowAnswersAsOneThatCollectsEveryMatch() throws Exception {
    int skipped = 0;
    int compared = 0;
    for (String text : List.of("engineer", "ENGINEERS", "years", "engineer years", "coffee")) {
      for (boolean viewer : new boolean[] {false, true}) {
        for (String city : new String[] {null, "2"}) {
          for (int start : new int[] {0, 40}) {
            String what = text + (viewer ? " viewer" : "") + (city == null ? "" : " city " + city) + " start " + start;
            QueryResponse ranked = client.query(members, ranked(text, viewer, city, start, false));
            QueryResponse every = client.query(members, ranked(text, viewer, city, start, true));
            SolrQuery plain = filtered(new SolrQuery(), text, viewer, city).setRows(0);
            long total = client.query(members, plain).getResults().getNumFound();

            assertThat(ranked.getResults().getNumFound()).as(what).isEqualTo(total);
            assertThat(every.getResults().getNumFound()).as(what).isEqualTo(total);
            assertThat(page(ranked)).as(what).isEqualTo(page(every)).isNotEmpty();
            Object collected = ranked.getHeader().get(MatchesCollector.COLLECTED);
            if (collected != null) {
              assertThat(((Number) collected).longValue()).as(what).isLessThanOrEqualTo(total);
              skipped += ((Number) collected).longValue() < total ? 1 : 0;
            }
            assertThat(every.getHeader().get(MatchesCollector.COLLECTED)).as(what + ", facets").isNull();
            compared++;
          }
        }
      }
    }
    assertThat(compared).isEqualTo(40);
    assertThat(skipped).as("requests whose scorers skipped").isGreaterThanOrEqualTo(8);
  }

  /** The page as ids and the model's scores. */
  private static List<String> page(QueryResponse response) {
    List<String> page = new ArrayList<>();
    for (SolrDocument doc : response.getResults()) {
      page.add(doc.getFieldValue("id") + "=" + doc.getFieldValue(MatchesTransformerFactory.SCORE));
    }
    return page;
  }

  private static SolrQuery ranked(String text, boolean viewer, String city, int start, boolean facets) {
    SolrQuery query = filtered(new SolrQuery(), text, viewer, city);
    query.setParam("rq", "{!expat_matches window=300 size=20 text=true diversify=false}");
    (viewer ? RankParams.params(RankingProfiles.load().defaultProfile(), VIEWER, null, NOW)
        : new RankParams(RankingProfiles.load().defaultProfile(),
            com.expat.search.ranking.signals.Viewer.anonymous(null), NOW).params())
        .forEach(query::setParam);
    query.setFields("id", MatchesTransformerFactory.SCORE + ":[expat_matches text=true]");
    query.setStart(start).setRows(20);
    if (facets) {
      query.setFacet(true).addFacetField(MemberFields.LANGUAGES);
    }
    return query;
  }

  /** The text as the service sends it and the filters: searchable, a city, a viewer's exclusions. */
  private static SolrQuery filtered(SolrQuery query, String text, boolean viewer, String city) {
    query.setQuery("{!edismax v=$qq}").setParam("qq", text).setParam("qf", QF).setParam("uf", "-*")
        .setParam("mm", "100%").setParam("sow", "true");
    query.addFilterQuery(MemberFields.SEARCHABLE + ":true");
    if (city != null) {
      query.addFilterQuery(MemberFields.CITY_ID + ":" + city);
    }
    if (viewer) {
      query.addFilterQuery("{!cache=false}-id:" + VIEWER);
      query.addFilterQuery("{!cache=false}-" + MemberFields.BLOCKED_IDS + ":" + VIEWER);
      query.addFilterQuery("{!cache=false}-{!expat_viewer_terms f=id viewer=" + VIEWER + " v=blocked_ids}");
    }
    return query;
  }

  /**
   * Short texts from a few words, "engineer" in most; one member in 20 not searchable; 5 cities; the
   * viewer (1) blocks 20 members, 30 others block the viewer.
   */
  private static SolrInputDocument member(int id, long version, SplittableRandom random) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(MemberFields.ID, Integer.toString(id));
    doc.setField(MemberFields.VERSION, version);
    doc.setField(MemberFields.DISPLAY_NAME, "Member " + id);
    doc.setField(MemberFields.HEADLINE, words(random, random.nextInt(6)));
    doc.setField(MemberFields.OCCUPATION, words(random, random.nextInt(3)));
    doc.setField(MemberFields.BIO, words(random, 3 + random.nextInt(30)));
    doc.setField(MemberFields.SEARCHABLE, id % 20 != 7);
    doc.setField(MemberFields.CITY_ID, 1 + id % 5);
    doc.setField(MemberFields.LAST_ACTIVE_AT, Date.from(NOW.minusSeconds(random.nextInt(3_000_000))));
    doc.setField(MemberFields.CREATED_AT, Date.from(NOW.minusSeconds(86_400L * (1 + random.nextInt(900)))));
    if (id == VIEWER) {
      doc.setField(MemberFields.BLOCKED_IDS, List.of(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L, 1000L,
          1100L, 1200L, 1300L, 1400L, 1500L, 1600L, 1700L, 1800L, 1900L, 2000L));
    } else if (id % 331 == 0) {
      doc.setField(MemberFields.BLOCKED_IDS, List.of(VIEWER));
    }
    return doc;
  }

  private static String words(SplittableRandom random, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(i == 0 && random.nextInt(10) < 9 ? "engineer"
          : WORDS[(int) (random.nextDouble() * random.nextDouble() * WORDS.length)]).append(' ');
    }
    return text.toString();
  }
}
