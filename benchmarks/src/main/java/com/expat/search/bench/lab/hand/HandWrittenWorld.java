package com.expat.search.bench.lab.hand;

import com.expat.search.indexer.mapping.CatalogDocuments;
import com.expat.search.indexer.mapping.EventDocuments;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.solr.common.SolrInputDocument;

/**
 * A small world written by hand ({@code lab/handwritten/world.json} on the classpath), read into
 * the indexer's own rows ({@link MemberProfile}, {@link EventDetails}, {@link Catalog}) so that it
 * reaches Solr through the indexer's mapping like any other world. Times in the file are relative
 * to the {@code now} it is placed at: every member was last active a day before and joined 400 days
 * before, so activity and newness never decide an order; an event starts {@code starts_in_days}
 * after and lasts three hours. Contacts and blocks are listed once and hold both ways. Immutable.
 *
 * <p>Format (unknown fields are an error): {@code cities[]} ({@code id, name, ascii_name, country,
 * latitude, longitude, population, timezone}), {@code interests[]} ({@code id, slug, name,
 * category}), {@code members[]} ({@code id, name, city, origin, languages} as code → level,
 * {@code interests} as slugs, optional {@code searchable}, default true), {@code contacts} and
 * {@code blocks} as {@code [a, b]} pairs, {@code events[]} ({@code id, title, city,
 * starts_in_days, language, interests, host, going}, optional {@code capacity}).
 */
public final class HandWrittenWorld {
  /** The classpath resource of the shipped world. */
  public static final String RESOURCE = "lab/handwritten/world.json";
  /** The classpath resource of its judgments. */
  public static final String JUDGMENTS = "lab/handwritten/judgments.json";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  record CityRow(long id, String name, String asciiName, String country, double latitude, double longitude,
      int population, String timezone) {}

  record InterestRow(int id, String slug, String name, String category) {}

  record MemberRow(long id, String name, long city, String origin, Map<String, String> languages,
      List<String> interests, Boolean searchable) {}

  record EventRow(long id, String title, long city, int startsInDays, String language, List<String> interests,
      long host, List<Long> going, Integer capacity) {}

  record WorldFile(String comment, List<CityRow> cities, List<InterestRow> interests, List<MemberRow> members,
      List<List<Long>> contacts, List<List<Long>> blocks, List<EventRow> events) {}

  private final Catalog catalog;
  private final List<MemberProfile> members;
  private final List<EventDetails> events;

  private HandWrittenWorld(Catalog catalog, List<MemberProfile> members, List<EventDetails> events) {
    this.catalog = catalog;
    this.members = List.copyOf(members);
    this.events = List.copyOf(events);
  }

  /** The shipped world, placed at {@code now}. */
  public static HandWrittenWorld load(Instant now) {
    try (InputStream in = HandWrittenWorld.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
      }
      return of(MAPPER.readValue(in, WorldFile.class), now);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  static HandWrittenWorld of(WorldFile file, Instant now) {
    Objects.requireNonNull(now, "now");
    Catalog catalog = new Catalog(
        file.cities().stream().map(c -> new City(c.id(), c.name(), c.asciiName(), c.country(), c.latitude(),
            c.longitude(), c.population(), c.timezone())).toList(),
        file.interests().stream().map(i -> new Interest(i.id(), i.slug(), i.name(), i.category())).toList());
    Map<String, Integer> interestIds = new HashMap<>();
    catalog.interests().forEach(interest -> interestIds.put(interest.slug(), interest.id()));
    Map<Long, TreeSet<Long>> contacts = pairs(file.contacts(), "contacts");
    Map<Long, TreeSet<Long>> blocks = pairs(file.blocks(), "blocks");

    List<MemberProfile> members = new ArrayList<>();
    for (MemberRow row : file.members()) {
      if (catalog.city(row.city()).isEmpty()) {
        throw new IllegalArgumentException("member " + row.id() + ": city " + row.city() + " is not in cities");
      }
      List<SpokenLanguage> languages = new ArrayList<>();
      row.languages().forEach((code, level) ->
          languages.add(new SpokenLanguage(code, SpokenLanguage.Level.valueOf(level.toUpperCase(Locale.ROOT)))));
      Member member = new Member(row.id(), row.name(), "Hello from " + catalog.city(row.city()).orElseThrow().name(),
          null, null, row.city(), row.origin(), Member.Membership.BASIC, row.searchable() == null || row.searchable(),
          Member.Status.ACTIVE, true, now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(400)), now, 1);
      members.add(new MemberProfile(member, languages, slugsToIds(row.interests(), interestIds, "member " + row.id()),
          List.copyOf(contacts.getOrDefault(row.id(), new TreeSet<>())),
          List.copyOf(blocks.getOrDefault(row.id(), new TreeSet<>()))));
    }
    List<EventDetails> events = new ArrayList<>();
    for (EventRow row : file.events()) {
      if (catalog.city(row.city()).isEmpty()) {
        throw new IllegalArgumentException("event " + row.id() + ": city " + row.city() + " is not in cities");
      }
      Instant starts = now.plus(Duration.ofDays(row.startsInDays()));
      Event event = new Event(row.id(), row.title(), row.title(), row.city(), null, null, null, starts,
          starts.plus(Duration.ofHours(3)), row.language(), row.host(), row.capacity(), Event.Status.PUBLISHED,
          now.minus(Duration.ofDays(30)), now, 1);
      events.add(new EventDetails(event, slugsToIds(row.interests(), interestIds, "event " + row.id()),
          row.going(), List.of()));
    }
    return new HandWrittenWorld(catalog, members, events);
  }

