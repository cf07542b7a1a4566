package com.expat.search.ranking.signals;

import java.util.Map;
import java.util.Set;

/**
 * Whom a ranking is for. Immutable and thread-safe. An anonymous search knows at most a place.
 *
 * @param memberId the viewer's member id; 0 for an anonymous search
 * @param origin where distances are measured from (the viewer's city, {@code near=}, or the
 *     {@code city=} searched); null when unknown, and then distance counts 0 for everyone
 * @param originCountry the viewer's nationality; null when unknown
 * @param languages ISO 639-1 code → level, kept in code order; never null (null is read as empty)
 * @param interests interest slugs; never null (null is read as empty)
 * @param contactIds the viewer's accepted contacts; never null (null is read as empty)
 */
public record Viewer(
    long memberId,
    LatLon origin,
    String originCountry,
    Map<String, LanguageLevel> languages,
    Set<String> interests,
    Set<Long> contactIds) {

  public Viewer {
    languages = LanguageLevel.inCodeOrder(languages);
    interests = interests == null ? Set.of() : Set.copyOf(interests);
    contactIds = contactIds == null ? Set.of() : Set.copyOf(contactIds);
  }

  /** Someone not signed in, searching around {@code origin} (may be null). */
  public static Viewer anonymous(LatLon origin) {
    return new Viewer(0, origin, null, Map.of(), Set.of(), Set.of());
  }

  /** A member as viewer, measuring distances from where they live. */
  public static Viewer of(MemberSignals member, Set<Long> contactIds) {
    return new Viewer(member.id(), member.location(), member.originCountry(), member.languages(),
        member.interests(), contactIds);
  }

  /** The same viewer measuring distances from {@code newOrigin} (e.g. a searched city). */
  public Viewer withOrigin(LatLon newOrigin) {
    return new Viewer(memberId, newOrigin, originCountry, languages, interests, contactIds);
  }
}
