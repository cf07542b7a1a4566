package com.expat.search.query.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.IndexDocs;
import com.expat.search.ranking.solr.SolrPrerank;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.Test;

class TwoStageTest {
  private static final PrerankForm AUTO = new PrerankForm(PrerankForm.Mode.AUTO);


  @Test
  void aFirstPageRanksTheWholeWindowInJava() {
    assertThat(TwoStage.of(1, 20, true, TwoStage.WINDOW)).isEqualTo(new TwoStage(1, 20, 0, 300, true));
  }

  @Test
  void aSmallerWindowStillCoversTheWholePage() {
    assertThat(TwoStage.of(1, 20, true, 100)).isEqualTo(new TwoStage(1, 20, 0, 100, true));
    assertThat(TwoStage.of(3, 50, true, 100)).isEqualTo(new TwoStage(3, 50, 0, 150, true));
  }

  @Test
  void theWindowGrowsWithThePageUpToAThousand() {
    assertThat(TwoStage.of(20, 50, true, TwoStage.WINDOW)).isEqualTo(new TwoStage(20, 50, 0, 1000, true));
  }

  @Test
  void pagesBeyondTheWindowKeepSolrsOrder() {
    assertThat(TwoStage.of(21, 50, true, TwoStage.WINDOW)).isEqualTo(new TwoStage(21, 50, 1000, 50, false));
  }

  @Test
  void anExplicitSortFetchesOnlyThePageInSolrsOrder() {
    assertThat(TwoStage.of(2, 20, false, TwoStage.WINDOW)).isEqualTo(new TwoStage(2, 20, 20, 20, false));
  }

  @Test
  void thePageIsASliceOfTheJavaRanking() {
    // Better profile quality, better rank: Java orders 5, 4, 3, 2, 1 whatever Solr's order.
    assertThat(ids(TwoStage.of(2, 2, true, TwoStage.WINDOW), docs(1, 2, 3, 4, 5))).containsExactly(3L, 2L);
  }

  @Test
  void inSolrsOrderJavaOnlyScores() {
    assertThat(ids(TwoStage.of(1, 3, false, TwoStage.WINDOW), docs(1, 2, 3))).containsExactly(1L, 2L, 3L);
  }

  @Test
  void aJavaOrderedPageFetchesOnlyItsOwnDocumentsWithTheItemFields() {
    List<List<Long>> asked = new ArrayList<>();
    List<TwoStage.Hit<MemberSignals>> hits = hits(TwoStage.of(1, 2, true, TwoStage.WINDOW), docs(1, 2, 3, 4, 5), ids -> {
      asked.add(ids);
      Map<Long, SolrDocument> shown = new HashMap<>();
      ids.forEach(id -> shown.put(id, shown(id)));
      return shown;
    });
    assertThat(asked).containsExactly(List.of(5L, 4L));
    assertThat(hits).extracting(hit -> hit.doc().getFirstValue("display_name")).containsExactly("member 5", "member 4");
  }

  @Test
  void aMemberGoneBetweenTheTwoRequestsIsLeftOutOfThePage() {
    // Hidden after the window was read: the page fetch, with the same filters, no longer finds 4.
    List<TwoStage.Hit<MemberSignals>> hits = hits(TwoStage.of(1, 3, true, TwoStage.WINDOW), docs(1, 2, 3, 4, 5),
        ids -> ids.stream().filter(id -> id != 4L).collect(Collectors.toMap(id -> id, TwoStageTest::shown)));
    assertThat(hits).extracting(hit -> hit.ranked().item().id()).containsExactly(5L, 3L);
  }

  @Test
  void inSolrsOrderTheWindowIsThePageAndNothingMoreIsFetched() {
    List<TwoStage.Hit<MemberSignals>> hits = hits(TwoStage.of(1, 3, false, TwoStage.WINDOW), docs(1, 2, 3), ids -> {
      throw new AssertionError("fetched " + ids);
    });
    assertThat(hits).hasSize(3);
  }

