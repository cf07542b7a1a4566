package com.expat.search.query.http;

import com.expat.search.query.i18n.DisplayLanguage;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads request parameters and collects every problem, so that one 400 names all bad
 * parameters. Call {@link #throwIfInvalid()} once all values are read. Not thread-safe: one per
 * request.
 */
public final class QueryParams {
  private final Map<String, List<String>> values;
  private final Optional<String> acceptLanguage;
  private final List<InvalidParam> invalid = new ArrayList<>();

  public QueryParams(Map<String, List<String>> values) {
    this(values, Optional.empty());
  }

  /**
   * @param acceptLanguage the request's {@code Accept-Language} header, read when {@code locale}
   *     is not given
   */
  public QueryParams(Map<String, List<String>> values, Optional<String> acceptLanguage) {
    this.values = Map.copyOf(values);
    this.acceptLanguage = acceptLanguage;
  }

  /**
   * The query parameters of {@code ctx}.
   *
   * @throws ProblemException 400 when the query string cannot be decoded
   */
  public static QueryParams of(Context ctx) {
    Map<String, List<String>> map;
    try {
      map = ctx.queryParamMap();
    } catch (RuntimeException e) {
      throw ProblemException.badRequest(
          List.of(new InvalidParam("query", "the query string is not valid URL encoding")));
    }
    return new QueryParams(map, Optional.ofNullable(ctx.header("Accept-Language")));
  }

  /**
   * The language answers are worded in ({@link DisplayLanguage}): {@code locale} (a language tag
   * such as {@code de}, {@code pt-BR}, {@code zh_Hans}; a malformed one is rejected), else the
   * best language of {@code Accept-Language} that answers can be worded in (a malformed header
   * is ignored), else English.
   */
  public String displayLanguage() {
    Optional<String> locale = string("locale");
    if (locale.isPresent()) {
      Optional<String> language = DisplayLanguage.ofTag(locale.get());
      if (language.isEmpty()) {
        reject("locale", "must be a language tag such as en, de or pt-BR, was '" + shorten(locale.get()) + "'");
        return DisplayLanguage.ENGLISH;
      }
      return DisplayLanguage.supported(language.get());
    }
    return acceptLanguage.map(DisplayLanguage::ofHeader).orElse(DisplayLanguage.ENGLISH);
  }

  /** The single value of {@code name}, trimmed; empty when absent or blank. */
  public Optional<String> string(String name) {
    List<String> list = values.getOrDefault(name, List.of());
    if (list.size() > 1) {
      reject(name, "must be given at most once");
      return Optional.empty();
    }
    return list.isEmpty() || list.get(0).isBlank() ? Optional.empty() : Optional.of(list.get(0).strip());
  }

  /** The raw single value, untrimmed (for free text). */
  public Optional<String> text(String name, int maxLength) {
    List<String> list = values.getOrDefault(name, List.of());
    if (list.size() > 1) {
      reject(name, "must be given at most once");
      return Optional.empty();
    }
    if (list.isEmpty()) {
      return Optional.empty();
    }
    String value = list.get(0);
    if (value.codePointCount(0, value.length()) > maxLength) {
      reject(name, "must be at most " + maxLength + " characters");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  public int integer(String name, int defaultValue, int min, int max) {
    OptionalLong value = wholeNumber(name, min, max);
    return value.isPresent() ? (int) value.getAsLong() : defaultValue;
  }

  public OptionalInt optionalInteger(String name, int min, int max) {
    OptionalLong value = wholeNumber(name, min, max);
    return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
  }

  /** A positive id such as a member or city id. */
  public OptionalLong id(String name) {
    return wholeNumber(name, 1, Long.MAX_VALUE);
  }

  /** A positive id given outside the query string, e.g. as a path segment. */
  public OptionalLong idValue(String name, String raw) {
    try {
      long value = Long.parseLong(raw.strip());
      if (value >= 1) {
        return OptionalLong.of(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    reject(name, "must be a positive whole number, was '" + shorten(raw) + "'");
    return OptionalLong.empty();
  }

  public OptionalDouble decimal(String name, double min, double max) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return OptionalDouble.empty();
    }
    double value;
    try {
      value = Double.parseDouble(raw.get());
    } catch (NumberFormatException e) {
      reject(name, "must be a number, was '" + shorten(raw.get()) + "'");
      return OptionalDouble.empty();
    }
    if (!(value >= min && value <= max)) {
      reject(name, "must be between " + plain(min) + " and " + plain(max) + ", was " + raw.get());
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(value);
  }

  public boolean flag(String name) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return false;
    }
    return switch (raw.get().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> {
        reject(name, "must be true or false");
        yield false;
      }
    };
  }

  private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2}");
  private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");
  private static final Pattern INTEREST_SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  /** ISO 639-1 language codes (repeatable, any case), lower-cased: {@code lang}. */
  public List<String> languages(String name) {
    return codes(name, v -> v.toLowerCase(Locale.ROOT), LANGUAGE_CODE, "a two-letter ISO 639-1 code", 20);
  }

  /** Interest slugs (repeatable, any case), lower-cased: {@code interest}. */
  public List<String> interests(String name) {
    return codes(name, v -> v.toLowerCase(Locale.ROOT), INTEREST_SLUG, "an interest slug", 50);
  }

  /** ISO 3166-1 alpha-2 country codes (repeatable, any case), upper-cased: {@code origin}. */
  public List<String> countries(String name) {
    return codes(name, v -> v.toUpperCase(Locale.ROOT), COUNTRY_CODE, "a two-letter country code", 50);
  }

  /**
   * Every value of a repeatable parameter (comma lists count too), normalized by {@code
   * normalize}, checked against {@code pattern}, sorted and deduplicated.
   */
  public List<String> codes(
      String name, Function<String, String> normalize, Pattern pattern, String expected, int maxCount) {
    TreeSet<String> result = new TreeSet<>();
    for (String raw : values.getOrDefault(name, List.of())) {
      for (String part : raw.split(",", -1)) {
        if (part.isBlank()) {
          continue;
        }
        String value = normalize.apply(part.strip());
        if (!pattern.matcher(value).matches()) {
          reject(name, "must be " + expected + ", was '" + shorten(part) + "'");
        } else {
          result.add(value);
        }
      }
    }
    if (result.size() > maxCount) {
      reject(name, "at most " + maxCount + " values");
    }
    return List.copyOf(result);
  }

  /** Records a problem found by the caller, e.g. two parameters that exclude each other. */
  /**
   * A set of named options: {@code true} for all of them, {@code false} or absent for none, or a
   * comma list of names that {@code parse} knows; anything else is rejected naming the parameter
   * and the names allowed.
   */
  public <E extends Enum<E>> Set<E> options(
      String name, Class<E> type, Function<String, Optional<E>> parse, String allowed) {
    Optional<String> raw = string(name);
    if (raw.isEmpty() || raw.get().equalsIgnoreCase("false")) {
      return Set.of();
    }
    if (raw.get().equalsIgnoreCase("true")) {
      return EnumSet.allOf(type);
    }
    EnumSet<E> result = EnumSet.noneOf(type);
    for (String part : raw.get().split(",", -1)) {
      if (part.isBlank()) {
        continue;
      }
      Optional<E> option = parse.apply(part);
      if (option.isEmpty()) {
        reject(name, "must be true, false or a comma list of " + allowed);
        return Set.of();
      }
      result.add(option.get());
    }
    return result;
  }

  public void reject(String name, String reason) {
    invalid.add(new InvalidParam(name, reason));
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public boolean isValid() {
    return invalid.isEmpty();
  }

  /**
   * @throws ProblemException 400 naming each parameter rejected so far
   */
  public void throwIfInvalid() {
    if (!invalid.isEmpty()) {
      throw ProblemException.badRequest(invalid);
    }
  }

  private OptionalLong wholeNumber(String name, long min, long max) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return OptionalLong.empty();
    }
    long value;
    try {
      value = Long.parseLong(raw.get());
    } catch (NumberFormatException e) {
      reject(name, "must be a whole number, was '" + shorten(raw.get()) + "'");
      return OptionalLong.empty();
    }
    if (value < min || value > max) {
      reject(name, max == Long.MAX_VALUE
          ? "must be a positive number, was " + value
          : "must be between " + min + " and " + max + ", was " + value);
      return OptionalLong.empty();
    }
    return OptionalLong.of(value);
  }

  /** Echoed input is cut short and stripped of control characters. */
  public static String shorten(String value) {
    String clean = value.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= 40 ? clean : clean.substring(0, 40) + "...";
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
