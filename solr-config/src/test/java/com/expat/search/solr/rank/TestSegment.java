package com.expat.search.solr.rank;

import com.expat.search.ranking.signals.LatLon;
import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * One in-memory segment of 2,000 random members with the docValues the plugin reads, as the
 * schema declares them, and its {@link MemberColumns}: {@code TestSegment.columns()}. Some members
 * lack a place or a date, some were active a little after {@link #NOW} (the service's time is to
 * the minute), some list unknown levels.
 */
final class TestSegment {
  static final Instant NOW = Instant.parse("2026-06-01T10:15:00Z");
  static final List<String> INTERESTS = List.of("hiking", "chess", "jazz", "cooking", "tennis", "yoga");
  static final List<String> LANGUAGES = List.of("de", "en", "es", "fr");
  static final List<String> LEVELS = List.of("native", "fluent", "intermediate", "basic");
  static final LatLon[] CITIES = {new LatLon(48.14, 11.58), new LatLon(52.52, 13.40),
      new LatLon(48.21, 16.37), new LatLon(41.39, 2.17)};
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final MemberColumns COLUMNS = build();

  private TestSegment() {}

  static MemberColumns columns() {
    return COLUMNS;
  }

  private static MemberColumns build() {
    try (DirectoryReader reader = reader(1)) {
      return MemberColumns.read(reader.leaves().get(0).reader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same 2,000 members in {@code segments} segments (1: the one of {@link #columns()}), in memory; close it. */
  static DirectoryReader reader(int segments) throws IOException {
    return reader(segments, (id, doc) -> {});
  }

  /** {@link #reader(int)} with fields of the caller's added to each member ({@code id}, its document). */
  static DirectoryReader reader(int segments, BiConsumer<Integer, Document> also) throws IOException {
    SplittableRandom random = new SplittableRandom(17);
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      for (int id = 1; id <= 2000; id++) {
        Document doc = member(id, random);
        also.accept(id, doc);
        writer.addDocument(doc);
        if (segments > 1 && id % (2000 / segments) == 0) {
          writer.commit();
        }
      }
      if (segments == 1) {
        writer.forceMerge(1);
      }
    }
    return DirectoryReader.open(directory);
  }

  private static Document member(int id, SplittableRandom random) {
    Document doc = new Document();
    doc.add(new SortedDocValuesField(MemberFields.ID, new BytesRef(Long.toString(id))));
    if (random.nextInt(10) > 0) {
      LatLon city = CITIES[random.nextInt(CITIES.length)];
      doc.add(new LatLonDocValuesField(MemberFields.LOCATION, city.latitude(), city.longitude()));
    }
    if (random.nextInt(20) > 0) {
      doc.add(new NumericDocValuesField(MemberFields.LAST_ACTIVE_AT, NOW.toEpochMilli() - random.nextLong(-60_000, 200 * DAY)));
    }
    if (random.nextInt(20) > 0) {
      doc.add(new NumericDocValuesField(MemberFields.CREATED_AT, NOW.toEpochMilli() - random.nextLong(0, 900 * DAY)));
    }
    doc.add(new FloatDocValuesField(MemberFields.PROFILE_QUALITY, random.nextInt(11) / 10f));
    if (random.nextInt(3) > 0) {
      doc.add(new SortedDocValuesField(MemberFields.ORIGIN_COUNTRY, new BytesRef(random.nextBoolean() ? "DE" : "BR")));
    }
    for (String interest : INTERESTS) {
      if (random.nextInt(4) == 0) {
        doc.add(new SortedSetDocValuesField(MemberFields.INTERESTS, new BytesRef(interest)));
      }
    }
    for (String language : LANGUAGES) {
      int pick = random.nextInt(6);
      if (pick < 2) {
        doc.add(new SortedSetDocValuesField(MemberFields.LANGUAGE_LEVELS,
            new BytesRef(language + ":" + LEVELS.get(random.nextInt(LEVELS.size())))));
      }
      if (pick == 0) {
        // the same language twice (the stronger level counts) or a level nobody knows
        String other = random.nextBoolean() ? LEVELS.get(random.nextInt(LEVELS.size())) : "godlike";
        doc.add(new SortedSetDocValuesField(MemberFields.LANGUAGE_LEVELS, new BytesRef(language + ":" + other)));
      }
    }
    return doc;
  }
}
