package com.expat.search.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsTest {
  static final JudgmentSet SET = new JudgmentSet("t", "a test set", 3, List.of(
      new LabQuery("search-chef", QueryType.MEMBER_SEARCH, null, Map.of("q", "chef", "city", "2950159"), List.of(), List.of(),
          Map.of("12", 3, "40", 1, "7", 0)),
      new LabQuery("matches-5", QueryType.MATCHES, 5L, Map.of(), List.of("big_city", "new_member"), List.of("12", "13"),
          Map.of("12", 2, "13", 3))));

  @Test
  void judgmentSetsSurviveTheirJsonFormat(@TempDir Path dir) {
    LabJson.writeJudgments(dir.resolve("j.json"), SET);
    assertThat(LabJson.readJudgments(dir.resolve("j.json"))).isEqualTo(SET);
  }

  @Test
  void trecQrelsAreQidZeroDocGrade() {
    assertThat(TrecQrels.write(SET)).isEqualTo(
        "search-chef 0 12 3\nsearch-chef 0 40 1\nsearch-chef 0 7 0\nmatches-5 0 12 2\nmatches-5 0 13 3\n");
  }

  @Test
  void trecQrelsMergeIntoTheirQueriesByIdAndAddNewOnes() {
    JudgmentSet merged = TrecQrels.merge(SET, TrecQrels.read("matches-5 0 99 1\nnew-q\t0\tx\t2\n"), QueryType.MEMBER_SEARCH, null);
    assertThat(merged.queries()).hasSize(3);
    assertThat(merged.queries().get(1).judgments()).isEqualTo(Map.of("99", 1));
    assertThat(merged.queries().get(1).segments()).containsExactly("big_city", "new_member");
    assertThat(merged.queries().get(2).judgments()).isEqualTo(Map.of("x", 2));
  }

  @Test
  void aMalformedQrelsLineIsNamed() {
    assertThatThrownBy(() -> TrecQrels.read("q 0 d 1\nq 0 d\n")).hasMessageContaining("line 2");
  }

  @Test
  void rreRatingsGroupDocumentsByGainAndReadBack() {
    String text = RreRatings.write(SET);
    assertThat(text).contains("\"topics\"", "\"query_groups\"", "\"relevant_documents\"", "\"$member_id\" : \"5\"", "\"3\" : [ \"12\" ]");
    JudgmentSet back = RreRatings.read(text, "t");
    assertThat(back.queries()).extracting(LabQuery::id).containsExactly("search-chef", "matches-5");
    assertThat(back.queries().get(0).params()).isEqualTo(Map.of("q", "chef", "city", "2950159"));
    assertThat(back.queries().get(0).judgments()).isEqualTo(SET.queries().get(0).judgments());
    assertThat(back.queries().get(1).memberId()).isEqualTo(5L);
    assertThat(back.queries().get(1).type()).isEqualTo(QueryType.MATCHES);
    assertThat(back.queries().get(1).judgments()).isEqualTo(SET.queries().get(1).judgments());
  }

  @Test
  void rreRatingsInThePerDocumentFormAreReadToo() {
    String rre = """
        {"index":"core1","id_field":"id","topics":[{"description":"Fender basses","query_groups":[
          {"name":"Brand search","queries":[{"template":"only_q.json","placeholders":{"$query":"fender"}}],
           "relevant_documents":{"1":{"gain":3},"2":{"gain":2}}}]}]}
        """;
    JudgmentSet set = RreRatings.read(rre, "rre");
    assertThat(set.queries()).singleElement().satisfies(q -> {
      assertThat(q.id()).isEqualTo("Brand_search");
      assertThat(q.type()).isEqualTo(QueryType.MEMBER_SEARCH);
      assertThat(q.params()).isEqualTo(Map.of("query", "fender"));
      assertThat(q.judgments()).isEqualTo(Map.of("1", 3, "2", 2));
    });
  }

  @Test
  void aGradeAboveTheScaleIsRefused() {
    assertThatThrownBy(() -> new JudgmentSet("x", "", 2, List.of(
        new LabQuery("q", QueryType.MEMBER_SEARCH, null, Map.of(), List.of(), List.of(), Map.of("d", 3)))))
        .hasMessageContaining("above max_grade 2");
  }
}
