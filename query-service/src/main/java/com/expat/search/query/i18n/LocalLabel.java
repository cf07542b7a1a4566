package com.expat.search.query.i18n;

import java.util.Collection;

/**
 * Picks the name to show from a catalog document's {@code labels} ({@code language:name}): the
 * name in the asker's language, else the English one, else the document's own name. Stateless.
 */
public final class LocalLabel {
  private LocalLabel() {}

  /**
   * @param labels the stored {@code labels} values, may be null
   * @param name the table's name, the last fallback
   */
  public static String pick(Collection<?> labels, String language, String name) {
    String english = null;
    if (labels != null) {
      String wanted = language + ":";
      for (Object value : labels) {
        String label = String.valueOf(value);
        if (label.startsWith(wanted)) {
          return label.substring(wanted.length());
        }
        if (label.startsWith(DisplayLanguage.ENGLISH + ":")) {
          english = label.substring(DisplayLanguage.ENGLISH.length() + 1);
        }
      }
    }
    return english != null ? english : name;
  }
}
