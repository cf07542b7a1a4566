package com.expat.search.bench.jmh;

import com.expat.search.indexer.generate.InMemoryWorld;
import com.expat.search.indexer.generate.WorldSpec;
import com.expat.search.indexer.mapping.EventDocuments;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.ranking.EventFeature;
import com.expat.search.ranking.EventRanker;
import com.expat.search.ranking.MatchRanker;
import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.Rankers;
import com.expat.search.ranking.RankingFeature;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.EventSignals;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.IndexDocs;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apache.solr.common.SolrInputDocument;

/**
 * The inputs of the Java ranking stage as the query service builds them, drawn from a generated
 * world: every member and event goes through the indexer's mapping ({@link MemberDocuments},
 * {@link EventDocuments}) and back through {@link IndexDocs}, as a Solr answer would; the viewer is
 * a real member with their contacts; the candidates are those the service's filters let through
 * (matches: findable, within the radius, a shared language, not self, a contact or blocked either
 * way; member events: published, starting within the horizon, within the radius, in a language the
 * viewer speaks, not going, not hosting), cut to the window by the pre-rank (the weighted sum of
 * the model's features the pre-rank computes, {@code ColumnPrerank}/{@code EventColumnPrerank}),
 * best first, as the ranking inside Solr hands its window to the whole model. The
 * {@link Corpus} counts interests over findable members, as {@code InterestRarity}'s facet does.
 * Immutable once built; not part of any measurement.
 */
final class RankingWindows {
  /** The demo's world: 30,000 members, 3,000 events, seed 42. */
  static final WorldSpec DEMO = new WorldSpec(30_000, 3_000, 42, Instant.parse("2026-06-01T00:00:00Z"));
  /**
   * The demo's members with 20,000 events: the demo's 3,000 give no member 300 upcoming events in
   * their languages, even at the API's widest {@code days} and {@code radius_km}.
   */
  static final WorldSpec EVENTFUL = new WorldSpec(30_000, 20_000, 42, DEMO.now());
  /** How many viewers each benchmark cycles through, so that no single input is learnt. */
  static final int VIEWERS = 16;

  private static final Map<WorldSpec, InMemoryWorld> CACHED = new HashMap<>();
  /** What the members' pre-rank computes: all but text and reciprocal interests ({@code ColumnPrerank}). */
  private static final List<MemberFeature> MEMBER_PRERANK = List.of(MemberFeature.DISTANCE,
      MemberFeature.SHARED_INTERESTS, MemberFeature.SHARED_LANGUAGES, MemberFeature.RECENT_ACTIVITY,
      MemberFeature.NEWNESS, MemberFeature.PROFILE_QUALITY);
  /** What the events' pre-rank computes ({@code EventColumnPrerank}). */
  private static final List<EventFeature> EVENT_PRERANK =
      Arrays.stream(EventFeature.values()).filter(EventFeature::solrComputable).toList();

  /** One viewer's request: who asks, and the window the ranker gets. */
  record Window<S>(Viewer viewer, List<Candidate<S>> candidates) {}

  final WorldSpec spec;
  final Instant now;
  final Corpus corpus;
  private final List<MemberProfile> profiles;
  private final Map<Long, MemberSignals> members;
  private final List<EventDetails> eventDetails;
  private final Map<Long, EventSignals> events;

  private RankingWindows(WorldSpec spec, InMemoryWorld world) {
    this.spec = spec;
    this.now = spec.now().truncatedTo(ChronoUnit.MINUTES);
    this.profiles = world.memberProfiles();
    this.members = new LinkedHashMap<>();
    Map<String, Long> interestMembers = new HashMap<>();
    long findable = 0;
    for (MemberProfile profile : profiles) {
      if (!MemberDocuments.isIndexed(profile.member())) {
        continue;
      }
      MemberSignals signals = IndexDocs.member(asMap(MemberDocuments.document(profile, world.catalog())));
      members.put(signals.id(), signals);
      if (profile.member().searchable()) {
        findable++;
        signals.interests().forEach(slug -> interestMembers.merge(slug, 1L, Long::sum));
      }
    }
    this.corpus = Corpus.of(findable, interestMembers);
    this.eventDetails = world.eventDetails();
    this.events = new LinkedHashMap<>();
    for (EventDetails details : eventDetails) {
      if (EventDocuments.isIndexed(details.event())) {
        EventSignals signals = IndexDocs.event(asMap(EventDocuments.document(details, world.catalog())));
        events.put(signals.id(), signals);
      }
    }
  }

  /** The world of {@code spec}, generated once per JVM (each JMH fork is its own JVM). */
  static synchronized RankingWindows of(WorldSpec spec) {
    return new RankingWindows(spec, CACHED.computeIfAbsent(spec, InMemoryWorld::generate));
  }

