package com.expat.search.query.search;

import com.expat.search.query.http.QueryParams;
import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.ranking.CustomWeights;
import com.expat.search.query.ranking.RankingParams;
import com.expat.search.query.ranking.WeightsParam;
import com.expat.search.query.solr.QueryText;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A validated, normalized {@code GET /v1/members/search}: equal requests are equal records
 * whatever their parameter order, defaults, code case or repeated values, so the record is the
 * cache key.
 *
 * @param q normalized free text; empty matches everyone
 * @param languages lower-case ISO 639-1 codes, sorted, distinct: speaks any
 * @param interests interest slugs, sorted, distinct: has any
 * @param origins upper-case country codes, sorted, distinct
 * @param profile the ranking profile's name
 * @param weights the request's custom weights on top of the profile
 * @param locale the language answers are worded in
 */
public record MemberSearchRequest(
    String q,
    Optional<Location> location,
    List<String> languages,
    List<String> interests,
    List<String> origins,
    Optional<Long> viewer,
    SortOrder sort,
    Set<FacetField> facets,
    int page,
    int size,
    boolean explain,
    String profile,
    CustomWeights weights,
    String locale) {

  public static final int MAX_QUERY_LENGTH = 1000;
  public static final double DEFAULT_RADIUS_KM = 50;


  public MemberSearchRequest {
    languages = List.copyOf(languages);
    interests = List.copyOf(interests);
    origins = List.copyOf(origins);
    facets = facets.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(facets));
  }

  /**
   * Reads and checks every parameter, with the ranking profiles shipped in the ranking module.
   *
   * @throws com.expat.search.query.http.ProblemException 400 naming every bad parameter
   */
  public static MemberSearchRequest parse(QueryParams params) {
    return parse(params, RankingParams.shipped());
  }

  /**
   * Reads and checks every parameter, with {@code profiles} and no custom weights.
   *
   * @throws com.expat.search.query.http.ProblemException 400 naming every bad parameter
   */
  public static MemberSearchRequest parse(QueryParams params, Collection<String> profiles) {
    return parse(params, RankingParams.of(profiles));
  }

  /**
   * Reads and checks every parameter.
   *
   * @param ranking the known profiles and whether custom weights are accepted
   * @throws com.expat.search.query.http.ProblemException 400 naming every bad parameter
   */
  public static MemberSearchRequest parse(QueryParams params, RankingParams ranking) {
    String q = QueryText.normalize(params.text("q", MAX_QUERY_LENGTH).orElse(""));
    Optional<Location> location = Location.parse(params, DEFAULT_RADIUS_KM);
    List<String> languages = params.languages("lang");
    List<String> interests = params.interests("interest");
    List<String> origins = params.countries("origin");
    OptionalLong viewer = params.id("viewer");
    SortOrder sort = params.string("sort").map(value -> SortOrder.parse(value).orElseGet(() -> {
      params.reject("sort", "must be relevance, distance or recent");
      return SortOrder.RELEVANCE;
    })).orElse(SortOrder.RELEVANCE);
    if (sort == SortOrder.DISTANCE && location.isEmpty() && viewer.isEmpty() && !params.has("city")
        && !params.has("near") && !params.has("viewer")) {
      params.reject("sort", "distance needs city, near or viewer");
    }
    Set<FacetField> facets = facets(params);
    int size = params.integer("size", 20, 1, 100);
    int page = params.integer("page", 1, 1, 50);
    boolean explain = params.flag("explain");
    String profile = ranking.profile(params);
    CustomWeights weights = ranking.weights(params, WeightsParam.Features.MEMBERS);
    String locale = params.displayLanguage();
    params.throwIfInvalid();
    return new MemberSearchRequest(
        q,
        location,
        languages,
        interests,
        origins,
        viewer.isPresent() ? Optional.of(viewer.getAsLong()) : Optional.empty(),
        sort,
        facets,
        page,
        size,
        explain,
        profile,
        weights,
        locale);
  }

  private static Set<FacetField> facets(QueryParams params) {
    return params.options("facets", FacetField.class, FacetField::parse, "city, language, interest, origin");
  }

  /** The normalized request as one line, for logs. */
  @Override
  public String toString() {
    return "MemberSearchRequest[q=" + q.length() + " chars, location=" + location + ", lang=" + languages
        + ", interest=" + interests + ", origin=" + origins + ", viewer=" + viewer + ", sort=" + sort
        + ", facets=" + facets + ", page=" + page + ", size=" + size + ", explain=" + explain + ", profile=" + profile
        + ", weights=" + weights.byFeature() + ", locale=" + locale + "]";
  }
}
