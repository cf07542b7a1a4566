package com.expat.search.query.suggest;

import com.expat.search.query.i18n.Folding;
import java.util.List;

/**
 * How well the words typed so far match a name, from 0 (not literally) to 1 (the whole name):
 * typed words that start the name's words in order score above ones that start later words, and
 * both grow with the share of the name typed. A hit the literal names cannot explain (found by
 * its transliteration or a synonym not stored) counts {@link #OTHERWISE}, a fuzzy hit {@link
 * #FUZZY}. Stateless.
 */
final class MatchQuality {
  static final double EXACT = 1.0;
  static final double OTHERWISE = 0.7;
  static final double FUZZY = 0.5;

  private MatchQuality() {}

  /** The best quality over the names; {@link #OTHERWISE} when none matches literally. */
  static double best(List<String> typed, List<String> names) {
    double best = 0;
    for (String name : names) {
      best = Math.max(best, of(typed, Folding.words(name)));
    }
    return best == 0 ? OTHERWISE : best;
  }

  /** @param typed and @param name folded words ({@link Folding#words}) */
  static double of(List<String> typed, List<String> name) {
    if (typed.isEmpty() || name.isEmpty()) {
      return 0;
    }
    if (typed.equals(name)) {
      return EXACT;
    }
    double coverage = (double) length(typed) / Math.max(1, length(name));
    if (typed.size() <= name.size() && startsInOrder(typed, name)) {
      return 0.8 + 0.15 * Math.min(1, coverage);
    }
    for (String word : typed) {
      if (name.stream().noneMatch(w -> w.startsWith(word))) {
        return 0;
      }
    }
    return 0.65 + 0.15 * Math.min(1, coverage);
  }

  private static boolean startsInOrder(List<String> typed, List<String> name) {
    for (int i = 0; i < typed.size(); i++) {
      if (!name.get(i).startsWith(typed.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static int length(List<String> words) {
    return words.stream().mapToInt(String::length).sum();
  }
}
