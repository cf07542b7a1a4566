package com.expat.search.solr.rank;

import com.expat.search.ranking.signals.LatLon;
import com.expat.search.vocabulary.Earth;
import java.util.Locale;

/**
 * How {@code rq={!expat_matches order=...}} orders the members: {@link #MODEL} ranks the best
 * window with the whole model (relevance, the default); the others keep an order the model does not
 * decide, and the model only scores the page ({@link MatchesTransformerFactory}): {@link #KEY} the
 * window's key alone (the pre-rank, or the text score with text: a page beyond the largest window),
 * {@link #RECENT} last activity first, {@link #DISTANCE} nearest to the viewer's origin first. Ties
 * are broken by the key, then (except for distance) last activity, then member id ascending as text: the
 * sorts the member search asked Solr for before it ranked inside Solr ({@code score desc,
 * last_active_at desc, id asc}; {@code last_active_at desc, score desc, id asc}; {@code geodist()
 * asc, score desc, id asc}, members without a location last).
 */
enum MemberOrder {
  MODEL,
  KEY,
  RECENT,
  DISTANCE;

  static MemberOrder parse(String text) {
    if (text == null) {
      return MODEL;
    }
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The first sort value of a member (larger first), before the key.
   *
   * @param origin where distances are measured from; without one every distance ties
   */
  double primary(MemberColumns columns, int doc, float key, LatLon origin) {
    return switch (this) {
      case MODEL, KEY -> key;
      case RECENT -> columns.lastActiveAt[doc];
      case DISTANCE -> -distanceKm(columns, doc, origin);
    };
  }

  /**
   * The last tie-break: member ids ascending as text, as Solr sorts the string field {@code id}
   * ({@code "152"} before {@code "18"}), which the member search's sorts ended on.
   */
  static int idsInTextOrder(long a, long b) {
    return a == b ? 0 : Long.toString(a).compareTo(Long.toString(b));
  }

  /** The third sort value (larger first): last activity, or nothing for distance. */
  long lastActive(MemberColumns columns, int doc) {
    return this == DISTANCE ? 0 : columns.lastActiveAt[doc];
  }

  private static double distanceKm(MemberColumns columns, int doc, LatLon origin) {
    if (origin == null) {
      return 0;
    }
    double latitude = columns.latitude[doc];
    if (Double.isNaN(latitude)) {
      return Double.POSITIVE_INFINITY;
    }
    return Earth.distanceKm(origin.latitude(), origin.longitude(), latitude, columns.longitude[doc]);
  }
}
