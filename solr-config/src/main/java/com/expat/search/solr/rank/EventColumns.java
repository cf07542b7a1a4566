package com.expat.search.solr.rank;

import com.expat.search.vocabulary.EventFields;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import org.apache.lucene.geo.GeoEncodingUtils;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * One segment's event fields as arrays by segment doc id, read once from docValues: what the
 * events' pre-rank reads for every candidate and the model for the window ({@link EventReader}).
 * A segment never changes, so the columns live as long as it does ({@link EventColumnCache});
 * deleted documents keep their (unused) entries. Strings are ordinals into the segment's own
 * term lists. Immutable once built; thread-safe. About 60 bytes per event, plus the going ids.
 */
final class EventColumns {
  static final long MISSING = Long.MIN_VALUE;
  /** {@link #capacity} of an event without a limit. */
  static final int UNLIMITED = -1;

  final int maxDoc;
  /** Event id; 0 for a document without one. */
  final long[] id;
  /**
   * The id's place in the text order of ids ({@link #textOrder}): Solr's sort {@code id asc} on the
   * string field (the date order's last tie-break) orders ids this way, so the window does too.
   */
  final long[] idOrder;
  /** Epoch ms; {@link #MISSING} when absent. */
  final long[] startsAt;
  final long[] endsAt;
  /**
   * As Solr writes the point in a response (Lucene's decoding rounded up to 7 decimals: {@link
   * #asSolrWrites}), which is what the service reads for {@code distance_km}; NaN without a location.
   */
  final double[] latitude;
  final double[] longitude;
  /** Ordinal into {@link #languages}; -1 when absent. */
  final int[] language;
  final String[] languages;
  /** The event's interests: ordinals {@code interestOrds[interestStart[d] .. interestStart[d+1])}. */
  final int[] interestStart;
  final int[] interestOrds;
  final String[] interests;
  /** Members going, at least 0. */
  final int[] attendeeCount;
  /** Places in all; {@link #UNLIMITED} when absent. */
  final int[] capacity;
  /** Ids of the members going: {@code goingIds[goingStart[d] .. goingStart[d+1])}. */
  final int[] goingStart;
  final long[] goingIds;

