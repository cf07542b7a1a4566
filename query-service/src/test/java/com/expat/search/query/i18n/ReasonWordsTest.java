package com.expat.search.query.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.ranking.Reason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReasonWordsTest {
  private static final ReasonWords WORDS = ReasonWords.shipped();
  private static final Map<String, String> NAMES = Map.of("hiking", "Wandern", "jazz", "Jazz");

  /** One reason per code the ranking module gives, with plausible values. */
  private static final List<Reason> EVERY_CODE = List.of(
      new Reason("text", List.of()), new Reason("distance", List.of("0")), new Reason("distance", List.of("12")),
      new Reason("shared_interests", List.of("1", "hiking")),
      new Reason("shared_interests", List.of("5", "hiking", "jazz", "chess", "golf", "yoga")),
      new Reason("fit_both_ways", List.of()), new Reason("shared_languages", List.of("es", "native", "0")),
      new Reason("shared_languages", List.of("de", "fluent", "2")), new Reason("active_today", List.of()),
      new Reason("active_this_week", List.of()), new Reason("active_this_month", List.of()),
      new Reason("new_member", List.of()), new Reason("new_in_city", List.of("Munich")),
      new Reason("complete_profile", List.of()), new Reason("starts_within_hour", List.of()),
      new Reason("starts_in_hours", List.of("3")), new Reason("starts_in_days", List.of("1")),
      new Reason("your_interests", List.of("1", "jazz")), new Reason("language", List.of("en", "basic")),
      new Reason("contacts_going", List.of("2")), new Reason("going", List.of("18")),
      new Reason("places_left", List.of("1")));

  @Test
  void everyReasonReadsInEveryLanguageWithNoPlaceholderLeft() {
    for (String language : DisplayLanguage.SUPPORTED) {
      for (Reason reason : EVERY_CODE) {
        String text = WORDS.words(reason, language, NAMES::get);
        assertThat(text).as(language + " " + reason).doesNotContain("{").isNotEqualTo(reason.code()).isNotBlank();
      }
    }
  }

  @Test
  void englishReadsAsBeforeAndOtherLanguagesInTheirOwnWords() {
    assertThat(WORDS.words(EVERY_CODE, "en", Map.of("hiking", "Hiking")::get)).contains(
        "less than 1 km away", "12 km away", "1 shared interest: Hiking", "both speak Spanish (native)",
        "both speak German (fluent) and 2 more languages", "starts in 1 day", "only 1 place left",
        "5 shared interests: Hiking, jazz, chess and 2 more");
    assertThat(WORDS.words(new Reason("shared_interests", List.of("1", "hiking")), "de", NAMES::get))
        .isEqualTo("1 gemeinsames Interesse: Wandern");
    assertThat(WORDS.words(new Reason("shared_languages", List.of("es", "native", "0")), "fr", NAMES::get))
        .isEqualTo("vous parlez tous deux espagnol (langue maternelle)");
    assertThat(WORDS.words(new Reason("distance", List.of("12")), "ja", NAMES::get)).isEqualTo("12km先");
  }

  @Test
  void anUnknownCodeNeverFailsAnAnswer() {
    assertThat(WORDS.words(new Reason("something_new", List.of("1")), "de", NAMES::get)).isEqualTo("something_new");
  }
}
