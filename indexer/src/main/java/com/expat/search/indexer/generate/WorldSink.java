package com.expat.search.indexer.generate;

import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.Rsvp;
import com.expat.search.indexer.world.SpokenLanguage;
import java.time.Instant;
import java.util.List;

/**
 * Receives a generated world, row by row, from one thread, in this order: {@link #catalog}
 * once; every {@link #member} (ids ascending); every {@link #contact} row (both directions of
 * each contact, in (member, contact) order); every {@link #block}; then each {@link #event}
 * followed by its {@link #rsvp}s; finally {@link #finish}. Lists passed in are immutable.
 * A sink may throw an unchecked exception to stop the generation.
 */
public interface WorldSink {
  /** The reference tables: cities and interests. */
  void catalog(List<City> cities, List<Interest> interests);

  /** A member with its member_languages (at least one) and member_interests rows. */
  void member(Member member, List<SpokenLanguage> languages, List<Integer> interestIds);

  /** One member_contacts row; the reverse row comes too, with the same created_at. */
  void contact(long memberId, long contactId, Instant createdAt);

  /** One member_blocks row: {@code memberId} blocks {@code blockedId}. */
  void block(long memberId, long blockedId, Instant createdAt);

  /** An event with its event_interests rows. */
  void event(Event event, List<Integer> interestIds);

  /** One event_attendees row of the event last passed to {@link #event}. */
  void rsvp(Rsvp rsvp);

  /** Everything has been passed on. */
  default void finish() {}
}
