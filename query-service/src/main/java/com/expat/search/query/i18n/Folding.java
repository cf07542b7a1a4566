package com.expat.search.query.i18n;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * User text to the folded words the suggest fields hold (lower case, accents
 * removed, a few letters ICU folding maps apart), keeping only letters and digits: what is left
 * can never be query syntax. Stateless.
 */
public final class Folding {
  private Folding() {}

  public static List<String> words(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder folded = new StringBuilder(decomposed.length());
    decomposed.codePoints().forEach(c -> {
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        return;
      }
      switch (c) {
        case 'ß' -> folded.append("ss");
        case 'æ', 'Æ' -> folded.append("ae");
        case 'œ', 'Œ' -> folded.append("oe");
        case 'ø', 'Ø' -> folded.append('o');
        case 'ł', 'Ł' -> folded.append('l');
        case 'đ', 'Đ' -> folded.append('d');
        case 'ı' -> folded.append('i');
        default -> folded.appendCodePoint(Character.isLetterOrDigit(c) ? c : ' ');
      }
    });
    List<String> words = new ArrayList<>();
    for (String word : folded.toString().toLowerCase(Locale.ROOT).split(" +")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }
}
