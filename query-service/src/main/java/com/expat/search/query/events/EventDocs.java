package com.expat.search.query.events;

import static com.expat.search.vocabulary.EventFields.*;

import com.expat.search.query.i18n.ItemWords;
import com.expat.search.query.members.CityRef;
import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.members.MemberDocs;
import com.expat.search.query.members.Viewers;
import com.expat.search.query.ranking.CustomWeights;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.solr.Decimals;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.EventRankParams;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/** What both event endpoints share: the fields asked for, the "not ended" filter, the ranking, the items. */
final class EventDocs {
  static final List<String> ITEM_FIELDS =
      List.of(ID, TITLE, CITY_ID, CITY_NAME, COUNTRY_CODE, VENUE_NAME, STARTS_AT, ENDS_AT, LANGUAGE,
          INTERESTS, ATTENDEE_COUNT, CAPACITY, LOCATION);

  private EventDocs() {}

  /**
   * Keeps only events not yet ended. {@code NOW/MINUTE} rather than
   * {@code NOW}: the filter stays the same string for a minute, so Solr's filter cache serves it.
   */
  static void upcoming(ModifiableSolrParams params) {
    params.add("fq", ENDS_AT + ":[NOW/MINUTE TO *]");
  }

  static void geofilt(ModifiableSolrParams params, GeoPoint point, double radiusKm) {
    params.add("fq", "{!geofilt sfield=" + LOCATION + " pt=" + point.solr() + " d="
        + Decimals.fixed(radiusKm, 3) + "}");
  }

  /** The answer of a ranked event query: Solr's response and the page's items. */
  record Ranked(QueryResponse response, List<EventItem> items) {}

  /**
   * Ranks the events {@code params} select (filters set; with text its main query) for {@code
   * viewer} with the named profile and builds the page's items, inside Solr in one request ({@link
   * EventsInSolr}; a Solr without the plugin is a 503): in relevance order the model ranks the
   * best window (the key's order beyond the largest window), in date order Solr sorts and the
   * model scores the page.
   *
   * @param byScore whether the request is in relevance order (else soonest first)
   * @param text whether {@code params} hold an edismax text query (its score is the text relevance)
   */
  static Ranked ranked(SolrIndex index, String core, ModifiableSolrParams params, int page, int size, boolean byScore,
      boolean text, Ranking ranking, String profileName, CustomWeights weights, Viewer viewer,
      Optional<GeoPoint> origin, boolean explain, ItemWords words) {
    RankingProfile profile = ranking.forEvents(profileName, weights);
    Instant now = ranking.now();
    return ranked(index, core, params, page, size, byScore, text, ranking,
        new EventRankParams(profile, viewer, now, ranking.corpus()).params(), now, response -> origin, explain, words);
  }

  /**
   * A member whom Solr reads itself, on one node, from the members core ({@link
   * com.expat.search.query.members.Viewers#inSolr}): the filters in the request may reference them.
   *
   * @param role how the request names them, for the 404's detail ("member", "viewer")
   * @param place where distances are measured from instead of where they live (an event search's
   *     place), if anywhere
   */
  record ReadInSolr(long id, String role, String membersCore, Optional<GeoPoint> place) {}

  /**
   * As {@link #ranked(SolrIndex, String, ModifiableSolrParams, int, int, boolean, boolean, Ranking, String,
   * CustomWeights, Viewer, Optional, boolean, ItemWords)}, for a member Solr reads inside the same
   * request: it ranks for them (their contacts and the rarity of their interests as the members core
   * counts it), tells whether they are active (else the 404) and where they live, which distances
   * are measured from when there is no place.
   *
   * @throws com.expat.search.query.http.ProblemException 404 when the member is not active
   */
  static Ranked ranked(SolrIndex index, String core, ModifiableSolrParams params, int page, int size, boolean byScore,
      boolean text, Ranking ranking, String profileName, CustomWeights weights, ReadInSolr viewer, boolean explain,
      ItemWords words) {
    RankingProfile profile = ranking.forEvents(profileName, weights);
    Instant now = ranking.now();
    return ranked(index, core, params, page, size, byScore, text, ranking,
        EventRankParams.params(profile, viewer.id(), viewer.membersCore(),
            viewer.place().map(GeoPoint::latLon).orElse(null), now),
        now, response -> {
          Optional<GeoPoint> home = Viewers.requireRead(response, viewer.id(), viewer.role());
          return viewer.place().isPresent() ? viewer.place() : home;
        }, explain, words);
  }

  /**
   * As {@link #ranked(SolrIndex, String, ModifiableSolrParams, int, int, boolean, boolean, Ranking, String,
   * CustomWeights, Viewer, Optional, boolean, ItemWords)}, with the ranking's parameters given.
   *
   * @param now the request's time, as {@code rank} holds it
   * @param from where distances are measured from, given Solr's response; may throw to refuse it
   */
  static Ranked ranked(SolrIndex index, String core, ModifiableSolrParams params, int page, int size, boolean byScore,
      boolean text, Ranking ranking, Map<String, String> rank, Instant now,
      Function<QueryResponse, Optional<GeoPoint>> from, boolean explain, ItemWords words) {
    EventsInSolr.Order order = byScore ? EventsInSolr.Order.relevance(page, size) : EventsInSolr.Order.DATE;
    return EventsInSolr.page(index, core, new ModifiableSolrParams(params),
        new EventsInSolr.Shape(page, size, text, explain, order), rank, now, ranking, from, words);
  }

  /**
   * @param explain feature → contribution, null unless asked for
   * @param reasons the reasons in words, null unless asked for
   */
  static EventItem item(SolrDocument doc, double score, Optional<GeoPoint> from, Map<String, Double> explain,
      List<String> reasons, ItemWords words) {
    Object cityId = doc.getFirstValue(CITY_ID);
    Long id = cityId instanceof Number n ? n.longValue() : null;
    CityRef city = new CityRef(id, words.cityName(id, string(doc, CITY_NAME)), string(doc, COUNTRY_CODE));
    Double distance =
        from.flatMap(origin -> GeoPoint.parse(doc.getFirstValue(LOCATION)).map(origin::distanceKm))
            .map(km -> Math.round(km * 10) / 10.0)
            .orElse(null);
    Object attendees = doc.getFirstValue(ATTENDEE_COUNT);
    Object capacity = doc.getFirstValue(CAPACITY);
    return new EventItem(
        Long.parseLong(doc.getFirstValue(ID).toString()),
        string(doc, TITLE),
        city,
        string(doc, VENUE_NAME),
        instant(doc.getFirstValue(STARTS_AT)),
        instant(doc.getFirstValue(ENDS_AT)),
        string(doc, LANGUAGE),
        MemberDocs.strings(doc.getFieldValues(INTERESTS)),
        attendees instanceof Number n ? n.intValue() : 0,
        capacity instanceof Number n ? n.intValue() : null,
        distance,
        score,
        explain,
        reasons);
  }

  private static Instant instant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    return value == null ? null : Instant.parse(value.toString());
  }

  private static String string(SolrDocument doc, String field) {
    Object value = doc.getFirstValue(field);
    return value == null ? null : value.toString();
  }
}
