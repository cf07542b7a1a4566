package com.expat.search.query.events;

import static com.expat.search.common.solr.EventFields.*;

import com.expat.search.query.members.KnownMember;
import com.expat.search.query.ranking.PlanBuilder;
import com.expat.search.query.ranking.RankingPlan;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * How events are ranked, with hand-set weights (features, each non-negative, summed):
 *
 * <ul>
 *   <li>{@code shared_interests}: share of the member's interests the event has;
 *   <li>{@code language} (search with a viewer): the event is in a language the viewer speaks;
 *   <li>{@code same_city} (search with a viewer): the event is in the viewer's city;
 *   <li>{@code contacts_going} (member events): one of the member's contacts goes;
 *   <li>{@code proximity}: {@code w / (1 + km / 25)} from the origin, when one is known;
 *   <li>{@code popularity}: {@code w * going / (going + 20)};
 *   <li>{@code soon}: halves a week ahead.
 * </ul>
 *
 * Stateless.
 */
final class EventRanking {
  private static final double MS_PER_WEEK = 7d * 24 * 3600 * 1000;

  private EventRanking() {}

  /** Boosts of a text search, or the whole score without text. */
  static RankingPlan search(Optional<KnownMember> viewer, boolean hasOrigin) {
    PlanBuilder plan = new PlanBuilder();
    viewer.ifPresent(v -> {
      plan.shared("shared_interests", INTERESTS, uniform(v.interests()), 1.0);
      if (!v.languages().isEmpty()) {
        plan.constantQuery("language", anyOf(LANGUAGE, v.languages()), 0.6);
      }
      v.cityId().ifPresent(city -> plan.constantQuery("same_city", CITY_ID + ":" + city, 0.5));
    });
    if (hasOrigin) {
      plan.proximity(1.0);
    }
    popularityAndSoon(plan, 0.5, 0.5);
    return plan.build();
  }

  /** The whole score of a member's upcoming events. */
  static RankingPlan forMember(KnownMember member) {
    PlanBuilder plan = new PlanBuilder();
    plan.shared("shared_interests", INTERESTS, uniform(member.interests()), 3.0);
    if (!member.contactIds().isEmpty()) {
      plan.param("rank_contacts", "{!terms f=" + GOING_IDS + "}"
          + member.contactIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
      plan.add("contacts_going", "product(2,query($rank_contacts,0))");
    }
    if (member.location().isPresent()) {
      plan.proximity(1.0);
    }
    popularityAndSoon(plan, 1.0, 1.0);
    return plan.build();
  }

  private static void popularityAndSoon(PlanBuilder plan, double popularity, double soon) {
    String going = "def(" + ATTENDEE_COUNT + ",0)";
    plan.add("popularity", "product(" + PlanBuilder.number(popularity) + ",div(" + going + ",sum(" + going + ",20)))");
    plan.add("soon", "recip(max(0,ms(" + STARTS_AT + ",NOW/HOUR))," + PlanBuilder.number(1 / MS_PER_WEEK) + ","
        + PlanBuilder.number(soon) + ",1)");
  }

  private static String anyOf(String field, Collection<String> values) {
    return field + ":(" + new TreeSet<>(values).stream().map(ClientUtils::escapeQueryChars)
        .collect(Collectors.joining(" OR ")) + ")";
  }

  private static Map<String, Double> uniform(Collection<String> values) {
    Map<String, Double> weights = new LinkedHashMap<>();
    values.forEach(value -> weights.put(value, 1.0));
    return weights;
  }
}
