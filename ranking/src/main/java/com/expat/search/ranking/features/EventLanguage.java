package com.expat.search.ranking.features;

import com.expat.search.ranking.signals.LanguageLevel;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether the member can follow the event: the {@link LevelWeights weight} of their level in the
 * event's language, 0 when they do not speak it or the language is unknown. In [0, 1].
 */
public final class EventLanguage {
  private EventLanguage() {}

  public static double value(Map<String, LanguageLevel> mine, String eventLanguage, LevelWeights weights) {
    return eventLanguage == null ? 0 : weights.weight(mine.get(eventLanguage));
  }

  /**
   * The same in Solr over the event's single-valued language field: {@code
   * sum(0,if(termfreq(field,'de'),W_de,0),...)} for each language the member speaks; {@code 0}
   * when they speak none.
   */
  public static String solr(String field, Map<String, LanguageLevel> mine, LevelWeights weights) {
    if (mine.isEmpty()) {
      return "0";
    }
    String name = SolrSyntax.field(field);
    StringBuilder sum = new StringBuilder("sum(0");
    new TreeMap<>(mine).forEach((code, level) -> sum.append(",if(termfreq(").append(name).append(',')
        .append(SolrSyntax.quoted(code)).append("),").append(SolrSyntax.number(weights.weight(level)))
        .append(",0)"));
    return sum.append(')').toString();
  }
}
