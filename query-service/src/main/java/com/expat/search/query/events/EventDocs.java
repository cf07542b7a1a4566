package com.expat.search.query.events;

import static com.expat.search.common.solr.EventFields.*;

import com.expat.search.query.members.CityRef;
import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.members.MemberDocs;
import com.expat.search.query.ranking.RankingPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/** What both event endpoints share: the fields asked for, the "not ended" filter, the items. */
final class EventDocs {
  static final List<String> ITEM_FIELDS =
      List.of(ID, TITLE, CITY_ID, CITY_NAME, COUNTRY_CODE, VENUE_NAME, STARTS_AT, ENDS_AT, LANGUAGE,
          INTERESTS, ATTENDEE_COUNT, CAPACITY, LOCATION);

  private EventDocs() {}

  /**
   * Asks for the item fields and keeps only events not yet ended. {@code NOW/MINUTE} rather than
   * {@code NOW}: the filter stays the same string for a minute, so Solr's filter cache serves it.
   */
  static void itemFieldsOfUpcoming(ModifiableSolrParams params) {
    ITEM_FIELDS.forEach(field -> params.add("fl", field));
    params.add("fl", "score");
    params.add("fq", ENDS_AT + ":[NOW/MINUTE TO *]");
  }

  static void geofilt(ModifiableSolrParams params, GeoPoint point, double radiusKm) {
    params.add("fq", "{!geofilt sfield=" + LOCATION + " pt=" + point.solr() + " d="
        + String.format(Locale.ROOT, "%.3f", radiusKm) + "}");
  }

  static List<EventItem> items(
      QueryResponse response, Optional<GeoPoint> origin, RankingPlan plan, boolean explain, boolean text) {
    List<EventItem> items = new ArrayList<>();
    for (SolrDocument doc : response.getResults()) {
      double score = ((Number) doc.getFirstValue("score")).doubleValue();
      items.add(item(doc, score, origin, explain ? plan.explain(doc, score, text) : null));
    }
    return items;
  }

  static EventItem item(SolrDocument doc, double score, Optional<GeoPoint> from, Map<String, Double> explain) {
    Object cityId = doc.getFirstValue(CITY_ID);
    CityRef city = new CityRef(
        cityId instanceof Number n ? n.longValue() : null, string(doc, CITY_NAME), string(doc, COUNTRY_CODE));
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
        explain);
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
