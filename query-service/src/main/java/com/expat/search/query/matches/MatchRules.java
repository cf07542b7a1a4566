package com.expat.search.query.matches;

import static com.expat.search.vocabulary.MemberFields.*;

import com.expat.search.query.catalog.CityPoints;
import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.Visibility;
import com.expat.search.vocabulary.QueryParsers;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Who may be among a member's matches, rule by rule, each as the Solr filter the matches query
 * sends: the query adds them all ({@link Matches}), the debug endpoint tries them one at a time on
 * one member's document ({@link WhyNotShown}), so the explanation is the query's own.
 */
final class MatchRules {
  private MatchRules() {}

  /**
   * @param name the rule's name in the debug endpoint's answer
   * @param meaning what a member must be to pass it, in words
   */
  record Rule(String name, String meaning, Consumer<ModifiableSolrParams> filter) {
    void addTo(ModifiableSolrParams params) {
      filter.accept(params);
    }
  }

  static final String HIDDEN = "hidden";
  static final String SELF = "self";
  static final String BLOCKED = "blocked";
  static final String CONTACT = "contact";
  static final String RADIUS = "outside_radius";
  static final String LANGUAGE = "no_shared_language";

  /**
   * The rules of {@code me}'s matches within {@code radiusKm}, in the order they are explained.
   *
   * @param cities every city's point, as the catalog holds them ({@link #near})
   */
  static List<Rule> of(KnownMember me, double radiusKm, CityPoints cities) {
    return List.of(
        new Rule(HIDDEN, "opted in to being found (searchable)", Visibility::onlySearchable),
        new Rule(SELF, "not the viewer themself", params -> Visibility.hideSelf(params, me)),
        new Rule(BLOCKED, "not blocked by the viewer, and not blocking the viewer", params -> Visibility.hideBlocked(params, me)),
        new Rule(CONTACT, "not already a contact, on either side's list", params -> {
          Visibility.excludeIds(params, "hidden_contacts", me.contactIds());
          params.add("fq", Visibility.NOT_CACHED + "-" + CONTACT_IDS + ":" + me.id());
        }),
        new Rule(RADIUS, me.location().isPresent()
            ? "within " + String.format(Locale.ROOT, "%.0f", radiusKm) + " km of the viewer's city"
            : "in the viewer's city (it has no coordinates)", params -> near(params, me, radiusKm, cities)),
        new Rule(LANGUAGE, "speaks one of the viewer's languages", params -> {
          // One cached set per language, united per request (solr-config's SharedLanguages): Solr's
          // own {!terms} filter would be cached per combination of the viewer's languages.
          params.add("fq", "{!" + QueryParsers.LANGUAGES + " cache=false f=" + LANGUAGES + " v=$shared_languages}");
          params.set("shared_languages", String.join(",", new TreeSet<>(me.languages())));
        }));
  }

  /**
   * Within {@code radiusKm} of the viewer's city. A member's {@code location} is their city's point
   * (the indexer copies it from the city row), so the members within the radius are those whose
   * {@code city_id} is one of the cities within it ({@link CityPoints#within}, the one haversine):
   * a set of ids that every viewer of the city shares at every radius that reaches the same cities,
   * kept in Solr's filter cache, where a {@code geofilt} would test every member's point with
   * trigonometry, afresh for each radius. The same members either way: a member whose city has no
   * coordinates has no point and is in neither. When the catalog does not know the viewer's city
   * (it was added since the catalog was last rebuilt), the radius is Solr's {@code geofilt} around
   * the viewer's own point instead. A city without coordinates: the same city is the best "near"
   * we know.
   */
  private static void near(ModifiableSolrParams params, KnownMember me, double radiusKm, CityPoints cities) {
    if (me.location().isEmpty()) {
      params.add("fq", me.cityId().isPresent() ? CITY_ID + ":" + me.cityId().getAsLong() : "-*:*");
      return;
    }
    Optional<GeoPoint> city = me.cityId().isPresent() ? cities.point(me.cityId().getAsLong()) : Optional.empty();
    if (city.isPresent()) {
      params.add("fq", "{!terms f=" + CITY_ID + " v=$near_cities}");
      params.set("near_cities", Arrays.stream(cities.within(city.get(), radiusKm)).mapToObj(Long::toString)
          .collect(Collectors.joining(",")));
      return;
    }
    params.set("sfield", LOCATION);
    params.set("pt", me.location().get().solr());
    params.add("fq", "{!geofilt d=" + String.format(Locale.ROOT, "%.3f", radiusKm) + "}");
  }
}
