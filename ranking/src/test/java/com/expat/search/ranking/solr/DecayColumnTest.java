package com.expat.search.ranking.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.World;
import com.expat.search.ranking.features.HalfLifeDecay;
import com.expat.search.ranking.signals.Corpus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecayColumnTest {
  private static final long MISSING = Long.MIN_VALUE;
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long NOW = Instant.parse("2026-06-01T10:15:00Z").toEpochMilli();
  private static final double RATE = HalfLifeDecay.rate(Duration.ofDays(14));

  @Test
  void eachMembersDecayIsTheModelsForDatesBeforeAtAndAfterTheRequestsTime() {
    SplittableRandom random = new SplittableRandom(11);
    long[] dates = new long[5000];
    for (int doc = 0; doc < dates.length; doc++) {
      dates[doc] = switch (random.nextInt(6)) {
        case 0 -> MISSING;
        case 1 -> NOW;
        case 2 -> NOW + random.nextLong(1, 3 * DAY);
        default -> NOW - random.nextLong(0, 3000 * DAY);
      };
    }
    DecayColumn column = DecayColumn.of(dates, MISSING, RATE);
    // the anchor is the latest date; requests come before it (clock skew), at it and long after
    for (long now : new long[] {NOW - DAY, NOW, NOW + 2 * DAY, NOW + 400 * DAY}) {
      DecayColumn.Weighted weighted = column.at(now, 0.7);
      for (int doc = 0; doc < dates.length; doc++) {
        double expected = dates[doc] == MISSING ? 0 : 0.7 * HalfLifeDecay.value(dates[doc], now, RATE);
        assertThat(weighted.value(doc, dates[doc])).as("doc %d at %d", doc, now).isCloseTo(expected, within(1e-13));
      }
    }
  }

  @Test
  void readingTheDateFromTheColumnsOwnDatesGivesTheSameValueToTheLastBit() {
    SplittableRandom random = new SplittableRandom(13);
    long[] dates = new long[5000];
    for (int doc = 0; doc < dates.length; doc++) {
      dates[doc] = switch (random.nextInt(5)) {
        case 0 -> MISSING;
        case 1 -> NOW;
        default -> NOW - random.nextLong(0, 3000 * DAY);
      };
    }
    DecayColumn column = DecayColumn.of(dates, MISSING, RATE);
    // before the anchor (the column's latest date, NOW), at it, just after, long after, too far for one factor
    for (long now : new long[] {NOW - DAY, NOW, NOW + 1, NOW + 400 * DAY, NOW + 36_500 * DAY}) {
      for (double weight : new double[] {0.7, 0, 2.5}) {
        DecayColumn.Weighted weighted = column.at(now, weight);
        for (int doc = 0; doc < dates.length; doc++) {
          assertThat(weighted.value(doc, dates)).as("doc %d at %d", doc, now).isEqualTo(weighted.value(doc, dates[doc]));
        }
      }
    }
  }

  @Test
  void aRequestTooFarFromTheColumnsDatesForOneFactorComputesEachDecayItself() {
    long[] dates = {NOW - 5 * DAY, NOW - 50 * DAY, MISSING};
    DecayColumn column = DecayColumn.of(dates, MISSING, RATE);
    // 100 years after the anchor: the request's factor alone, 2^-2600, is below any double
    long now = NOW + 36_500 * DAY;
    long recent = now - DAY;
    DecayColumn.Weighted weighted = column.at(now, 1);
    assertThat(weighted.value(0, dates[0])).isEqualTo(HalfLifeDecay.value(dates[0], now, RATE));
    // a date the column does not hold (a document updated since) is still decayed exactly by the same rule
    assertThat(weighted.value(0, recent)).isCloseTo(Math.pow(2, -1.0 / 14), within(1e-12));
    assertThat(weighted.value(2, MISSING)).isZero();
  }

  @Test
  void aColumnWithoutAnyDateCountsZeroForEveryMemberAndKeepsNothing() {
    DecayColumn column = DecayColumn.of(new long[] {MISSING, MISSING}, MISSING, RATE);
    assertThat(column.bytes()).isZero();
    assertThat(column.at(NOW, 1).value(1, MISSING)).isZero();
    assertThat(column.at(NOW, 1).value(1, NOW - DAY)).isEqualTo(HalfLifeDecay.value(NOW - DAY, NOW, RATE));
  }

  @Test
  void thePrerankWeighsAColumnOnlyAtItsOwnHalfLife() {
    ColumnPrerank prerank = ColumnPrerank.of(new RankParams(RankingProfiles.load().defaultProfile(),
        World.randomViewer(new SplittableRandom(1)), Instant.ofEpochMilli(NOW)), Corpus.of(10, Map.of()));
    long[] dates = {NOW - 3 * DAY};
    DecayColumn activity = DecayColumn.of(dates, MISSING, prerank.activityRate());
    DecayColumn newness = DecayColumn.of(dates, MISSING, prerank.newnessRate());
    assertThat(prerank.activity(activity).value(0, dates[0])).isCloseTo(prerank.activity(dates[0]), within(1e-13));
    assertThat(prerank.newness(newness).value(0, dates[0])).isCloseTo(prerank.newness(dates[0]), within(1e-13));
    assertThatThrownBy(() -> prerank.activity(newness)).isInstanceOf(IllegalArgumentException.class);
  }
}
