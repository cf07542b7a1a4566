package com.expat.search.indexer.world;

import java.util.List;
import java.util.Objects;

/**
 * A member with the rows of the {@code member_*} tables that concern them: everything one member
 * document is built from.
 *
 * @param languages from {@code member_languages}
 * @param interestIds from {@code member_interests}
 * @param contactIds from {@code member_contacts}
 * @param blockedIds both directions of {@code member_blocks}: whom the member blocks and who
 *     blocks the member
 */
public record MemberProfile(
    Member member,
    List<SpokenLanguage> languages,
    List<Integer> interestIds,
    List<Long> contactIds,
    List<Long> blockedIds) {

  public MemberProfile {
    Objects.requireNonNull(member, "member");
    languages = List.copyOf(languages);
    interestIds = List.copyOf(interestIds);
    contactIds = List.copyOf(contactIds);
    blockedIds = List.copyOf(blockedIds);
  }
}