  /**
   * Up to {@link #VIEWERS} viewers with at least {@code window} eligible matches within
   * {@code radiusKm}, each with the top {@code window} of them by the Solr-side score, in that
   * order. Viewers are taken in order of member id among those who qualify, so the draw follows
   * the world's own distribution of big cities.
   *
   * @throws IllegalStateException when the world has no such viewer
   */
  List<Window<MemberSignals>> matchWindows(int window, double radiusKm, RankingProfile profile) {
    MatchRanker ranker = Rankers.matches();
    List<Window<MemberSignals>> windows = new ArrayList<>();
    for (MemberProfile me : profiles) {
      MemberSignals signals = members.get(me.member().id());
      if (signals == null || signals.location() == null || signals.languages().isEmpty()) {
        continue;
      }
      Set<Long> excluded = new HashSet<>(me.contactIds());
      excluded.addAll(me.blockedIds());
      excluded.add(me.member().id());
      List<Candidate<MemberSignals>> eligible = new ArrayList<>();
      for (MemberProfile other : profiles) {
        MemberSignals candidate = members.get(other.member().id());
        if (candidate != null && other.member().searchable() && !excluded.contains(candidate.id())
            && !other.contactIds().contains(me.member().id())
            && shareALanguage(signals, candidate) && within(signals.location(), candidate.location(), radiusKm)) {
          eligible.add(Candidate.of(candidate));
        }
      }
      if (eligible.size() < window) {
        continue;
      }
      Viewer viewer = Viewer.of(signals, new HashSet<>(me.contactIds()));
      List<Ranked<MemberSignals>> all = ranker.rank(viewer, eligible, profile, corpus, now);
      windows.add(new Window<>(viewer, prerankOrder(all, ranked -> prerank(ranked, MEMBER_PRERANK,
          profile.members()::weight), window,
          Comparator.comparing((MemberSignals m) -> m.lastActiveAt(), Comparator.nullsLast(Comparator.reverseOrder()))
              .thenComparingLong(MemberSignals::id))));
      if (windows.size() == VIEWERS) {
        break;
      }
    }
    if (windows.isEmpty()) {
      throw new IllegalStateException("no viewer in " + spec + " has " + window + " matches within " + radiusKm + " km");
    }
    return windows;
  }

  /**
   * As {@link #matchWindows}, for {@code GET /v1/members/{id}/events?days=..&radius_km=..}: the
   * events a viewer may be shown, cut to {@code window} by the Solr-side score.
   */
  List<Window<EventSignals>> eventWindows(int window, int days, double radiusKm, RankingProfile profile) {
    EventRanker ranker = Rankers.events();
    Instant horizon = now.plus(Duration.ofDays(days));
    List<Window<EventSignals>> windows = new ArrayList<>();
    for (MemberProfile me : profiles) {
      MemberSignals signals = members.get(me.member().id());
      if (signals == null || signals.location() == null || signals.languages().isEmpty()) {
        continue;
      }
      List<Candidate<EventSignals>> eligible = new ArrayList<>();
      for (EventDetails details : eventDetails) {
        EventSignals event = events.get(details.event().id());
        if (event != null && !event.startsAt().isBefore(now) && !event.startsAt().isAfter(horizon)
            && event.language() != null && signals.languages().containsKey(event.language())
            && !event.goingIds().contains(me.member().id()) && details.event().hostMemberId() != me.member().id()
            && within(signals.location(), event.location(), radiusKm)) {
          eligible.add(Candidate.of(event));
        }
      }
      if (eligible.size() < window) {
        continue;
      }
      Viewer viewer = Viewer.of(signals, new HashSet<>(me.contactIds()));
      List<Ranked<EventSignals>> all = ranker.rank(viewer, eligible, profile, corpus, now);
      windows.add(new Window<>(viewer, prerankOrder(all, ranked -> prerank(ranked, EVENT_PRERANK,
          profile.events()::weight), window,
          Comparator.comparing(EventSignals::startsAt).thenComparingLong(EventSignals::id))));
      if (windows.size() == VIEWERS) {
        break;
      }
    }
    if (windows.isEmpty()) {
      throw new IllegalStateException("no viewer in " + spec + " has " + window + " events within " + days
          + " days and " + radiusKm + " km");
    }
    return windows;
  }

  /** Σ weight × value over {@code features}, as a float, as the window keeps it. */
  private static <F extends RankingFeature> double prerank(Ranked<?> ranked, List<F> features,
      ToDoubleFunction<F> weight) {
    double sum = 0;
    for (F feature : features) {
      sum += weight.applyAsDouble(feature) * ranked.value(feature);
    }
    return (float) sum;
  }

  /** The top {@code window} by {@code prerank}, best first. */
  private static <S> List<Candidate<S>> prerankOrder(List<Ranked<S>> all, ToDoubleFunction<Ranked<S>> prerank,
      int window, Comparator<S> ties) {
    List<Ranked<S>> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingDouble(prerank).reversed()
        .thenComparing(Ranked::item, ties));
    List<Candidate<S>> candidates = new ArrayList<>(window);
    for (Ranked<S> ranked : sorted.subList(0, window)) {
      candidates.add(Candidate.of(ranked.item()));
    }
    return Collections.unmodifiableList(candidates);
  }

  private static boolean shareALanguage(MemberSignals a, MemberSignals b) {
    for (String code : a.languages().keySet()) {
      if (b.languages().containsKey(code)) {
        return true;
      }
    }
    return false;
  }

  private static boolean within(LatLon a, LatLon b, double km) {
    if (a == null || b == null) {
      return false;
    }
    return a.distanceKm(b) <= km;
  }

  /** A document as Solr would return it: field → value, multi-valued fields as collections. */
  static Map<String, Object> asMap(SolrInputDocument doc) {
    Map<String, Object> map = new HashMap<>();
    for (String field : doc.getFieldNames()) {
      var values = doc.getFieldValues(field);
      map.put(field, values.size() == 1 ? values.iterator().next() : new ArrayList<>(values));
    }
    return map;
  }
}
