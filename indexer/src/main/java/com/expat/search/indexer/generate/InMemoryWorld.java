package com.expat.search.indexer.generate;

import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.Rsvp;
import com.expat.search.indexer.world.SpokenLanguage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link WorldSink} that keeps the whole world in memory and hands it out as the aggregates
 * the index is built from: for the demo and tests (tens of thousands of members, not millions).
 * Fill it with {@link WorldGenerator#generate}, then read; not thread-safe while filling.
 */
public final class InMemoryWorld implements WorldSink {
  private Catalog catalog;
  private final List<Member> members = new ArrayList<>();
  private final Map<Long, List<SpokenLanguage>> languages = new HashMap<>();
  private final Map<Long, List<Integer>> memberInterests = new HashMap<>();
  private final Map<Long, List<Long>> contacts = new HashMap<>();
  private final Map<Long, List<Long>> blocks = new HashMap<>();
  private final List<Event> events = new ArrayList<>();
  private final Map<Long, List<Integer>> eventInterests = new HashMap<>();
  private final Map<Long, List<Long>> going = new HashMap<>();
  private final Map<Long, List<Long>> interested = new HashMap<>();
  private long contactRows;
  private long blockRows;
  private long rsvpRows;

  /** Generates {@code spec}'s world into a new instance. */
  public static InMemoryWorld generate(WorldSpec spec) {
    InMemoryWorld world = new InMemoryWorld();
    new WorldGenerator(spec).generate(world);
    return world;
  }

  @Override
  public void catalog(List<City> cities, List<Interest> interests) {
    catalog = new Catalog(cities, interests);
  }

  @Override
  public void member(Member member, List<SpokenLanguage> spoken, List<Integer> interestIds) {
    members.add(member);
    languages.put(member.id(), spoken);
    memberInterests.put(member.id(), interestIds);
  }

  @Override
  public void contact(long memberId, long contactId, Instant createdAt) {
    contacts.computeIfAbsent(memberId, id -> new ArrayList<>()).add(contactId);
    contactRows++;
  }

  @Override
  public void block(long memberId, long blockedId, Instant createdAt) {
    blocks.computeIfAbsent(memberId, id -> new ArrayList<>()).add(blockedId);
    blocks.computeIfAbsent(blockedId, id -> new ArrayList<>()).add(memberId);
    blockRows++;
  }

  @Override
  public void event(Event event, List<Integer> interestIds) {
    events.add(event);
    eventInterests.put(event.id(), interestIds);
  }

  @Override
  public void rsvp(Rsvp rsvp) {
    (rsvp.status() == Rsvp.Status.GOING ? going : interested)
        .computeIfAbsent(rsvp.eventId(), id -> new ArrayList<>())
        .add(rsvp.memberId());
    rsvpRows++;
  }

  /** Cities and interests. */
  public Catalog catalog() {
    if (catalog == null) {
      throw new IllegalStateException("nothing generated yet");
    }
    return catalog;
  }

  /** Every member, ids ascending; {@code blockedIds} holds both directions of member_blocks. */
  public List<MemberProfile> memberProfiles() {
    List<MemberProfile> profiles = new ArrayList<>(members.size());
    for (Member member : members) {
      profiles.add(
          new MemberProfile(
              member,
              languages.get(member.id()),
              memberInterests.get(member.id()),
              contacts.getOrDefault(member.id(), List.of()),
              blocks.getOrDefault(member.id(), List.of()).stream().distinct().sorted().toList()));
    }
    return profiles;
  }

  /** Every event, ids ascending, with its interests and RSVPs. */
  public List<EventDetails> eventDetails() {
    List<EventDetails> details = new ArrayList<>(events.size());
    for (Event event : events) {
      details.add(
          new EventDetails(
              event,
              eventInterests.get(event.id()),
              going.getOrDefault(event.id(), List.of()),
              interested.getOrDefault(event.id(), List.of())));
    }
    return details;
  }

  /** Rows of member_contacts (both directions counted). */
  public long contactRows() {
    return contactRows;
  }

  /** Rows of member_blocks. */
  public long blockRows() {
    return blockRows;
  }

  /** Rows of event_attendees. */
  public long rsvpRows() {
    return rsvpRows;
  }
}
