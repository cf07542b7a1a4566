package com.expat.search.query.i18n;

import com.expat.search.ranking.Reason;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request's words: its language and where interest names in that language come from. Items
 * are rendered with it, so that reasons read in the asker's language. Thread-safe when {@code
 * interestNames} is.
 */
public final class ItemWords {
  /** Interest names by slug in a language; slugs it does not know are left out. */
  public interface InterestNames {
    Map<String, String> of(Collection<String> slugs, String language);
  }

  private final String language;
  private final InterestNames interestNames;
  private final InterestNames cityNames;

  /** Words whose city names stay the table's. */
  public ItemWords(String language, InterestNames interestNames) {
    this(language, interestNames, null);
  }

  /**
   * @param cityNames city id → name in a language ({@link InterestNames}'s shape, ids as text);
   *     null: city names stay the table's
   */
  public ItemWords(String language, InterestNames interestNames, InterestNames cityNames) {
    this.language = language;
    this.interestNames = interestNames;
    this.cityNames = cityNames;
  }

  /**
   * The city's name to show: in English answers the table's (the contract's city name), in any
   * other language its name there when the catalog knows one, else the table's.
   */
  public String cityName(Long cityId, String tableName) {
    if (cityNames == null || cityId == null || language.equals(DisplayLanguage.ENGLISH)) {
      return tableName;
    }
    String name = cityNames.of(List.of(String.valueOf(cityId)), language).get(String.valueOf(cityId));
    return name == null ? tableName : name;
  }

  public String language() {
    return language;
  }

  /** The reasons in words, in order; null for null (reasons not asked for). */
  public List<String> reasons(List<Reason> reasons) {
    if (reasons == null) {
      return null;
    }
    Set<String> slugs = new LinkedHashSet<>();
    for (Reason reason : reasons) {
      if (reason.code().equals("shared_interests") || reason.code().equals("your_interests")) {
        slugs.addAll(reason.values().subList(1, reason.values().size()));
      }
    }
    Map<String, String> names = slugs.isEmpty() ? Map.of() : interestNames.of(slugs, language);
    return ReasonWords.shipped().words(reasons, language, names::get);
  }
}
