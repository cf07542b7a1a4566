package com.expat.search.query.matches;

import static com.expat.search.vocabulary.MemberFields.*;

import com.expat.search.query.catalog.CityPoints;
import com.expat.search.query.members.GeoPoint;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.Visibility;
import com.expat.search.query.solr.Decimals;
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
   * The rules of {@code me}'s matches within {@code radiusKm}, in the order they are explained, with
   * the viewer's values written out (the service read the viewer: SolrCloud, the debug endpoint).
   *
   * @param cities every city's point, as the catalog holds them ({@link #near})
   */
  static List<Rule> of(KnownMember me, double radiusKm, CityPoints cities) {
    return rules(radiusKm, me.location().isPresent()
        ? "within " + km(radiusKm) + " km of the viewer's city"
        : "in the viewer's city (it has no coordinates)", new ViewerValues() {
          @Override
          public void hideSelf(ModifiableSolrParams params) {
            Visibility.hideSelf(params, me);
          }

          @Override
          public void hideBlocked(ModifiableSolrParams params) {
            Visibility.hideBlocked(params, me);
          }

          @Override
          public void hideContacts(ModifiableSolrParams params) {
            Visibility.excludeIds(params, "hidden_contacts", me.contactIds());
            params.add("fq", Visibility.NOT_CACHED + "-" + CONTACT_IDS + ":" + me.id());
          }

          @Override
          public void near(ModifiableSolrParams params) {
            MatchRules.near(params, me, radiusKm, cities);
          }

          @Override
          public void sharedLanguage(ModifiableSolrParams params) {
            params.add("fq", "{!" + QueryParsers.LANGUAGES + " cache=false f=" + LANGUAGES + " v=$shared_languages}");
            params.set("shared_languages", String.join(",", new TreeSet<>(me.languages())));
          }
        });
  }

  /**
   * The same rules for the viewer with this id, whom Solr reads itself inside the request
   * (members.Viewers): each filter references the viewer's values instead of writing them out
   * (solr-config's {@code ViewerTerms}, {@code SharedLanguages}, {@code NearViewer}). A viewer
   * who is no active member lets no one through the radius.
   */
  static List<Rule> inSolr(long viewerId, double radiusKm) {
    return rules(radiusKm, "within " + km(radiusKm) + " km of the viewer's city (in it, when it has no coordinates)",
        new ViewerValues() {
          @Override
          public void hideSelf(ModifiableSolrParams params) {
            Visibility.hideSelf(params, viewerId);
          }

          @Override
          public void hideBlocked(ModifiableSolrParams params) {
            Visibility.hideBlocked(params, viewerId);
          }

          @Override
          public void hideContacts(ModifiableSolrParams params) {
            Visibility.excludeListed(params, viewerId, CONTACT_IDS);
            params.add("fq", Visibility.NOT_CACHED + "-" + CONTACT_IDS + ":" + viewerId);
          }

          @Override
          public void near(ModifiableSolrParams params) {
            // Cached: every viewer of a city shares it (the query is the point and the radius).
            params.add("fq", "{!" + QueryParsers.NEAR + " viewer=" + viewerId + " d=" + radiusKm + "}");
          }

          @Override
          public void sharedLanguage(ModifiableSolrParams params) {
            params.add("fq", "{!" + QueryParsers.LANGUAGES + " cache=false f=" + LANGUAGES + " viewer=" + viewerId + "}");
          }
        });
  }

  /** What each rule filters on of the viewer: their values written out, or referenced for Solr to read. */
  private interface ViewerValues {
    void hideSelf(ModifiableSolrParams params);

    void hideBlocked(ModifiableSolrParams params);

    /** Not already a contact, on either side's list. */
    void hideContacts(ModifiableSolrParams params);

    /** Within the radius of the viewer's city. */
    void near(ModifiableSolrParams params);

    /**
     * Speaks one of the viewer's languages: one cached set per language, united per request
     * (solr-config's SharedLanguages); Solr's own {@code {!terms}} filter would be cached per
     * combination of the viewer's languages.
     */
    void sharedLanguage(ModifiableSolrParams params);
  }

  private static List<Rule> rules(double radiusKm, String radiusMeaning, ViewerValues viewer) {
    return List.of(
        new Rule(HIDDEN, "opted in to being found (searchable)", Visibility::onlySearchable),
        new Rule(SELF, "not the viewer themself", viewer::hideSelf),
        new Rule(BLOCKED, "not blocked by the viewer, and not blocking the viewer", viewer::hideBlocked),
        new Rule(CONTACT, "not already a contact, on either side's list", viewer::hideContacts),
        new Rule(RADIUS, radiusMeaning, viewer::near),
        new Rule(LANGUAGE, "speaks one of the viewer's languages", viewer::sharedLanguage));
  }

  private static String km(double radiusKm) {
    return String.format(Locale.ROOT, "%.0f", radiusKm);
  }

  /** The radius as the geofilt fallback writes it. */
  private static String radius(double radiusKm) {
    return Decimals.fixed(radiusKm, 3);
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
    params.add("fq", "{!geofilt d=" + radius(radiusKm) + "}");
  }
}