  private static List<Integer> slugsToIds(List<String> slugs, Map<String, Integer> ids, String owner) {
    List<Integer> result = new ArrayList<>();
    for (String slug : slugs) {
      Integer id = ids.get(slug);
      if (id == null) {
        throw new IllegalArgumentException(owner + ": interest '" + slug + "' is not in interests " + new TreeSet<>(ids.keySet()));
      }
      result.add(id);
    }
    return result;
  }

  private static Map<Long, TreeSet<Long>> pairs(List<List<Long>> pairs, String what) {
    Map<Long, TreeSet<Long>> both = new HashMap<>();
    for (List<Long> pair : pairs == null ? List.<List<Long>>of() : pairs) {
      if (pair.size() != 2) {
        throw new IllegalArgumentException(what + ": " + pair + " is not a pair [a, b]");
      }
      both.computeIfAbsent(pair.get(0), id -> new TreeSet<>()).add(pair.get(1));
      both.computeIfAbsent(pair.get(1), id -> new TreeSet<>()).add(pair.get(0));
    }
    return both;
  }

  public Catalog catalog() {
    return catalog;
  }

  public List<MemberProfile> members() {
    return members;
  }

  public List<EventDetails> events() {
    return events;
  }

  /** The member documents, by the indexer's mapping. */
  public List<SolrInputDocument> memberDocuments() {
    return members.stream().map(profile -> MemberDocuments.document(profile, catalog)).toList();
  }

  /** The event documents, by the indexer's mapping. */
  public List<SolrInputDocument> eventDocuments() {
    return events.stream().map(details -> EventDocuments.document(details, catalog)).toList();
  }

  /** Cities and interests (with their member counts) for the catalog core. */
  public List<SolrInputDocument> catalogDocuments() {
    Map<Integer, Integer> counts = new HashMap<>();
    members.forEach(profile -> profile.interestIds().forEach(id -> counts.merge(id, 1, Integer::sum)));
    List<SolrInputDocument> docs = new ArrayList<>();
    catalog.cities().forEach(city -> docs.add(CatalogDocuments.city(city, 1)));
    catalog.interests().forEach(interest -> docs.add(CatalogDocuments.interest(interest, counts.getOrDefault(interest.id(), 0), 1)));
    return docs;
  }

  /** Contacts per member id: the popularity baseline's member scores (as {@code eval run} takes them from a generated world). */
  public Map<String, Double> memberPopularity() {
    Map<String, Double> scores = new TreeMap<>();
    members.forEach(profile -> scores.put(String.valueOf(profile.member().id()), (double) profile.contactIds().size()));
    return scores;
  }

  /** "Going" RSVPs per event id: the popularity baseline's event scores. */
  public Map<String, Double> eventPopularity() {
    Map<String, Double> scores = new TreeMap<>();
    events.forEach(details -> scores.put(String.valueOf(details.event().id()), (double) details.goingIds().size()));
    return scores;
  }
}
