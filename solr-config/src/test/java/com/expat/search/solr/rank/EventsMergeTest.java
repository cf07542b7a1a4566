package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.junit.jupiter.api.Test;

class EventsMergeTest {
  @Test
  void twoShardsEventsMergeInOneCoresOrder_scoreThenPrerankThenEarlierStartThenId() {
    // shard a: ids 3, 9, 1 as a shard returns them (its own order); shard b: 20, 30
    NamedList<?> a = values(new double[] {0.5, 0.5, 0.5}, new float[] {0.7f, 0.7f, 0.7f}, new long[] {100, 100, 150},
        new long[] {3, 9, 1});
    NamedList<?> b = values(new double[] {0.8, 0.5}, new float[] {0.1f, 0.9f}, new long[] {999, 300},
        new long[] {30, 20});
    List<MergedMatches.Member<String>> events = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      events.add(EventsMerge.event("a" + i, a, i));
    }
    for (int i = 0; i < 2; i++) {
      events.add(EventsMerge.event("b" + i, b, i));
    }

    // b0 best score; b1 the best pre-rank of the 0.5s; then the earlier start (100: ids 3 and 9, by id), then 150
    assertThat(page(events, 0, 10)).containsExactly("b0", "b1", "a0", "a1", "a2");
    assertThat(page(events, 2, 2)).containsExactly("a0", "a1");
    assertThat(page(events, 10, 2)).isEmpty();
  }

  @Test
  void idsOrderAsTheirTextsAsSolrsSortOnTheStringIdDid() {
    List<String> ids = new ArrayList<>(List.of("9", "10", "341", "46", "34", "1", "100", "999999999999999999", "0"));
    List<String> byText = ids.stream().sorted().toList();
    List<String> byOrder = ids.stream().sorted(java.util.Comparator.comparingLong(EventColumns::textOrder)).toList();
    assertThat(byOrder).isEqualTo(byText).startsWith("0", "1", "10", "100", "34", "341", "46", "9");
    assertThat(EventColumns.textOrder("1234567890123456789")).isEqualTo(Long.MAX_VALUE);
    assertThat(EventColumns.textOrder("x1")).isEqualTo(Long.MAX_VALUE);
  }

  private static List<String> page(List<MergedMatches.Member<String>> events, int start, int rows) {
    return MergedMatches.page(events, MemberOrder.MODEL, Optional.empty(), 0, start, rows).stream().map(MergedMatches.Member::item).toList();
  }

  private static NamedList<?> values(double[] scores, float[] preranks, long[] starts, long[] ids) {
    NamedList<Object> values = new SimpleOrderedMap<>();
    List<Double> s = new ArrayList<>();
    List<Float> p = new ArrayList<>();
    List<Long> t = new ArrayList<>();
    List<Long> d = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      s.add(scores[i]);
      p.add(preranks[i]);
      t.add(starts[i]);
      d.add(ids[i]);
    }
    values.add("score", s);
    values.add("prerank", p);
    values.add("startsAt", t);
    values.add("id", d);
    return values;
  }
}
