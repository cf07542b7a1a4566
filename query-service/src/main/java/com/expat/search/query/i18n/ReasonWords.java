package com.expat.search.query.i18n;

import com.expat.search.ranking.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Puts the ranking model's language-neutral {@link Reason}s into words in one of the {@link
 * DisplayLanguage}s, from the templates of {@code reason-words.tsv}; a template missing in that
 * language falls back to English. Language names come from the JDK's locale data, interest names
 * from the caller (the catalog's labels in that language). Immutable, thread-safe.
 */
public final class ReasonWords {
  private static final int LISTED = 3;
  private static final ReasonWords SHIPPED = new ReasonWords(read("reason-words.tsv"));

  /** "key\tlanguage" → template. */
  private final Map<String, String> templates;

  ReasonWords(Map<String, String> templates) {
    this.templates = Map.copyOf(templates);
  }

  public static ReasonWords shipped() {
    return SHIPPED;
  }

  /**
   * The reasons in {@code language}.
   *
   * @param interestNames slug → name in that language; a slug it does not know is shown as is
   */
  public List<String> words(List<Reason> reasons, String language, Function<String, String> interestNames) {
    List<String> texts = new ArrayList<>(reasons.size());
    for (Reason reason : reasons) {
      texts.add(words(reason, language, interestNames));
    }
    return texts;
  }

  String words(Reason reason, String language, Function<String, String> interestNames) {
    List<String> v = reason.values();
    return switch (reason.code()) {
      case "distance" -> reason.number(0) == 0
          ? template("distance.near", language, 0)
          : fill(template("distance", language, reason.number(0)), v.get(0));
      case "shared_interests", "your_interests" -> fill(template(reason.code(), language, reason.number(0)),
          v.get(0), list(v.subList(1, v.size()).stream().map(slug -> name(slug, interestNames)).toList(), language));
      case "shared_languages" -> reason.number(2) == 0
          ? fill(template("shared_languages", language, 0), languageName(v.get(0), language), level(v.get(1), language))
          : fill(template("shared_languages.more", language, reason.number(2)),
              languageName(v.get(0), language), level(v.get(1), language), v.get(2));
      case "language" -> fill(template("language", language, 0), languageName(v.get(0), language),
          level(v.get(1), language));
      case "starts_in_hours", "starts_in_days", "contacts_going", "going", "places_left" ->
          fill(template(reason.code(), language, reason.number(0)), v.get(0));
      default -> fill(template(reason.code(), language, 0), v.toArray(String[]::new));
    };
  }

  private static String name(String slug, Function<String, String> interestNames) {
    String name = interestNames.apply(slug);
    return name == null ? slug : name;
  }

  /** The first three, then "and N more" in the language. */
  private String list(List<String> items, String language) {
    String separator = template("list.separator", language, 0);
    if (items.size() <= LISTED) {
      return String.join(separator, items);
    }
    return fill(template("list.more", language, 0), String.join(separator, items.subList(0, LISTED)),
        String.valueOf(items.size() - LISTED));
  }

  private String level(String label, String language) {
    return template("level." + label, language, 0);
  }

  /** The language's name in {@code language}, lower-cased where the language writes it so. */
  static String languageName(String code, String language) {
    Locale in = Locale.forLanguageTag(language);
    String name = Locale.forLanguageTag(code).getDisplayLanguage(in);
    return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name;
  }

  /**
   * The template for {@code key} in {@code language}, in the form for {@code count} where the
   * language has one ({@code key.one}, {@code key.other}), else the plain key; else English;
   * else the key itself, so that a new code never fails an answer.
   */
  String template(String key, String language, long count) {
    for (String lang : List.of(language, DisplayLanguage.ENGLISH)) {
      String form = templates.get(key + (count == 1 ? ".one" : ".other") + "\t" + lang);
      if (form != null) {
        return form;
      }
      String plain = templates.get(key + "\t" + lang);
      if (plain != null) {
        return plain;
      }
    }
    return key;
  }

  private static String fill(String template, String... values) {
    String text = template;
    for (int i = 0; i < values.length; i++) {
      text = text.replace("{" + i + "}", values[i]);
    }
    return text;
  }

  private static Map<String, String> read(String resource) {
    try (InputStream in = ReasonWords.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + resource + " is missing");
      }
      Map<String, String> templates = new HashMap<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 3) {
          throw new IllegalStateException(resource + ": expected 3 tab-separated fields in: " + line);
        }
        templates.put(f[0] + "\t" + f[1], f[2]);
      }
      return templates;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
