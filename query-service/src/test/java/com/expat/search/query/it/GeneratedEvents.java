package com.expat.search.query.it;

import com.expat.search.indexer.mapping.EventDocuments;
import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.EventDetails;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.solr.common.SolrInputDocument;

/**
 * Generated events around Berlin, Potsdam and Munich (the cities of {@link World}) for the events
 * ranking ITs, relative to the time they are made: most start within the next weeks, some started an
 * hour or two ago and are still on, some tie in their start; some lack a venue point, a capacity,
 * interests or anyone going; {@link World}'s members go to some (Çağlar's contact Dan among them).
 */
final class GeneratedEvents {
  /** Berlin, Potsdam and Munich: the events' cities' points, as {@link World}'s catalog has them. */
  static final double[][] POINTS = {{52.52437, 13.41053}, {52.39886, 13.06566}, {48.13743, 11.57549}};
  private static final long[][] CITIES = {{World.BERLIN}, {World.POTSDAM}, {World.MUNICH}};
  private static final List<String> LANGUAGES = List.of("de", "en", "tr", "fr", "it");
  private static final List<String> WORDS = List.of("hike", "walk", "chess", "night", "photo", "cooking", "forest",
      "lake", "meetup");
  private static final long[] MEMBERS = {1, 2, 3, 5, 6, 7, 8, 9, 10, 100, 101, 102};

  private GeneratedEvents() {}

  /** Events 1..{@code count} as the indexer writes them, drawn from {@code random}, around now. */
  static List<SolrInputDocument> documents(int count, SplittableRandom random) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<SolrInputDocument> docs = new ArrayList<>();
    for (int id = 1; id <= count; id++) {
      docs.add(EventDocuments.document(event(id, random, now), World.CATALOG));
    }
    return docs;
  }

  /** An event in Berlin, Potsdam or Munich; some without a venue point, a capacity, interests or anyone going. */
  private static EventDetails event(long id, SplittableRandom random, Instant now) {
    int city = random.nextInt(10) < 6 ? 0 : random.nextInt(1, 3);
    Double latitude = null;
    Double longitude = null;
    if (random.nextInt(5) > 0) {
      latitude = POINTS[city][0] + random.nextDouble(-0.2, 0.2);
      longitude = POINTS[city][1] + random.nextDouble(-0.3, 0.3);
    }
    // Most start within the next weeks, some started an hour or two ago and are still on.
    Instant starts = random.nextInt(12) == 0 ? now.minus(Duration.ofMinutes(random.nextLong(10, 120)))
        : now.plus(Duration.ofMinutes(random.nextLong(30, 45L * 24 * 60)));
    if (random.nextInt(8) == 0) {
      starts = now.plus(Duration.ofDays(random.nextInt(1, 20))).truncatedTo(ChronoUnit.DAYS); // ties in start
    }
    StringBuilder title = new StringBuilder();
    for (int w = random.nextInt(1, 4); w > 0; w--) {
      title.append(title.length() == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
    }
    List<Integer> interests = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      if (random.nextInt(3) == 0) {
        interests.add(i);
      }
    }
    List<Long> going = new ArrayList<>();
    for (long member : MEMBERS) {
      if (random.nextInt(6) == 0) {
        going.add(member);
      }
    }
    Integer capacity = random.nextInt(3) == 0 ? null : random.nextInt(2, 40);
    Event event = new Event(id, title.toString(), "Event " + id + " " + WORDS.get(random.nextInt(WORDS.size())),
        CITIES[city][0], random.nextBoolean() ? "Venue " + id : null, latitude, longitude, starts,
        starts.plus(Duration.ofHours(random.nextInt(1, 6))), LANGUAGES.get(random.nextInt(LANGUAGES.size())),
        500 + random.nextInt(50), capacity, Event.Status.PUBLISHED, now.minus(Duration.ofDays(30)), now, 1);
    return new EventDetails(event, interests, going, List.of());
  }
}
