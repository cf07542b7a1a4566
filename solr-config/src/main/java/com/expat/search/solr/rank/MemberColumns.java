package com.expat.search.solr.rank;

import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.solr.DecayColumn;
import com.expat.search.vocabulary.LanguageTerms;
import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.geo.GeoEncodingUtils;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * One segment's member fields as arrays by segment doc id, read once from docValues: what the
 * pre-rank reads for every candidate and the model for the window. A segment never changes, so
 * the columns live as long as it does ({@link ColumnCache}); deleted documents keep their
 * (unused) entries. Multi-valued strings are ordinals into the segment's own term list.
 * The decays of the two dates are kept by half-life rate once asked for ({@link #activity}, {@link
 * #newness}; 8 bytes per member each), for at most {@value #MAX_RATES} rates per date. Immutable
 * once built, but for those; thread-safe. About 80 bytes per member, 96 with one profile's decays.
 */
final class MemberColumns {
  static final long MISSING = Long.MIN_VALUE;
  /** Profiles with more half-lives than this (custom ones) get their decays computed per request. */
  static final int MAX_RATES = 4;

  final int maxDoc;
  /** Member id; 0 for a document without one (a tombstone). */
  final long[] id;
  /** Latitude and longitude as Lucene decodes them; NaN without a location. */
  final double[] latitude;
  final double[] longitude;
  /** Epoch ms; {@link #MISSING} when absent. */
  final long[] lastActiveAt;
  final long[] createdAt;
  /** Profile quality; 0 when absent. */
  final float[] quality;
  /** Ordinal into {@link #origins}; -1 when absent. */
  final int[] origin;
  final String[] origins;
  /** The document's interests: ordinals {@code interestOrds[interestStart[d] .. interestStart[d+1])}. */
  final int[] interestStart;
  final int[] interestOrds;
  final String[] interests;
  /** The document's {@code language_levels} values, the same way. */
  final int[] languageStart;
  final int[] languageOrds;
  final String[] languages;
  /** Each {@link #languages} term read once: its language code and level; null when it is not a known level. */
  final String[] languageCodeOf;
  final LanguageLevel[] languageLevelOf;
  private final ConcurrentHashMap<Double, DecayColumn> activityByRate = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Double, DecayColumn> newnessByRate = new ConcurrentHashMap<>();

  private MemberColumns(LeafReader reader) throws IOException {
    maxDoc = reader.maxDoc();
    id = new long[maxDoc];
    latitude = new double[maxDoc];
    longitude = new double[maxDoc];
    lastActiveAt = new long[maxDoc];
    createdAt = new long[maxDoc];
    quality = new float[maxDoc];
    origin = new int[maxDoc];
    readIds(reader);
    readLocations(reader);
    readDates(DocValues.getNumeric(reader, MemberFields.LAST_ACTIVE_AT), lastActiveAt);
    readDates(DocValues.getNumeric(reader, MemberFields.CREATED_AT), createdAt);
    NumericDocValues qualities = DocValues.getNumeric(reader, MemberFields.PROFILE_QUALITY);
    for (int doc = qualities.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = qualities.nextDoc()) {
      quality[doc] = Float.intBitsToFloat((int) qualities.longValue());
    }
    SortedDocValues origins = DocValues.getSorted(reader, MemberFields.ORIGIN_COUNTRY);
    Arrays.fill(origin, -1);
    for (int doc = origins.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = origins.nextDoc()) {
      origin[doc] = origins.ordValue();
    }
    this.origins = terms(origins);
    Multi interestColumn = Multi.read(DocValues.getSortedSet(reader, MemberFields.INTERESTS), maxDoc);
    interestStart = interestColumn.start;
    interestOrds = interestColumn.ords;
    interests = interestColumn.terms;
    Multi languageColumn = Multi.read(DocValues.getSortedSet(reader, MemberFields.LANGUAGE_LEVELS), maxDoc);
    languageStart = languageColumn.start;
    languageOrds = languageColumn.ords;
    languages = languageColumn.terms;
    languageCodeOf = new String[languages.length];
    languageLevelOf = new LanguageLevel[languages.length];
    for (int ord = 0; ord < languages.length; ord++) {
      String code = LanguageTerms.code(languages[ord]);
      LanguageLevel level = LanguageLevel.parse(LanguageTerms.level(languages[ord])).orElse(null);
      if (code != null && level != null) {
        languageCodeOf[ord] = code;
        languageLevelOf[ord] = level;
      }
    }
  }

  /** Reads the columns of {@code reader}: a pass over each field's docValues. */
  static MemberColumns read(LeafReader reader) throws IOException {
    return new MemberColumns(reader);
  }

  /** The decay of {@link #lastActiveAt} at {@code rate}, built on first use. */
  DecayColumn activity(double rate) {
    return decay(activityByRate, lastActiveAt, rate);
  }

  /** The decay of {@link #createdAt} at {@code rate}, built on first use. */
  DecayColumn newness(double rate) {
    return decay(newnessByRate, createdAt, rate);
  }

  private static DecayColumn decay(ConcurrentHashMap<Double, DecayColumn> byRate, long[] dates, double rate) {
    DecayColumn kept = byRate.get(rate);
    if (kept != null) {
      return kept;
    }
    if (byRate.size() >= MAX_RATES) {
      return DecayColumn.exact(MISSING, rate);
    }
    return byRate.computeIfAbsent(rate, key -> DecayColumn.of(dates, MISSING, key));
  }

  /** Heap bytes held, roughly. */
  long bytes() {
    long decays = 0;
    for (DecayColumn column : activityByRate.values()) {
      decays += column.bytes();
    }
    for (DecayColumn column : newnessByRate.values()) {
      decays += column.bytes();
    }
    return (long) maxDoc * (8 + 8 + 8 + 8 + 8 + 4 + 4 + 4 + 4) + 4L * (interestOrds.length + languageOrds.length)
        + decays;
  }

  private void readIds(LeafReader reader) throws IOException {
    SortedDocValues ids = DocValues.getSorted(reader, MemberFields.ID);
    String[] terms = terms(ids);
    long[] byOrd = new long[terms.length];
    for (int ord = 0; ord < terms.length; ord++) {
      try {
        byOrd[ord] = Long.parseLong(terms[ord]);
      } catch (NumberFormatException e) {
        byOrd[ord] = 0;
      }
    }
    for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
      id[doc] = byOrd[ids.ordValue()];
    }
  }

  private void readLocations(LeafReader reader) throws IOException {
    Arrays.fill(latitude, Double.NaN);
    Arrays.fill(longitude, Double.NaN);
    SortedNumericDocValues points = DocValues.getSortedNumeric(reader, MemberFields.LOCATION);
    for (int doc = points.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = points.nextDoc()) {
      long encoded = points.nextValue();
      latitude[doc] = GeoEncodingUtils.decodeLatitude((int) (encoded >> 32));
      longitude[doc] = GeoEncodingUtils.decodeLongitude((int) (encoded & 0xFFFFFFFFL));
    }
  }

  private static void readDates(NumericDocValues values, long[] into) throws IOException {
    Arrays.fill(into, MISSING);
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      into[doc] = values.longValue();
    }
  }

  private static String[] terms(SortedDocValues values) throws IOException {
    String[] terms = new String[values.getValueCount()];
    for (int ord = 0; ord < terms.length; ord++) {
      terms[ord] = values.lookupOrd(ord).utf8ToString();
    }
    return terms;
  }

  /** A multi-valued string field as start offsets, ordinals and terms. */
  private record Multi(int[] start, int[] ords, String[] terms) {
    static Multi read(SortedSetDocValues values, int maxDoc) throws IOException {
      int[] start = new int[maxDoc + 1];
      int[] ords = new int[Math.max(16, maxDoc)];
      int count = 0;
      int next = 0;
      for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
        while (next <= doc) {
          start[next++] = count;
        }
        for (int i = 0, n = values.docValueCount(); i < n; i++) {
          if (count == ords.length) {
            ords = Arrays.copyOf(ords, ords.length + (ords.length >> 1));
          }
          ords[count++] = (int) values.nextOrd();
        }
      }
      while (next <= maxDoc) {
        start[next++] = count;
      }
      String[] terms = new String[(int) values.getValueCount()];
      for (int ord = 0; ord < terms.length; ord++) {
        terms[ord] = values.lookupOrd(ord).utf8ToString();
      }
      return new Multi(start, Arrays.copyOf(ords, count), terms);
    }
  }
}
