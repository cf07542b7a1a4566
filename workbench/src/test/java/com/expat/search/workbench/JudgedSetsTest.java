package com.expat.search.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.lab.JudgmentSet;
import com.expat.search.lab.LabQuery;
import com.expat.search.lab.QueryType;
import com.expat.search.lab.RreRatings;
import com.expat.search.lab.TrecQrels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgedSetsTest {
  private static final JudgmentSet SET = new JudgmentSet("s", "", 3, List.of(
      new LabQuery("matches-7", QueryType.MATCHES, 7L, Map.of(), List.of(), List.of(), Map.of("12", 3, "40", 1))));

  @Test
  void eachFormatIsToldApartByItsContent() {
    assertThat(JudgedSets.parse("r.json", RreRatings.write(SET)).queries().get(0).judgments()).isEqualTo(Map.of("12", 3, "40", 1));
    JudgmentSet qrels = JudgedSets.parse("t.qrels", TrecQrels.write(SET));
    assertThat(qrels.queries().get(0).id()).isEqualTo("matches-7");
    assertThat(qrels.queries().get(0).type()).isEqualTo(QueryType.MEMBER_SEARCH);
    assertThat(JudgedSets.parse("l.json", "{\"name\":\"l\",\"max_grade\":3,\"queries\":[]}").name()).isEqualTo("l");
  }

  @Test
  void aBadFileIsRefusedWithItsReason() {
    assertThatThrownBy(() -> JudgedSets.parse("bad.qrels", "q1 0 d1 high\n")).hasMessageContaining("bad.qrels").hasMessageContaining("line 1");
    assertThatThrownBy(() -> JudgedSets.parse("bad.json", "{\"name\":\"x\",\"max_grade\":3,\"queries\":[],\"typo\":1}")).hasMessageContaining("typo");
  }
}
