package com.expat.search.query.matches;

import static com.expat.search.vocabulary.MemberFields.*;

import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.Visibility;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;
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

  /** The rules of {@code me}'s matches within {@code radiusKm}, in the order they are explained. */
  static List<Rule> of(KnownMember me, double radiusKm) {
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
            : "in the viewer's city (it has no coordinates)", params -> near(params, me, radiusKm)),
        new Rule(LANGUAGE, "speaks one of the viewer's languages", params -> {
          params.add("fq", "{!terms f=" + LANGUAGES + " v=$shared_languages}");
          params.set("shared_languages", String.join(",", new TreeSet<>(me.languages())));
        }));
  }

  private static void near(ModifiableSolrParams params, KnownMember me, double radiusKm) {
    me.location().ifPresent(point -> {
      params.set("sfield", LOCATION);
      params.set("pt", point.solr());
      params.add("fq", "{!geofilt d=" + String.format(Locale.ROOT, "%.3f", radiusKm) + "}");
    });
    if (me.location().isEmpty()) {
      // A city without coordinates: the same city is the best "near" we know.
      params.add("fq", me.cityId().isPresent() ? CITY_ID + ":" + me.cityId().getAsLong() : "-*:*");
    }
  }
}
