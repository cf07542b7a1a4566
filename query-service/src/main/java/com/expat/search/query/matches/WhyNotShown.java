package com.expat.search.query.matches;

import static com.expat.search.vocabulary.MemberFields.*;

import com.expat.search.query.catalog.Catalog;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.MemberDirectory;
import com.expat.search.query.ranking.CustomWeights;
import com.expat.search.query.ranking.Ranking;
import com.expat.search.query.ranking.RankInSolr;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.solr.RankParams;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Why a member is not among a viewer's matches: each of the query's rules ({@link MatchRules}) is
 * tried alone on the member's document, then, when every rule lets it through, the query's own
 * window (the pre-rank's best {@code RANK_WINDOW} candidates, asked of the ranking inside Solr)
 * is asked whether it holds the member.
 * For engineers only: it tells who blocked whom; served behind {@code DEBUG_ENDPOINTS=on}. Thread-safe.
 */
final class WhyNotShown {
  private final SolrIndex index;
  private final String core;
  private final MemberDirectory directory;
  private final Ranking ranking;
  private final Catalog cities;

  WhyNotShown(SolrIndex index, String core, MemberDirectory directory, Catalog cities, Ranking ranking) {
    this.cities = cities;
    this.index = index;
    this.core = core;
    this.directory = directory;
    this.ranking = ranking;
  }

  /** One rule's outcome for the member. */
  record RuleOutcome(String rule, boolean excludes, String detail) {}

  /**
   * @param windowPosition the member's place (from 1) in Solr's pre-rank window, when it is in it
   * @param window the window's size
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Answer(long viewer, long member, double radiusKm, String profile, boolean excluded, String verdict,
      List<RuleOutcome> rules, Integer windowPosition, Long candidates, Integer window) {}

  /**
   * @throws com.expat.search.query.http.ProblemException 404 when the viewer is not an active member
   */
  Answer explain(long viewerId, long memberId, double radiusKm, String profileName, CustomWeights weights) {
    KnownMember viewer = directory.require(viewerId, "viewer");
    Optional<KnownMember> member = directory.find(memberId);
    List<RuleOutcome> outcomes = new ArrayList<>();
    if (member.isEmpty()) {
      outcomes.add(new RuleOutcome("in_index", true, "member " + memberId + " is not in the index: deactivated, deleted or unknown"));
      return new Answer(viewerId, memberId, radiusKm, profileName, true, "not in the index", outcomes, null, null, null);
    }
    KnownMember other = member.get();
    List<String> failed = new ArrayList<>();
    List<MatchRules.Rule> rules = MatchRules.of(viewer, radiusKm, cities.snapshot().points());
    for (MatchRules.Rule rule : rules) {
      boolean excludes;
      if (rule.name().equals(MatchRules.LANGUAGE) && viewer.languages().isEmpty()) {
        excludes = true; // the matches query is not even sent: a viewer without languages has none
      } else {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", "{!term f=" + ID + "}" + memberId);
        params.set("rows", 0);
        rule.addTo(params);
        excludes = index.query(core, params).getResults().getNumFound() == 0;
      }
      if (excludes) {
        failed.add(rule.name());
      }
      outcomes.add(new RuleOutcome(rule.name(), excludes, detail(rule, excludes, viewer, other, radiusKm)));
    }
    if (!failed.isEmpty()) {
      return new Answer(viewerId, memberId, radiusKm, profileName, true, "kept out by " + String.join(", ", failed), outcomes,
          null, null, null);
    }
    SolrDocumentList window = window(rules, viewer, ranking.forMembers(profileName, weights));
    int position = 0;
    for (int i = 0; i < window.size(); i++) {
      SolrDocument doc = window.get(i);
      if (String.valueOf(memberId).equals(String.valueOf(doc.getFirstValue(ID)))) {
        position = i + 1;
        break;
      }
    }
    int size = ranking.window();
    if (position == 0) {
      outcomes.add(new RuleOutcome("beyond_window", true, "passes every rule, but Solr's pre-rank puts it after the first " + size
          + " of " + window.getNumFound() + " candidates, and only those are ranked by the whole model (RANK_WINDOW)"));
      return new Answer(viewerId, memberId, radiusKm, profileName, true, "beyond the window", outcomes, null,
          window.getNumFound(), size);
    }
    outcomes.add(new RuleOutcome("beyond_window", false, "#" + position + " of the " + Math.min(size, window.getNumFound())
        + " candidates in the pre-rank window (of " + window.getNumFound() + ")"));
    return new Answer(viewerId, memberId, radiusKm, profileName, false, "not kept out: it is #" + position
        + " of the window the whole model ranks; its place on the pages follows from that ranking and diversity",
        outcomes, position, window.getNumFound(), size);
  }

  /**
   * The first {@code RANK_WINDOW} candidates in the pre-rank's order, as the matches' ranking
   * inside Solr keeps its window ({@code rq={!expat_matches order=key}}: the pre-rank, then last
   * activity, then id), only their ids.
   */
  private SolrDocumentList window(List<MatchRules.Rule> rules, KnownMember viewer, RankingProfile profile) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    rules.forEach(rule -> rule.addTo(params));
    params.set("q", "*:*");
    params.set("rq", "{!" + RankInSolr.PLUGIN + " order=key size=1}");
    new RankParams(profile, Ranking.viewer(viewer), ranking.now()).params().forEach(params::set);
    params.set("rows", ranking.window());
    params.set("fl", ID);
    return RankInSolr.query(index, core, params).getResults();
  }

  private static String detail(MatchRules.Rule rule, boolean excludes, KnownMember viewer, KnownMember member, double radiusKm) {
    String because = switch (rule.name()) {
      case MatchRules.SELF -> excludes ? "it is the viewer" : "";
      case MatchRules.BLOCKED -> !excludes ? "" : viewer.blockedIds().contains(member.id()) && member.blockedIds().contains(viewer.id())
          ? "a block between them is on both members' lists"
          : viewer.blockedIds().contains(member.id()) ? "the viewer's list holds a block with this member" : "this member's list holds a block with the viewer";
      case MatchRules.CONTACT -> !excludes ? "" : viewer.contactIds().contains(member.id())
          ? "on the viewer's contact list" : "the viewer is on this member's contact list";
      case MatchRules.RADIUS -> viewer.location().isEmpty() || member.location().isEmpty()
          ? (excludes ? "not in the viewer's city" : "")
          : String.format(Locale.ROOT, "%.1f km apart (radius %.0f km)", viewer.location().get().distanceKm(member.location().get()), radiusKm);
      case MatchRules.LANGUAGE -> "viewer speaks " + languages(viewer) + "; member speaks " + languages(member);
      default -> "";
    };
    return because.isEmpty() ? rule.meaning() : rule.meaning() + ": " + because;
  }

  private static String languages(KnownMember member) {
    return member.languages().isEmpty() ? "none listed" : String.join(", ", new TreeSet<>(member.languages()));
  }
}
