package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.solr.RankParams;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.expat.search.vocabulary.MemberFields;
import com.expat.search.vocabulary.QueryParsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The viewer Solr reads inside a ranked request ({@code RequestViewer}) is the same member whether
 * their latest write is still in the update log (read as {@code /get} reads it) or only in the
 * index (its ranking fields from the segment's columns, the rest through Solr's fetcher): matches
 * asked for each of 40 viewers right after their write and again after the commit give the same
 * page, scores, explanations and viewer report, on the launched Solr. The viewers cover what a
 * member may lack (a point, a city, interests, languages, a quality, a date) and what the filters
 * read (languages, contacts and blocks either way). Checked to fail when the index's read drops a
 * third of the viewers' points or their first interest; a day's error in their last activity
 * changed no answer (the model reads no viewer's dates).
 */
@ExtendWith(SolrExtension.class)
class ViewerReadIT {
  private static final int MEMBERS = 1_500;
  private static final int VIEWERS = 40;
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final String[] INTERESTS = {"hiking", "chess", "cooking", "jazz", "yoga", "tennis", "wine"};
  private static final String[] LANGUAGES = {"en:native", "de:fluent", "fr:intermediate", "es:basic", "it:native"};

  private final SolrClient client;
  private final String members;

  ViewerReadIT(SolrCores cores) {
    this.client = cores.client();
    this.members = cores.members();
  }

  @BeforeAll
  static void index(SolrCores cores) throws Exception {
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int id = 1; id <= MEMBERS; id++) {
      docs.add(member(id, 1));
      if (id % 500 == 0) {
        cores.client().add(cores.members(), docs);
        cores.client().commit(cores.members());
        docs.clear();
      }
    }
  }

  @Test
  void aViewerRanksAlikeReadFromTheUpdateLogAndFromTheIndex() throws Exception {
    // Each viewer asked for right after their write, which the update log holds until the next soft
    // commit (at most half a second after the first write it has not yet made searchable).
    Map<Integer, String> fromLog = new LinkedHashMap<>();
    for (int viewer = 1; viewer <= VIEWERS; viewer++) {
      client.add(members, member(viewer, 2));
      fromLog.put(viewer, answer(viewer));
    }
    // A commit opens a new searcher and the update log forgets what it holds; twice, so that no
    // older map of it keeps the viewers either.
    client.commit(members);
    client.add(members, member(MEMBERS + 1, 1));
    client.commit(members);

    int nonEmpty = 0;
    for (int viewer = 1; viewer <= VIEWERS; viewer++) {
      String fromIndex = answer(viewer);
      assertThat(fromIndex).as("viewer " + viewer).isEqualTo(fromLog.get(viewer));
      nonEmpty += fromIndex.contains("=") ? 1 : 0;
    }
    assertThat(nonEmpty).as("viewers with a page of matches").isGreaterThanOrEqualTo(VIEWERS / 2);
  }

  /** Matches for {@code viewer} as the service asks them of Solr: the page, its scores and what Solr read. */
  private String answer(int viewer) throws Exception {
    SolrQuery query = new SolrQuery("*:*");
    query.addFilterQuery(MemberFields.SEARCHABLE + ":true");
    query.addFilterQuery("{!cache=false}-id:" + viewer);
    query.addFilterQuery("{!cache=false}-" + MemberFields.BLOCKED_IDS + ":" + viewer);
    query.addFilterQuery("{!cache=false}-{!" + QueryParsers.VIEWER_TERMS + " f=id viewer=" + viewer + " v=blocked_ids}");
    query.addFilterQuery("{!cache=false}-{!" + QueryParsers.VIEWER_TERMS + " f=id viewer=" + viewer + " v=contact_ids}");
    query.addFilterQuery("{!" + QueryParsers.NEAR + " viewer=" + viewer + " d=2000}");
    query.addFilterQuery("{!" + QueryParsers.LANGUAGES + " cache=false f=languages viewer=" + viewer + "}");
    query.setParam("rq", "{!" + QueryParsers.MATCHES + " window=300 size=20}");
    RankParams.params(RankingProfiles.load().defaultProfile(), viewer, null, NOW).forEach(query::setParam);
    query.setFields("id", MatchesTransformerFactory.SCORE + ":[" + QueryParsers.MATCHES + " explain=true]",
        MatchesTransformerFactory.EXPLAIN);
    query.setRows(20);
    QueryResponse response = client.query(members, query);
    StringBuilder answer = new StringBuilder(String.valueOf(response.getResponse().get(RankParams.VIEWER_READ)))
        .append(" total=").append(response.getResults().getNumFound());
    for (SolrDocument doc : response.getResults()) {
      answer.append(' ').append(doc.getFieldValue("id")).append('=').append(doc.getFieldValue(MatchesTransformerFactory.SCORE))
          .append(doc.getFieldValues(MatchesTransformerFactory.EXPLAIN));
    }
    return answer.toString();
  }

  /**
   * Member {@code id}: four cities close together (one in 9 members has none), a point for most (one
   * in 7 has none), interests and languages drawn (one in 11 has no interest, one in 13 no
   * language), a quality for most, contacts and blocks among the first members.
   */
  private static SolrInputDocument member(int id, long version) {
    SplittableRandom random = new SplittableRandom(id);
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(MemberFields.ID, Integer.toString(id));
    doc.setField(MemberFields.VERSION, version);
    doc.setField(MemberFields.DISPLAY_NAME, "Member " + id);
    doc.setField(MemberFields.SEARCHABLE, id % 17 != 5);
    int city = id % 9 == 4 ? 0 : 1 + random.nextInt(4);
    if (city > 0) {
      doc.setField(MemberFields.CITY_ID, 100L + city);
      doc.setField(MemberFields.CITY_NAME, "City " + city);
      doc.setField(MemberFields.COUNTRY_CODE, "DE");
      if (id % 7 != 3) {
        doc.setField(MemberFields.LOCATION, (52.0 + city * 0.1 + random.nextDouble() * 0.05) + ","
            + (13.0 + city * 0.1 + random.nextDouble() * 0.05));
      }
    }
    doc.setField(MemberFields.ORIGIN_COUNTRY, random.nextInt(3) == 0 ? "IT" : "FR");
    if (id % 11 != 6) {
      List<String> interests = new ArrayList<>();
      for (String interest : INTERESTS) {
        if (random.nextInt(3) == 0) {
          interests.add(interest);
        }
      }
      doc.setField(MemberFields.INTERESTS, interests);
    }
    if (id % 13 != 8) {
      List<String> levels = new ArrayList<>();
      List<String> codes = new ArrayList<>();
      for (String level : LANGUAGES) {
        if (levels.isEmpty() || random.nextInt(3) == 0) {
          levels.add(level);
          codes.add(level.substring(0, 2));
        }
      }
      doc.setField(MemberFields.LANGUAGE_LEVELS, levels);
      doc.setField(MemberFields.LANGUAGES, codes);
    }
    if (id % 5 != 2) {
      doc.setField(MemberFields.PROFILE_QUALITY, (float) random.nextDouble());
    }
    doc.setField(MemberFields.LAST_ACTIVE_AT, Date.from(NOW.minusSeconds(random.nextInt(9_000_000))));
    if (id % 19 != 10) {
      doc.setField(MemberFields.CREATED_AT, Date.from(NOW.minusSeconds(86_400L * (1 + random.nextInt(900)))));
    }
    if (id <= 60) {
      doc.setField(MemberFields.CONTACT_IDS, List.of(100L + id, 200L + id, 300L + id));
      doc.setField(MemberFields.BLOCKED_IDS, List.of(400L + id, 500L + id));
    }
    return doc;
  }
}
