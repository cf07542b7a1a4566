package com.expat.search.solr.rank;

import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;

/**
 * A member's {@link MemberSignals} from the {@link MemberColumns}, as the ranking model reads them
 * from a document ({@code MemberFields.member}). The city, only needed for reasons, is read from
 * docValues when asked for. Stateless.
 */
final class MemberReader {
  private MemberReader() {}

  /**
   * @param reader the segment, to read the city from; null leaves the city unknown
   */
  static MemberSignals signals(MemberColumns columns, int doc, LeafReader reader) throws IOException {
    LatLon location = Double.isNaN(columns.latitude[doc]) ? null
        : new LatLon(columns.latitude[doc], columns.longitude[doc]);
    // Immutable collections built once: the record keeps them as they are (no copy). A document's
    // ordinals are distinct, so are its interests.
    String[] interests = new String[columns.interestStart[doc + 1] - columns.interestStart[doc]];
    for (int i = 0; i < interests.length; i++) {
      interests[i] = columns.interests[columns.interestOrds[columns.interestStart[doc] + i]];
    }
    long cityId = 0;
    String cityName = null;
    if (reader != null) {
      NumericDocValues ids = DocValues.getNumeric(reader, MemberFields.CITY_ID);
      cityId = ids.advanceExact(doc) ? ids.longValue() : 0;
      SortedDocValues names = DocValues.getSorted(reader, MemberFields.CITY_NAME);
      cityName = names.advanceExact(doc) ? names.lookupOrd(names.ordValue()).utf8ToString() : null;
    }
    return new MemberSignals(
        columns.id[doc],
        location,
        cityId,
        cityName,
        columns.origin[doc] < 0 ? null : columns.origins[columns.origin[doc]],
        languages(columns, doc),
        Set.of(interests),
        instant(columns.lastActiveAt[doc]),
        instant(columns.createdAt[doc]),
        Math.min(1, Math.max(0, columns.quality[doc])));
  }

  /** As {@link LanguageLevel#parseCodes} reads the document's terms, from the terms read once per segment. */
  private static Map<String, LanguageLevel> languages(MemberColumns columns, int doc) {
    int from = columns.languageStart[doc];
    int to = columns.languageStart[doc + 1];
    if (to - from == 1) {
      int ord = columns.languageOrds[from];
      return columns.languageCodeOf[ord] == null ? Map.of() : Map.of(columns.languageCodeOf[ord], columns.languageLevelOf[ord]);
    }
    Map<String, LanguageLevel> languages = new HashMap<>();
    for (int i = from; i < to; i++) {
      int ord = columns.languageOrds[i];
      if (columns.languageCodeOf[ord] != null) {
        languages.merge(columns.languageCodeOf[ord], columns.languageLevelOf[ord], LanguageLevel::stronger);
      }
    }
    return languages;
  }

  private static Instant instant(long epochMs) {
    return epochMs == MemberColumns.MISSING ? null : Instant.ofEpochMilli(epochMs);
  }
}
