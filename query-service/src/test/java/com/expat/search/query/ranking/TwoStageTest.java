package com.expat.search.query.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.IndexDocs;
import java.time.Instant;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.junit.jupiter.api.Test;

class TwoStageTest {

  @Test
  void aFirstPageRanksTheWholeWindowInJava() {
    assertThat(TwoStage.of(1, 20, true)).isEqualTo(new TwoStage(1, 20, 0, 300, true));
  }

  @Test
  void theWindowGrowsWithThePageUpToAThousand() {
    assertThat(TwoStage.of(20, 50, true)).isEqualTo(new TwoStage(20, 50, 0, 1000, true));
  }

  @Test
  void pagesBeyondTheWindowKeepSolrsOrder() {
    assertThat(TwoStage.of(21, 50, true)).isEqualTo(new TwoStage(21, 50, 1000, 50, false));
  }

  @Test
  void anExplicitSortFetchesOnlyThePageInSolrsOrder() {
    assertThat(TwoStage.of(2, 20, false)).isEqualTo(new TwoStage(2, 20, 20, 20, false));
  }

  @Test
  void thePageIsASliceOfTheJavaRanking() {
    // Better profile quality, better rank: Java orders 5, 4, 3, 2, 1 whatever Solr's order.
    assertThat(ids(TwoStage.of(2, 2, true), docs(1, 2, 3, 4, 5))).containsExactly(3L, 2L);
  }

  @Test
  void inSolrsOrderJavaOnlyScores() {
    assertThat(ids(TwoStage.of(1, 3, false), docs(1, 2, 3))).containsExactly(1L, 2L, 3L);
  }

  private static List<Long> ids(TwoStage stages, SolrDocumentList docs) {
    RankingProfile profile = RankingProfiles.load().defaultProfile();
    List<TwoStage.Hit<MemberSignals>> hits = stages.page(docs, false, IndexDocs::member, MemberSignals::id,
        candidates -> Rankers.matches().rank(Viewer.anonymous(null), candidates, profile, Corpus.uniform(),
            Instant.EPOCH));
    hits.forEach(hit -> assertThat(hit.ranked().item().id()).isEqualTo(hit.doc().getFirstValue("id")));
    return hits.stream().map(hit -> hit.ranked().item().id()).toList();
  }

  private static SolrDocumentList docs(long... ids) {
    SolrDocumentList docs = new SolrDocumentList();
    for (long id : ids) {
      SolrDocument doc = new SolrDocument();
      doc.setField("id", id);
      doc.setField("profile_quality", id / 10.0);
      docs.add(doc);
    }
    return docs;
  }
}