  private EventColumns(LeafReader reader) throws IOException {
    maxDoc = reader.maxDoc();
    id = new long[maxDoc];
    idOrder = new long[maxDoc];
    startsAt = new long[maxDoc];
    endsAt = new long[maxDoc];
    latitude = new double[maxDoc];
    longitude = new double[maxDoc];
    language = new int[maxDoc];
    attendeeCount = new int[maxDoc];
    capacity = new int[maxDoc];
    readIds(reader);
    readDates(DocValues.getNumeric(reader, EventFields.STARTS_AT), startsAt);
    readDates(DocValues.getNumeric(reader, EventFields.ENDS_AT), endsAt);
    readLocations(reader);
    SortedDocValues codes = DocValues.getSorted(reader, EventFields.LANGUAGE);
    Arrays.fill(language, -1);
    for (int doc = codes.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = codes.nextDoc()) {
      language[doc] = codes.ordValue();
    }
    languages = new String[codes.getValueCount()];
    for (int ord = 0; ord < languages.length; ord++) {
      languages[ord] = codes.lookupOrd(ord).utf8ToString();
    }
    NumericDocValues going = DocValues.getNumeric(reader, EventFields.ATTENDEE_COUNT);
    for (int doc = going.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = going.nextDoc()) {
      attendeeCount[doc] = (int) Math.max(0, going.longValue());
    }
    Arrays.fill(capacity, UNLIMITED);
    NumericDocValues places = DocValues.getNumeric(reader, EventFields.CAPACITY);
    for (int doc = places.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = places.nextDoc()) {
      capacity[doc] = (int) Math.max(0, places.longValue());
    }
    SortedSetDocValues slugs = DocValues.getSortedSet(reader, EventFields.INTERESTS);
    interestStart = new int[maxDoc + 1];
    int[] ords = new int[Math.max(16, maxDoc)];
    int count = 0;
    int next = 0;
    for (int doc = slugs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = slugs.nextDoc()) {
      while (next <= doc) {
        interestStart[next++] = count;
      }
      for (int i = 0, n = slugs.docValueCount(); i < n; i++) {
        if (count == ords.length) {
          ords = Arrays.copyOf(ords, ords.length + (ords.length >> 1));
        }
        ords[count++] = (int) slugs.nextOrd();
      }
    }
    while (next <= maxDoc) {
      interestStart[next++] = count;
    }
    interestOrds = Arrays.copyOf(ords, count);
    interests = new String[(int) slugs.getValueCount()];
    for (int ord = 0; ord < interests.length; ord++) {
      interests[ord] = slugs.lookupOrd(ord).utf8ToString();
    }
    SortedNumericDocValues ids = DocValues.getSortedNumeric(reader, EventFields.GOING_IDS);
    goingStart = new int[maxDoc + 1];
    long[] values = new long[Math.max(16, maxDoc)];
    count = 0;
    next = 0;
    for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
      while (next <= doc) {
        goingStart[next++] = count;
      }
      for (int i = 0, n = ids.docValueCount(); i < n; i++) {
        if (count == values.length) {
          values = Arrays.copyOf(values, values.length + (values.length >> 1));
        }
        values[count++] = ids.nextValue();
      }
    }
    while (next <= maxDoc) {
      goingStart[next++] = count;
    }
    goingIds = Arrays.copyOf(values, count);
  }

  /** Reads the columns of {@code reader}: a pass over each field's docValues. */
  static EventColumns read(LeafReader reader) throws IOException {
    return new EventColumns(reader);
  }

  /** Heap bytes held, roughly. */
  long bytes() {
    return (long) maxDoc * (8 + 8 + 8 + 8 + 8 + 8 + 4 + 4 + 4 + 4 + 4) + 4L * interestOrds.length + 8L * goingIds.length;
  }

  private void readIds(LeafReader reader) throws IOException {
    SortedDocValues ids = DocValues.getSorted(reader, EventFields.ID);
    long[] byOrd = new long[ids.getValueCount()];
    long[] orderByOrd = new long[byOrd.length];
    for (int ord = 0; ord < byOrd.length; ord++) {
      String text = ids.lookupOrd(ord).utf8ToString();
      try {
        byOrd[ord] = Long.parseLong(text);
      } catch (NumberFormatException e) {
        byOrd[ord] = 0;
      }
      orderByOrd[ord] = textOrder(text);
    }
    for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
      id[doc] = byOrd[ids.ordValue()];
      idOrder[doc] = orderByOrd[ids.ordValue()];
    }
  }

  /**
   * A number that orders decimal ids as their texts order ({@code "10" < "9"}, a prefix first):
   * the digits as base-11 places (digit + 1; 0 past the end), 18 places. An id of more than 18
   * digits or not a number orders last.
   */
  static long textOrder(String id) {
    if (id.isEmpty() || id.length() > 18) {
      return Long.MAX_VALUE;
    }
    long order = 0;
    for (int i = 0; i < 18; i++) {
      int place = 0;
      if (i < id.length()) {
        char c = id.charAt(i);
        if (c < '0' || c > '9') {
          return Long.MAX_VALUE;
        }
        place = c - '0' + 1;
      }
      order = order * 11 + place;
    }
    return order;
  }

  private void readLocations(LeafReader reader) throws IOException {
    Arrays.fill(latitude, Double.NaN);
    Arrays.fill(longitude, Double.NaN);
    SortedNumericDocValues points = DocValues.getSortedNumeric(reader, EventFields.LOCATION);
    for (int doc = points.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = points.nextDoc()) {
      long encoded = points.nextValue();
      latitude[doc] = asSolrWrites(GeoEncodingUtils.decodeLatitude((int) (encoded >> 32)));
      longitude[doc] = asSolrWrites(GeoEncodingUtils.decodeLongitude((int) (encoded & 0xFFFFFFFFL)));
    }
  }

  /**
   * A decoded coordinate as Solr's {@code LatLonPointSpatialField} writes it from docValues: 7
   * decimals rounded up, which undoes the encoding's rounding down, so a venue at the viewer's own
   * city point is 0 km away, not a few millimetres (which moved reasons of equal weight).
   */
  static double asSolrWrites(double degrees) {
    return BigDecimal.valueOf(degrees).setScale(7, RoundingMode.CEILING).doubleValue();
  }

  private static void readDates(NumericDocValues values, long[] into) throws IOException {
    Arrays.fill(into, MISSING);
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      into[doc] = values.longValue();
    }
  }
}
