package com.expat.search.indexer.generate;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Headlines, bios, event titles and descriptions from per-language templates ({@code
 * texts.tsv}) that mention occupation, interests and city. Falls back to English for languages
 * without templates. Lengths are cut to the column limits in characters.
 */
final class Texts {
  static final int HEADLINE_MAX = 200;
  static final int TITLE_MAX = 200;
  static final int LONG_BIO_CHARS = 10_000;
  private static final String[] EMOJI = {"🌍", "✈️", "☕", "🎸", "🏔️", "🍜", "📚", "🧗", "🎨", "😊", "🙌", "🍷", "🏄", "❤️"};

  private final Map<String, Map<String, List<String>>> templates;

  Texts(WorldData data) {
    templates = data.texts;
  }

  boolean hasLanguage(String language) {
    return templates.containsKey(language);
  }

  /** The values a template may mention. */
  record Subject(String occupation, String city, String interest, String interest2, int years) {}

  String headline(String language, Subject subject, RandomGenerator random) {
    String text = fill(pick(language, "headline", random), subject);
    if (random.nextDouble() < 0.12) {
      text = text + " " + emoji(random);
    }
    return cut(text, HEADLINE_MAX);
  }

  String bio(String language, Subject subject, RandomGenerator random, boolean veryLong) {
    List<String> sentences = sentences(language, "bio");
    StringBuilder bio = new StringBuilder();
    int count = veryLong ? Integer.MAX_VALUE : 1 + random.nextInt(Math.min(4, sentences.size()));
    int start = random.nextInt(sentences.size());
    for (int i = 0; i < count; i++) {
      if (bio.length() > 0) {
        bio.append(random.nextDouble() < 0.15 ? "\n\n" : " ");
      }
      bio.append(fill(sentences.get((start + i) % sentences.size()), subject));
      if (random.nextDouble() < 0.08) {
        bio.append(' ').append(emoji(random));
      }
      if (veryLong && bio.length() >= LONG_BIO_CHARS) {
        break;
      }
    }
    return bio.toString();
  }

  String title(String language, Subject subject, RandomGenerator random) {
    return cut(capitalise(fill(pick(language, "title", random), subject)), TITLE_MAX);
  }

  String description(String language, Subject subject, RandomGenerator random) {
    String text = fill(pick(language, "description", random), subject);
    return random.nextDouble() < 0.1 ? text + " " + emoji(random) : text;
  }

  private String pick(String language, String kind, RandomGenerator random) {
    List<String> options = sentences(language, kind);
    return options.get(random.nextInt(options.size()));
  }

  private List<String> sentences(String language, String kind) {
    Map<String, List<String>> kinds = templates.getOrDefault(language, templates.get("en"));
    return kinds.getOrDefault(kind, templates.get("en").get(kind));
  }

  private static String fill(String template, Subject subject) {
    return template
        .replace("{occupation}", subject.occupation())
        .replace("{city}", subject.city())
        .replace("{interest2}", subject.interest2())
        .replace("{interest}", subject.interest())
        .replace("{years}", Integer.toString(subject.years()));
  }

  private static String emoji(RandomGenerator random) {
    return EMOJI[random.nextInt(EMOJI.length)];
  }

  private static String capitalise(String text) {
    return text.isEmpty() || !Character.isLowerCase(text.charAt(0))
        ? text
        : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** Cuts to at most {@code max} characters (code points, as MariaDB counts), never in a pair. */
  static String cut(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max)).strip();
  }
}
