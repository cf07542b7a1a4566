package com.expat.search.indexer.generate;

import com.expat.search.indexer.generate.WorldData.Country;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Event;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.Rsvp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Events hosted by active members in their own city, from 90 days ago to 120 days ahead, at
 * local evening or weekend hours, in English, the local language or the host's; interests taken
 * from the host's; mostly published. RSVPs come from active members of the city (the host's
 * contacts first), with heavy-tailed popularity; {@code going} never exceeds the capacity.
 */
final class EventFactory {
  static final int PAST_DAYS = 90;
  static final int FUTURE_DAYS = 120;
  static final int MAX_RSVPS = 1500;
  private static final int[] CAPACITIES = {6, 8, 10, 12, 15, 20, 20, 25, 30, 30, 40, 50, 60, 80, 100, 150, 200};

  private final long seed;
  private final Instant now;
  private final Geography geography;
  private final Population population;
  private final ContactGraph contacts;
  private final Texts texts;
  private final List<Interest> interests;
  private final List<String> venues;
  private final String[] nativeLanguage;

  /** An event row with its interests and RSVPs. */
  record Generated(Event event, List<Integer> interestIds, List<Rsvp> rsvps) {}

  EventFactory(long seed, Instant now, WorldData data, Geography geography, Population population, ContactGraph contacts) {
    this.seed = seed;
    this.now = now;
    this.geography = geography;
    this.population = population;
    this.contacts = contacts;
    this.texts = new Texts(data);
    this.interests = data.interests;
    this.venues = data.venues;
    nativeLanguage = new String[data.countries.size()];
    for (Country country : data.countries) {
      nativeLanguage[country.index()] = country.languages().get(0);
    }
  }

  /** Null when the world has no active member to host. */
  Generated event(long id) {
    SplittableRandom random = Seeds.random(seed, Seeds.EVENTS, id);
    int host = host(random);
    if (host < 0) {
      return null;
    }
    int cityIndex = population.city[host];
    City city = geography.city(cityIndex);
    String local = geography.localLanguage(cityIndex);
    String hostLanguage = nativeLanguage[population.origin[host]];
    double u = random.nextDouble();
    String language = u < 0.45 || local == null ? "en" : u < 0.8 ? local : hostLanguage;

    List<Integer> interestIds = new ArrayList<>(3);
    int wanted = 1 + random.nextInt(3);
    int hostInterests = population.interestCount(host);
    for (int k = 0; k < wanted * 2 && interestIds.size() < wanted; k++) {
      int interest =
          hostInterests > 0
              ? population.interest(host, random.nextInt(hostInterests))
              : 1 + random.nextInt(Math.min(30, interests.size()));
      if (!interestIds.contains(interest)) {
        interestIds.add(interest);
      }
    }
    Texts.Subject subject =
        new Texts.Subject(
            "expat",
            city.name(),
            interests.get(interestIds.get(0) - 1).name(),
            interestIds.size() > 1
                ? interests.get(interestIds.get(1) - 1).name()
                : interests.get(random.nextInt(Math.min(40, interests.size()))).name(),
            1);
    String title = texts.title(language, subject, random);
    String description = random.nextDouble() < 0.1 ? null : texts.description(language, subject, random);

    Instant startsAt = startsAt(random, cityIndex);
    Instant endsAt =
        random.nextDouble() < 0.03
            ? startsAt.plus(Duration.ofDays(1 + random.nextInt(3)))
            : startsAt.plus(Duration.ofMinutes(60 + 30L * random.nextInt(8)));
    Instant hostJoined = now.minusSeconds(population.ageSeconds[host]);
    Instant createdAt = startsAt.minus(Duration.ofHours(1 + random.nextInt(60 * 24)));
    createdAt = latest(createdAt, hostJoined);
    if (createdAt.isAfter(now)) {
      createdAt = MemberFactory.between(random, hostJoined, now, 0.3);
    }
    createdAt = createdAt.plusMillis(random.nextInt(1000));
    if (createdAt.isAfter(now)) {
      createdAt = now;
    }
    Instant updatedAt = MemberFactory.between(random, createdAt, now, 0.5);
    long version = 1 + (long) (-Math.log(1 - random.nextDouble()) * 2);

    Event.Status status = status(random, startsAt);
    String venueName = null;
    Double latitude = null;
    Double longitude = null;
    if (random.nextDouble() < 0.85) {
      venueName = venues.get(random.nextInt(venues.size())).replace("{city}", city.name());
      if (random.nextDouble() < 0.55) {
        latitude = round(city.latitude() + random.nextGaussian() * 0.02);
        longitude =
            round(city.longitude() + random.nextGaussian() * 0.02 / Math.max(0.2, Math.cos(Math.toRadians(city.latitude()))));
      }
    }
    Integer capacity = random.nextDouble() < 0.3 ? null : CAPACITIES[random.nextInt(CAPACITIES.length)];

    Event event =
        new Event(
            id, title, description, city.id(), venueName, latitude, longitude, startsAt, endsAt, language,
            host + 1L, capacity, status, createdAt, updatedAt, version);
    List<Rsvp> rsvps =
        status == Event.Status.DRAFT ? List.of() : rsvps(id, host, cityIndex, capacity, createdAt, startsAt);
    return new Generated(event, List.copyOf(interestIds), rsvps);
  }

