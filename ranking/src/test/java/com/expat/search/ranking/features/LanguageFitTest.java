package com.expat.search.ranking.features;

import static com.expat.search.ranking.signals.LanguageLevel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.ranking.World;
import com.expat.search.ranking.signals.LanguageLevel;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LanguageFitTest {
  private static final LevelWeights LEVELS = new LevelWeights(0.95, 0.85, 0.5, 0.25);

  @Test
  void twoNativeSpeakersCountMoreThanNativeAndBeginner() {
    assertThat(LanguageFit.value(Map.of("es", NATIVE), Map.of("es", NATIVE), LEVELS))
        .isGreaterThan(LanguageFit.value(Map.of("es", NATIVE), Map.of("es", FLUENT), LEVELS))
        .isGreaterThan(LanguageFit.value(Map.of("es", NATIVE), Map.of("es", BASIC), LEVELS));
    assertThat(LanguageFit.value(Map.of("es", FLUENT), Map.of("es", FLUENT), LEVELS))
        .isGreaterThan(LanguageFit.value(Map.of("es", NATIVE), Map.of("es", INTERMEDIATE), LEVELS));
  }

  @Test
  void noSharedLanguageCountsZeroAndTheFitIsSymmetric() {
    assertThat(LanguageFit.value(Map.of("de", NATIVE), Map.of("ja", NATIVE), LEVELS)).isZero();
    SplittableRandom random = new SplittableRandom(16);
    for (int i = 0; i < 300; i++) {
      Map<String, LanguageLevel> a = random(random);
      Map<String, LanguageLevel> b = random(random);
      assertThat(LanguageFit.value(a, b, LEVELS)).isCloseTo(LanguageFit.value(b, a, LEVELS), within(1e-12));
    }
  }

  @Test
  void oneMoreSharedLanguageOrStrongerLevelNeverCountsLess() {
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 500; i++) {
      Map<String, LanguageLevel> mine = random(random);
      Map<String, LanguageLevel> theirs = random(random);
      double before = LanguageFit.value(mine, theirs, LEVELS);
      String code = mine.keySet().iterator().next();
      Map<String, LanguageLevel> more = new HashMap<>(theirs);
      LanguageLevel current = theirs.get(code);
      more.put(code, current == null ? LanguageLevel.values()[random.nextInt(4)]
          : LanguageLevel.values()[random.nextInt(current.ordinal() + 1)]);
      assertThat(LanguageFit.value(mine, more, LEVELS)).isGreaterThanOrEqualTo(before);
      assertThat(LanguageFit.value(mine, more, LEVELS)).isBetween(0.0, 1.0);
    }
  }

  @Test
  void bestSharedLanguageIsTheStrongestPair() {
    assertThat(LanguageFit.best(Map.of("de", NATIVE, "en", FLUENT, "es", BASIC),
        Map.of("en", FLUENT, "es", NATIVE), LEVELS)).isEqualTo("en");
    assertThat(LanguageFit.best(Map.of("de", NATIVE), Map.of("ja", NATIVE), LEVELS)).isNull();
  }

  @Test
  void levelWeightsMustNotGrowAsTheLevelWeakens() {
    assertThatThrownBy(() -> new LevelWeights(0.5, 0.9, 0.3, 0.1)).hasMessageContaining("fluent 0.9");
    assertThatThrownBy(() -> new LevelWeights(1.5, 0.9, 0.3, 0.1)).hasMessageContaining("native");
  }

  private static Map<String, LanguageLevel> random(SplittableRandom random) {
    Map<String, LanguageLevel> result = new HashMap<>();
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      result.put(World.LANGUAGES.get(random.nextInt(World.LANGUAGES.size())),
          LanguageLevel.values()[random.nextInt(4)]);
    }
    return result;
  }
}
