package com.expat.search.solr.rank;

import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.solr.DecayColumn;
import com.expat.search.vocabulary.LanguageTerms;
import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 * once built, but for those, the language sets' maps ({@link #languageLevels}) and the interests'
 * idf of the current corpus ({@link #interestIdf}); thread-safe.
 * About 72 bytes per member, 88 with one profile's decays (the page's texts are not here: {@link PageText}).
 */
final class MemberColumns {
  static final long MISSING = Long.MIN_VALUE;
  /** Profiles with more half-lives than this (custom ones) get their decays computed per request. */
  static final int MAX_RATES = 4;
  /** A language code with more terms (levels) than this has no {@link #languageMasks}. */
  static final int MAX_MASK_TERMS = 8;

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
  /**
   * The least and the greatest of {@link #quality} (0 for an empty segment): NaN when one is NaN,
   * so that a bound built on them is no bound.
   */
  final float minQuality;
  final float maxQuality;
  /** Ordinal into {@link #origins}; -1 when absent. */
  final int[] origin;
  final String[] origins;
  /** The document's interests: ordinals {@code interestOrds[interestStart[d] .. interestStart[d+1])}. */
  final int[] interestStart;
  final int[] interestOrds;
  final String[] interests;
  /**
   * The document's {@code language_levels} values as one of the segment's distinct sets of them
   * (members list a few of a few dozen languages, so a million members share some thousands of
   * sets): {@code languageSet[d]}, -1 for none; set {@code s} is the ordinals {@code
   * languageOrds[languageStart[s] .. languageStart[s+1])}, ascending. Whatever a request computes
   * from a member's languages it computes once per set ({@link SegmentPrerank}, {@link
   * #languageLevels}).
   */
  final int[] languageSet;
  final int[] languageStart;
  final int[] languageOrds;
  final String[] languages;
  /** Each {@link #languages} term read once: its language code and level; null when it is not a known level. */
  final String[] languageCodeOf;
  final LanguageLevel[] languageLevelOf;
  /**
   * Each {@link #languages} term as the pre-rank reads it ({@code ColumnPrerank#languagePair}):
   * the index of the text before its {@code ':'} among the segment's distinct such texts ({@link
   * #languageCodes}; the whole term's empty prefix without one), and the level after it, null when
   * it is not a known level or the term has no code.
   */
  final int[] languageCodeIndex;
  final String[] languageCodes;
  final LanguageLevel[] languagePairLevel;
  /**
   * Each {@link #languageCodes} entry's terms: the first ordinal and how many. The terms of one
   * code share the prefix {@code "code:"}, so they are consecutive ordinals (checked when read:
   * {@link #languageMasks} is null for a code whose are not).
   */
  final int[] languageCodeFirst;
  final int[] languageCodeTerms;
  private final boolean[] languageCodeConsecutive;
  /** Per language code, each set's terms of that code as bits ({@link #languageMasks}); built on first use. */
  private final AtomicReferenceArray<byte[]> masksOfCode;
  /**
   * The document's place as one of the segment's distinct ({@code city_id}, {@code city_name},
   * {@code country_code}) triples ({@link Place}; members of a city share one): {@code
   * places[place[d]]}, -1 when the document has none of the three. For the page's fields ({@link
   * ColumnFieldTransformerFactory}).
   */
  final int[] place;
  final Place[] places;
  /** Each {@link #interests} term's ordinal. */
  private final Map<String, Integer> ordOfInterest;
  /** The interests' idf by ordinal for the last corpus asked ({@link #interestIdf}). */
  private volatile CorpusIdf interestIdf;
  /** Each document's place in the text window's tie-break order ({@link TieOrder}); built on first use. */
  private volatile int[] tieOrder;
  /** Each language set's levels by code, as the model reads them; built on first use. */
  private final Map<String, LanguageLevel>[] levelsOfSet;
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
    float least = 0;
    float most = 0;
    for (int doc = 0; doc < maxDoc; doc++) {
      least = doc == 0 ? quality[doc] : Math.min(least, quality[doc]);
      most = doc == 0 ? quality[doc] : Math.max(most, quality[doc]);
    }
    minQuality = least;
    maxQuality = most;
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
    Sets languageColumn = Sets.read(DocValues.getSortedSet(reader, MemberFields.LANGUAGE_LEVELS), maxDoc);
    languageSet = languageColumn.setOf;
    languageStart = languageColumn.start;
    languageOrds = languageColumn.ords;
    languages = languageColumn.terms;
    @SuppressWarnings("unchecked")
    Map<String, LanguageLevel>[] levels = new Map[languageStart.length - 1];
    levelsOfSet = levels;
    languageCodeOf = new String[languages.length];
    languageLevelOf = new LanguageLevel[languages.length];
    languageCodeIndex = new int[languages.length];
    languagePairLevel = new LanguageLevel[languages.length];
    Map<String, Integer> codes = new HashMap<>();
    for (int ord = 0; ord < languages.length; ord++) {
      String term = languages[ord];
      int colon = term.indexOf(LanguageTerms.SEPARATOR);
      languageCodeIndex[ord] = codes.computeIfAbsent(term.substring(0, Math.max(colon, 0)), k -> codes.size());
      languagePairLevel[ord] = colon <= 0 ? null : LanguageLevel.parse(term.substring(colon + 1)).orElse(null);
    }
    languageCodes = new String[codes.size()];
    codes.forEach((code, index) -> languageCodes[index] = code);
    languageCodeFirst = new int[languageCodes.length];
    languageCodeTerms = new int[languageCodes.length];
    languageCodeConsecutive = new boolean[languageCodes.length];
    Arrays.fill(languageCodeFirst, -1);
    int[] last = new int[languageCodes.length];
    for (int ord = 0; ord < languages.length; ord++) {
      int code = languageCodeIndex[ord];
      if (languageCodeFirst[code] < 0) {
        languageCodeFirst[code] = ord;
      }
      languageCodeTerms[code]++;
      last[code] = ord;
    }
    for (int code = 0; code < languageCodes.length; code++) {
      languageCodeConsecutive[code] = last[code] - languageCodeFirst[code] + 1 == languageCodeTerms[code];
    }
    masksOfCode = new AtomicReferenceArray<>(languageCodes.length);
    Places placeColumn = Places.read(reader, maxDoc);
    place = placeColumn.placeOf;
    places = placeColumn.places;
    ordOfInterest = new HashMap<>(interests.length * 2);
    for (int ord = 0; ord < interests.length; ord++) {
      ordOfInterest.put(interests[ord], ord);
    }
    for (int ord = 0; ord < languages.length; ord++) {
      String code = LanguageTerms.code(languages[ord]);
      LanguageLevel level = LanguageLevel.parse(LanguageTerms.level(languages[ord])).orElse(null);
      if (code != null && level != null) {
        languageCodeOf[ord] = code;
        languageLevelOf[ord] = level;
      }
    }
  }

  /** The ordinal of interest {@code slug} in this segment, -1 when no member of it has it. */
  int interestOrd(String slug) {
    Integer ord = ordOfInterest.get(slug);
    return ord == null ? -1 : ord;
  }

  /**
   * Each interest's {@link Corpus#idf} by ordinal: computed once per corpus (the plugin refreshes
   * it every few minutes), not per request.
   */
  double[] interestIdf(Corpus corpus) {
    CorpusIdf kept = interestIdf;
    if (kept != null && kept.corpus == corpus) {
      return kept.idf;
    }
    double[] idf = new double[interests.length];
    for (int ord = 0; ord < idf.length; ord++) {
      idf[ord] = corpus.idf(interests[ord]);
    }
    interestIdf = new CorpusIdf(corpus, idf);
    return idf;
  }

  private record CorpusIdf(Corpus corpus, double[] idf) {}

  /** The number of distinct language sets in the segment. */
  int languageSets() {
    return levelsOfSet.length;
  }

  /**
   * Language code {@code code}'s terms in each language set, as bits: bit {@code i} of {@code
   * masks[s]} set when set {@code s} lists the code's {@code i}-th term (ordinal {@code
   * languageCodeFirst[code] + i}); 0 when it lists none. Built on first use, one byte per set, and
   * kept: a request reads only the codes its viewer speaks. Null when the code has more than
   * {@value #MAX_MASK_TERMS} terms or they are not consecutive ordinals.
   */
  byte[] languageMasks(int code) {
    if (languageCodeTerms[code] > MAX_MASK_TERMS || !languageCodeConsecutive[code]) {
      return null;
    }
    byte[] masks = masksOfCode.get(code);
    if (masks == null) {
      // Racing threads build equal arrays; any of them may stay.
      masks = new byte[languageSets()];
      int first = languageCodeFirst[code];
      int end = first + languageCodeTerms[code];
      for (int set = 0; set < masks.length; set++) {
        int mask = 0;
        for (int i = languageStart[set]; i < languageStart[set + 1]; i++) {
          int ord = languageOrds[i];
          if (ord >= first && ord < end) {
            mask |= 1 << (ord - first);
          }
        }
        masks[set] = (byte) mask;
      }
      masksOfCode.set(code, masks);
    }
    return masks;
  }

  /** The {@code language_levels} terms of segment document {@code doc}, ascending. */
  String[] languageTerms(int doc) {
    int set = languageSet[doc];
    if (set < 0) {
      return new String[0];
    }
    String[] terms = new String[languageStart[set + 1] - languageStart[set]];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = languages[languageOrds[languageStart[set] + i]];
    }
    return terms;
  }

  /**
   * Segment document {@code doc}'s languages by code, each at its strongest level listed, as
   * {@link LanguageLevel#parseCodes} reads its terms (unknown levels left out). One immutable map
   * per language set, shared by its members.
   */
  Map<String, LanguageLevel> languageLevels(int doc) {
    int set = languageSet[doc];
    if (set < 0) {
      return Map.of();
    }
    Map<String, LanguageLevel> levels = levelsOfSet[set];
    if (levels == null) {
      // Racing threads build equal immutable maps; any of them may stay.
      Map<String, LanguageLevel> byCode = new HashMap<>();
      for (int i = languageStart[set]; i < languageStart[set + 1]; i++) {
        int ord = languageOrds[i];
        if (languageCodeOf[ord] != null) {
          byCode.merge(languageCodeOf[ord], languageLevelOf[ord], LanguageLevel::stronger);
        }
      }
      levels = Map.copyOf(byCode);
      levelsOfSet[set] = levels;
    }
    return levels;
  }

  /**
   * Each document's place in the order of the text window's tie-breaks (last activity newest first,
   * id, doc id: {@link TieOrder}), built on first use (the warmer builds it with the columns).
   */
  int[] tieOrder() {
    int[] order = tieOrder;
    if (order == null) {
      synchronized (this) {
        order = tieOrder;
        if (order == null) {
          order = TieOrder.of(lastActiveAt, id);
          tieOrder = order;
        }
      }
    }
    return order;
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
  private long tieOrderBytes() {
    int[] order = tieOrder;
    return order == null ? 0 : 4L * order.length;
  }

  long bytes() {
    long decays = 0;
    for (DecayColumn column : activityByRate.values()) {
      decays += column.bytes();
    }
    for (DecayColumn column : newnessByRate.values()) {
      decays += column.bytes();
    }
    long masks = 0;
    for (int code = 0; code < masksOfCode.length(); code++) {
      byte[] kept = masksOfCode.get(code);
      masks += kept == null ? 0 : kept.length;
    }
    return (long) maxDoc * (8 + 8 + 8 + 8 + 8 + 4 + 4 + 4 + 4 + 4) + 4L * (interestOrds.length + languageOrds.length)
        + 4L * languageStart.length + decays + masks + tieOrderBytes();
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

  /**
   * A multi-valued string field as each document's set among the distinct sets of values: set
   * index by document (-1 for none), each set's start offset into the ordinals, and terms.
   */
  private record Sets(int[] setOf, int[] start, int[] ords, String[] terms) {
    static Sets read(SortedSetDocValues values, int maxDoc) throws IOException {
      int[] setOf = new int[maxDoc];
      Arrays.fill(setOf, -1);
      Map<Key, Integer> indexOf = new HashMap<>();
      int[] start = new int[17];
      int[] ords = new int[64];
      int sets = 0;
      int count = 0;
      int[] docOrds = new int[8];
      for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
        int n = values.docValueCount();
        if (docOrds.length < n) {
          docOrds = new int[n];
        }
        for (int i = 0; i < n; i++) {
          docOrds[i] = (int) values.nextOrd();
        }
        Key key = new Key(Arrays.copyOf(docOrds, n));
        Integer set = indexOf.get(key);
        if (set == null) {
          set = sets++;
          indexOf.put(key, set);
          if (sets + 1 > start.length) {
            start = Arrays.copyOf(start, start.length * 2);
          }
          while (count + n > ords.length) {
            ords = Arrays.copyOf(ords, ords.length * 2);
          }
          System.arraycopy(key.ords, 0, ords, count, n);
          start[set] = count;
          count += n;
          start[sets] = count;
        }
        setOf[doc] = set;
      }
      String[] terms = new String[(int) values.getValueCount()];
      for (int ord = 0; ord < terms.length; ord++) {
        terms[ord] = values.lookupOrd(ord).utf8ToString();
      }
      return new Sets(setOf, Arrays.copyOf(start, sets + 1), Arrays.copyOf(ords, count), terms);
    }

    /** A document's ordinals, as a map key. */
    private record Key(int[] ords) {
      @Override
      public boolean equals(Object other) {
        return other instanceof Key key && Arrays.equals(ords, key.ords);
      }

      @Override
      public int hashCode() {
        return Arrays.hashCode(ords);
      }
    }
  }

  /**
   * A document's {@code city_id}, {@code city_name} and {@code country_code} as the docValues hold
   * them, each null when absent.
   */
  record Place(Long cityId, String cityName, String countryCode) {}

  /** The three place fields as each document's index among their distinct triples (-1: none of them). */
  private record Places(int[] placeOf, Place[] places) {
    static Places read(LeafReader reader, int maxDoc) throws IOException {
      NumericDocValues cityIds = DocValues.getNumeric(reader, MemberFields.CITY_ID);
      SortedDocValues names = DocValues.getSorted(reader, MemberFields.CITY_NAME);
      SortedDocValues countries = DocValues.getSorted(reader, MemberFields.COUNTRY_CODE);
      String[] nameTerms = terms(names);
      String[] countryTerms = terms(countries);
      int[] placeOf = new int[maxDoc];
      Map<Place, Integer> indexOf = new HashMap<>();
      for (int doc = 0; doc < maxDoc; doc++) {
        Long cityId = cityIds.advanceExact(doc) ? Long.valueOf(cityIds.longValue()) : null;
        String name = names.advanceExact(doc) ? nameTerms[names.ordValue()] : null;
        String country = countries.advanceExact(doc) ? countryTerms[countries.ordValue()] : null;
        if (cityId == null && name == null && country == null) {
          placeOf[doc] = -1;
        } else {
          Place place = new Place(cityId, name, country);
          placeOf[doc] = indexOf.computeIfAbsent(place, key -> indexOf.size());
        }
      }
      Place[] places = new Place[indexOf.size()];
      indexOf.forEach((place, index) -> places[index] = place);
      return new Places(placeOf, places);
    }
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