  /** Most hosts host once; a few organisers host many events (the head of a power law). */
  private int host(SplittableRandom random) {
    for (int attempt = 0; attempt < 50; attempt++) {
      double u = random.nextDouble();
      int candidate =
          random.nextDouble() < 0.6
              ? random.nextInt(population.size)
              : (int) (population.size * u * u * u * u);
      if (population.active(candidate)) {
        return candidate;
      }
    }
    return -1;
  }

  private Instant startsAt(SplittableRandom random, int cityIndex) {
    LocalDate today = LocalDateTime.ofInstant(now, ZoneOffset.UTC).toLocalDate();
    LocalDate day = today.plusDays(random.nextInt(-PAST_DAYS, FUTURE_DAYS + 1));
    boolean weekend = day.getDayOfWeek().getValue() >= 6;
    int hour = weekend ? 10 + random.nextInt(9) : 18 + random.nextInt(3);
    int minute = random.nextInt(4) * 15;
    return day.atTime(hour, minute).atZone(geography.zone(cityIndex)).toInstant().truncatedTo(ChronoUnit.SECONDS);
  }

  private Event.Status status(SplittableRandom random, Instant startsAt) {
    double u = random.nextDouble();
    if (startsAt.isAfter(now)) {
      return u < 0.85 ? Event.Status.PUBLISHED : u < 0.93 ? Event.Status.DRAFT : Event.Status.CANCELLED;
    }
    return u < 0.9 ? Event.Status.PUBLISHED : Event.Status.CANCELLED;
  }

  private List<Rsvp> rsvps(long eventId, int host, int cityIndex, Integer capacity, Instant createdAt, Instant startsAt) {
    SplittableRandom random = Seeds.random(seed, Seeds.RSVPS, eventId);
    int inCity = population.cityPopulation(cityIndex);
    // Pareto popularity: most events draw a handful, a few draw hundreds.
    int wanted = (int) Math.min(MAX_RSVPS, 5 * Math.pow(1 - random.nextDouble(), -1 / 1.2) - 4);
    wanted = Math.min(wanted, inCity - 1);
    if (wanted <= 0) {
      return List.of();
    }
    int goingLeft = capacity == null ? Integer.MAX_VALUE : capacity;
    Instant windowEnd = startsAt.isBefore(now) ? startsAt : now;
    List<Rsvp> rsvps = new ArrayList<>(wanted);
    Set<Integer> seen = new HashSet<>();
    seen.add(host);
    int hostContacts = contacts.degree(host);
    for (int attempt = 0; attempt < wanted * 3 && rsvps.size() < wanted; attempt++) {
      int member =
          hostContacts > 0 && random.nextDouble() < 0.25
              ? contacts.neighbour(host, random.nextInt(hostContacts))
              : population.cityMember(cityIndex, random.nextInt(inCity));
      if (!population.active(member) || !seen.add(member)) {
        continue;
      }
      Instant joined = now.minusSeconds(population.ageSeconds[member]);
      Instant from = latest(createdAt, joined);
      if (from.isAfter(windowEnd)) {
        continue;
      }
      boolean going = goingLeft > 0 && random.nextDouble() < 0.65;
      if (going) {
        goingLeft--;
      }
      Instant at = MemberFactory.between(random, from, windowEnd, 1.5);
      rsvps.add(new Rsvp(eventId, member + 1L, going ? Rsvp.Status.GOING : Rsvp.Status.INTERESTED, at));
    }
    rsvps.sort(java.util.Comparator.comparingLong(Rsvp::memberId));
    return List.copyOf(rsvps);
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e6) / 1e6;
  }
}
