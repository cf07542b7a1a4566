package com.expat.search.query.events;

import com.expat.search.query.http.QueryParams;
import com.expat.search.query.ranking.CustomWeights;
import com.expat.search.query.ranking.RankingParams;
import com.expat.search.query.ranking.WeightsParam;
import java.util.Collection;
import com.expat.search.query.search.Location;
import com.expat.search.query.solr.QueryText;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A validated, normalized {@code GET /v1/events/search}: equal requests are equal records
 * whatever their parameter order, defaults, code case or repeated values, so the record is the
 * cache key.
 *
 * @param q normalized free text over title, description and venue; empty matches every event
 * @param from events starting at or after this instant
 * @param to events starting at or before this instant (a date alone means its whole day, UTC)
 * @param languages lower-case ISO 639-1 codes, sorted, distinct: the event is in any of them
 * @param interests interest slugs, sorted, distinct: the event has any
 * @param profile the ranking profile's name
 * @param weights the request's custom weights on top of the profile
 * @param locale the language answers are worded in
 */
public record EventSearchRequest(
    String q,
    Optional<Location> location,
    Optional<Instant> from,
    Optional<Instant> to,
    List<String> languages,
    List<String> interests,
    Optional<Long> viewer,
    EventSort sort,
    Set<EventFacet> facets,
    int page,
    int size,
    boolean explain,
    String profile,
    CustomWeights weights,
    String locale) {

  public static final int MAX_QUERY_LENGTH = 1000;
  public static final double DEFAULT_RADIUS_KM = 50;


  public EventSearchRequest {
    languages = List.copyOf(languages);
    interests = List.copyOf(interests);
    facets = facets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(facets));
  }

  /**
   * Reads and checks every parameter, with {@code profiles} and no custom weights.
   *
   * @throws com.expat.search.query.http.ProblemException 400 naming every bad parameter
   */
  public static EventSearchRequest parse(QueryParams params, Collection<String> profiles) {
    return parse(params, RankingParams.of(profiles));
  }

  /**
   * Reads and checks every parameter.
   *
   * @param ranking the known profiles and whether custom weights are accepted
   * @throws com.expat.search.query.http.ProblemException 400 naming every bad parameter
   */
  public static EventSearchRequest parse(QueryParams params, RankingParams ranking) {
    String q = QueryText.normalize(params.text("q", MAX_QUERY_LENGTH).orElse(""));
    Optional<Location> location = Location.parse(params, DEFAULT_RADIUS_KM);
    Optional<Instant> from = params.string("from").flatMap(raw -> time(params, "from", raw, false));
    Optional<Instant> to = params.string("to").flatMap(raw -> time(params, "to", raw, true));
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      params.reject("to", "must not be before from");
    }
    List<String> languages = params.languages("lang");
    List<String> interests = params.interests("interest");
    OptionalLong viewer = params.id("viewer");
    EventSort sort = params.string("sort").map(value -> EventSort.parse(value).orElseGet(() -> {
      params.reject("sort", "must be relevance or date");
      return EventSort.RELEVANCE;
    })).orElse(EventSort.RELEVANCE);
    Set<EventFacet> facets = facets(params);
    int size = params.integer("size", 20, 1, 100);
    int page = params.integer("page", 1, 1, 50);
    boolean explain = params.flag("explain");
    String profile = ranking.profile(params);
    CustomWeights weights = ranking.weights(params, WeightsParam.Features.EVENTS);
    String locale = params.displayLanguage();
    params.throwIfInvalid();
    return new EventSearchRequest(q, location, from, to, languages, interests,
        viewer.isPresent() ? Optional.of(viewer.getAsLong()) : Optional.empty(),
        sort, facets, page, size, explain, profile, weights, locale);
  }

  /**
   * An ISO-8601 instant ({@code 2026-11-27T10:00:00Z}), date-time with offset, local date-time
   * (UTC) or date; a date {@code to} means the end of that day.
   */
  static Optional<Instant> time(QueryParams params, String name, String raw, boolean endOfDay) {
    try {
      return Optional.of(OffsetDateTime.parse(raw).toInstant());
    } catch (DateTimeException e) {
      // try the next form
    }
    try {
      return Optional.of(LocalDateTime.parse(raw).toInstant(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      // try the next form
    }
    try {
      LocalDate date = LocalDate.parse(raw);
      Instant start = date.atStartOfDay().toInstant(ZoneOffset.UTC);
      return Optional.of(endOfDay ? start.plusSeconds(86_400).minusMillis(1) : start);
    } catch (DateTimeException e) {
      params.reject(name, "must be an ISO-8601 date or date-time, e.g. 2026-11-27 or 2026-11-27T18:00:00Z");
      return Optional.empty();
    }
  }

  private static Set<EventFacet> facets(QueryParams params) {
    return params.options("facets", EventFacet.class, EventFacet::parse, "city, language, interest");
  }

  @Override
  public String toString() {
    return "EventSearchRequest[q=" + q.length() + " chars, location=" + location + ", from=" + from
        + ", to=" + to + ", lang=" + languages + ", interest=" + interests + ", viewer=" + viewer
        + ", sort=" + sort + ", facets=" + facets + ", page=" + page + ", size=" + size
        + ", explain=" + explain + ", profile=" + profile + ", weights=" + weights.byFeature() + ", locale=" + locale + "]";
  }
}
