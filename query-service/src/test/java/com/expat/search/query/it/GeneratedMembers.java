package com.expat.search.query.it;

import com.expat.search.ranking.signals.LanguageLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.solr.common.SolrInputDocument;

/**
 * Generated members around Munich for the ranking ITs: each field missing on some (the ranking
 * must treat a missing value as the Java model does), texts of different lengths so that text
 * scores differ and some tie, all speaking German. Members 1..5 are complete viewers for matches.
 */
final class GeneratedMembers {
  /** The time the members' activity and creation are generated around. */
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final List<String> SLUGS = List.of("hiking", "jazz", "chess", "cooking", "running", "yoga");
  private static final List<LanguageLevel> LEVELS = List.of(LanguageLevel.values());

  private GeneratedMembers() {}

  /** {@code count} members, ids 1..count, drawn from {@code random}. */
  static List<SolrInputDocument> members(SplittableRandom random, int count) {
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int id = 1; id <= count; id++) {
      boolean complete = id <= 5;
      SolrInputDocument doc = new SolrInputDocument();
      doc.setField("id", Integer.toString(id));
      doc.setField("doc_version", 1L);
      doc.setField("searchable", true);
      doc.setField("city_id", 2867714L);
      doc.setField("display_name", "Member " + id);
      // Texts of different lengths and word counts, so that text scores differ and some tie.
      List<String> words = List.of("hiking", "jazz", "pianist", "guide", "engineer", "teacher", "cook");
      StringBuilder headline = new StringBuilder();
      for (int w = random.nextInt(0, 6); w > 0; w--) {
        headline.append(headline.length() == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
      }
      if (headline.length() > 0) {
        doc.setField("headline", headline.toString());
      }
      List<String> codes = random.nextInt(4) == 0 ? List.of("de") : List.of("de", "en");
      doc.setField("languages", codes);
      if (complete || random.nextInt(10) > 0) {
        List<String> levels = new ArrayList<>();
        for (String code : codes) {
          levels.add(code + ":" + LEVELS.get(random.nextInt(LEVELS.size())).label());
        }
        if (random.nextInt(15) == 0) {
          levels.add(codes.get(0) + ":basic"); // a code twice: the stronger level counts, as in Java
        }
        doc.setField("language_levels", levels);
      }
      if (complete || random.nextInt(10) > 0) {
        doc.setField("location", (48.1 + random.nextDouble(-1, 1)) + "," + (11.5 + random.nextDouble(-1.5, 1.5)));
      }
      if (complete || random.nextInt(10) > 0) {
        Set<String> interests = new HashSet<>();
        for (int i = random.nextInt(complete ? 1 : 0, 5); i > 0; i--) {
          interests.add(SLUGS.get(random.nextInt(SLUGS.size())));
        }
        if (!interests.isEmpty()) {
          doc.setField("interests", new ArrayList<>(interests));
        }
      }
      if (complete || random.nextInt(10) > 0) {
        doc.setField("last_active_at", Date.from(NOW.minus(Duration.ofMinutes(random.nextLong(0, 400L * 24 * 60)))));
      }
      if (random.nextInt(20) == 0) {
        doc.setField("last_active_at", Date.from(NOW.plus(Duration.ofHours(3)))); // a clock ahead of ours
      }
      if (complete || random.nextInt(10) > 0) {
        doc.setField("created_at", Date.from(NOW.minus(Duration.ofDays(random.nextLong(0, 3000)))));
      }
      if (complete || random.nextInt(10) > 0) {
        doc.setField("profile_quality", (float) random.nextDouble());
      }
      docs.add(doc);
    }
    return docs;
  }
}