  @Test
  void theWindowAsksForTheRankersFieldsOnlyAndThePageForTheItemFields() {
    SolrPrerank prerank = new SolrPrerank(List.of(), Map.of("NOW", "0"), List.of("id", "interests"));
    ModifiableSolrParams window = new ModifiableSolrParams();
    TwoStage.of(1, 20, true, TwoStage.WINDOW).prepare(window, prerank, false, List.of("id", "display_name"), AUTO);
    assertThat(window.getParams("fl")).containsExactly("id", "interests", "score");

    ModifiableSolrParams page = new ModifiableSolrParams();
    TwoStage.of(2, 20, false, TwoStage.WINDOW).prepare(page, prerank, false, List.of("id", "display_name"), AUTO);
    assertThat(page.getParams("fl")).containsExactly("id", "interests", "display_name", "score");
  }

  @Test
  void theScoreIsTheNativeFunctionWhenTheFormSendsItAndThePrerankHasOne() {
    SolrPrerank prerank = new SolrPrerank(List.of(), Map.of("NOW", "0"), List.of("id"),
        Optional.of("expat_member_prerank(0,0,0,0,1,1,-1,0,-1,0)"));
    ModifiableSolrParams sent = new ModifiableSolrParams();
    TwoStage.of(1, 20, true, TwoStage.WINDOW).prepare(sent, prerank, false, List.of("id"), AUTO);
    assertThat(sent.get("q")).isEqualTo("{!func v=$rank}");
    assertThat(sent.get("rank")).isEqualTo("expat_member_prerank(0,0,0,0,1,1,-1,0,-1,0)");

    ModifiableSolrParams generic = new ModifiableSolrParams();
    TwoStage.of(1, 20, true, TwoStage.WINDOW)
        .prepare(generic, prerank, false, List.of("id"), new PrerankForm(PrerankForm.Mode.FUNCTION));
    assertThat(generic.get("rank")).isEqualTo(prerank.function());

    ModifiableSolrParams events = new ModifiableSolrParams();
    SolrPrerank withoutNative = new SolrPrerank(List.of(), Map.of("NOW", "0"), List.of("id"));
    TwoStage.of(1, 20, true, TwoStage.WINDOW)
        .prepare(events, withoutNative, false, List.of("id"), new PrerankForm(PrerankForm.Mode.NATIVE));
    assertThat(events.get("rank")).isEqualTo("0");

    ModifiableSolrParams text = new ModifiableSolrParams();
    text.set("q", "{!edismax v=$qq}");
    TwoStage.of(1, 20, true, TwoStage.WINDOW).prepare(text, prerank, true, List.of("id"), AUTO);
    assertThat(text.get("q")).isEqualTo("{!edismax v=$qq}");
    assertThat(text.get("rank")).isNull();
  }

  private static List<Long> ids(TwoStage stages, SolrDocumentList docs) {
    List<TwoStage.Hit<MemberSignals>> hits = hits(stages, docs,
        ids -> ids.stream().collect(Collectors.toMap(id -> id, TwoStageTest::shown)));
    hits.forEach(hit -> assertThat(hit.ranked().item().id()).isEqualTo(hit.doc().getFirstValue("id")));
    return hits.stream().map(hit -> hit.ranked().item().id()).toList();
  }

  private static List<TwoStage.Hit<MemberSignals>> hits(TwoStage stages, SolrDocumentList docs,
      TwoStage.PageFetch fetch) {
    RankingProfile profile = RankingProfiles.load().defaultProfile();
    return stages.page(docs, false, IndexDocs::member, MemberSignals::id,
        candidates -> Rankers.matches().rank(Viewer.anonymous(null), candidates, profile, Corpus.uniform(),
            Instant.EPOCH), fetch);
  }

  private static SolrDocument shown(long id) {
    SolrDocument doc = new SolrDocument();
    doc.setField("id", id);
    doc.setField("display_name", "member " + id);
    return doc;
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
