package com.expat.search.query.members;

import com.expat.search.ranking.signals.MemberSignals;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A member in the index as a viewer or seeker: what filters and personal ranking need. Contacts
 * and blocks are ids; {@code blockedIds} holds blocks in both directions; {@code signals} is what
 * the ranking model reads of them as a viewer.
 */
public record KnownMember(
    long id,
    OptionalLong cityId,
    Optional<GeoPoint> location,
    Set<String> languages,
    List<String> interests,
    List<Long> contactIds,
    List<Long> blockedIds,
    MemberSignals signals) {

  public KnownMember {
    languages = Set.copyOf(languages);
    interests = List.copyOf(interests);
    contactIds = List.copyOf(contactIds);
    blockedIds = List.copyOf(blockedIds);
  }
}
