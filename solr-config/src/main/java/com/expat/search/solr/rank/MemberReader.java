package com.expat.search.solr.rank;

import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.time.Instant;
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
        columns.languageLevels(doc),
        Set.of(interests),
        instant(columns.lastActiveAt[doc]),
        instant(columns.createdAt[doc]),
        Math.min(1, Math.max(0, columns.quality[doc])));
  }

  private static Instant instant(long epochMs) {
    return epochMs == MemberColumns.MISSING ? null : Instant.ofEpochMilli(epochMs);
  }
}
