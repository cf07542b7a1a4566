package com.expat.search.ranking.features;

import com.expat.search.ranking.signals.LanguageLevel;
import java.util.Map;

/**
 * Whether the member can follow the event: the {@link LevelWeights weight} of their level in the
 * event's language, 0 when they do not speak it or the language is unknown. In [0, 1].
 */
public final class EventLanguage {
  private EventLanguage() {}

  public static double value(Map<String, LanguageLevel> mine, String eventLanguage, LevelWeights weights) {
    return eventLanguage == null ? 0 : weights.weight(mine.get(eventLanguage));
  }
}
