package com.expat.search.ranking.solr;

import com.expat.search.ranking.EventFeature;
import com.expat.search.ranking.EventParameters;
import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.MemberParameters;
import com.expat.search.ranking.RankingFeature;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.features.DistanceDecay;
import com.expat.search.ranking.features.EventLanguage;
import com.expat.search.ranking.features.HalfLifeDecay;
import com.expat.search.ranking.features.InterestOverlap;
import com.expat.search.ranking.features.LanguageFit;
import com.expat.search.ranking.features.LevelWeights;
import com.expat.search.ranking.features.RoomLeft;
import com.expat.search.ranking.features.Saturation;
import com.expat.search.ranking.features.SolrSyntax;
import com.expat.search.ranking.features.StartTime;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.vocabulary.EventFields;
import com.expat.search.vocabulary.LanguageTerms;
import com.expat.search.vocabulary.MemberFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Solr-side part of the rankings ({@link SolrPrerank}) for a viewer and profile. Field names
 * are the vocabulary's {@link MemberFields} and {@link EventFields}. Stateless.
 */
public final class SolrRanking {
  /** The native members' pre-rank in the configset (solr-config's {@code MemberPrerankParser.NAME}). */
  public static final String MEMBER_PRERANK_FUNCTION = "expat_member_prerank";
  /** The native members' language fit in the configset (solr-config's {@code LanguageFitParser.NAME}). */
  public static final String LANGUAGE_FIT_FUNCTION = "expat_language_fit";

  private SolrRanking() {}

  /** The members core: matches, and member search when there is no query text. */
  public static SolrPrerank members(Viewer viewer, RankingProfile profile, Corpus corpus, Instant now) {
    MemberParameters parameters = profile.members();
    List<SolrTerm> terms = new ArrayList<>();
    if (viewer.origin() != null) {
      add(terms, MemberFeature.DISTANCE, parameters.weight(MemberFeature.DISTANCE),
          DistanceDecay.solr(MemberFields.LOCATION, viewer.origin(), parameters.distanceScaleKm()));
    }
    if (!viewer.interests().isEmpty()) {
      add(terms, MemberFeature.SHARED_INTERESTS, parameters.weight(MemberFeature.SHARED_INTERESTS),
          InterestOverlap.solr(MemberFields.INTERESTS, InterestOverlap.weights(viewer.interests(), corpus)));
    }
    add(terms, MemberFeature.RECENT_ACTIVITY, parameters.weight(MemberFeature.RECENT_ACTIVITY),
        HalfLifeDecay.solr(MemberFields.LAST_ACTIVE_AT, parameters.activityHalfLife()));
    add(terms, MemberFeature.NEWNESS, parameters.weight(MemberFeature.NEWNESS),
        HalfLifeDecay.solr(MemberFields.CREATED_AT, parameters.newnessHalfLife()));
    add(terms, MemberFeature.PROFILE_QUALITY, parameters.weight(MemberFeature.PROFILE_QUALITY),
        "field(" + MemberFields.PROFILE_QUALITY + ")");
    List<SolrTerm> nativeOnly = new ArrayList<>();
    if (!viewer.languages().isEmpty()) {
      add(nativeOnly, MemberFeature.SHARED_LANGUAGES, parameters.weight(MemberFeature.SHARED_LANGUAGES),
          languageFit(viewer.languages(), profile.languageLevels()));
    }
    String members = nativeMembers(viewer, parameters, corpus, now);
    String nativeFunction = nativeOnly.isEmpty() ? members
        : "sum(" + members + nativeOnly.stream().map(term -> "," + term.weighted()).collect(Collectors.joining()) + ")";
    return new SolrPrerank(terms, now(now), IndexDocs.MEMBER_FIELDS, Optional.of(nativeFunction), nativeOnly);
  }

  /**
   * {@link LanguageFit} as solr-config's {@code expat_language_fit('code:level', pair, ...)}: for
   * each language of the viewer, every level a member could hold it at, with the pair's weight.
   */
  static String languageFit(Map<String, LanguageLevel> mine, LevelWeights weights) {
    StringBuilder function = new StringBuilder(LANGUAGE_FIT_FUNCTION).append('(');
    String separator = "";
    for (Map.Entry<String, LanguageLevel> language : new TreeMap<>(mine).entrySet()) {
      for (LanguageLevel theirs : LanguageLevel.values()) {
        double pair = weights.weight(language.getValue()) * weights.weight(theirs);
        function.append(separator).append(SolrSyntax.quoted(LanguageTerms.of(language.getKey(), theirs.label())))
            .append(',').append(SolrSyntax.number(pair));
        separator = ",";
      }
    }
    return function.append(')').toString();
  }

  /**
   * The members' sum as {@code expat_member_prerank(now, wDistance, lat, lon, scaleKm, wActivity,
   * activityRate, wNewness, newnessRate, wQuality, 'slug', weight, ...)} (solr-config's
   * {@code MemberPrerankParser}): the same terms, weights and parameters as {@link #members}'s
   * generic functions, a weight of 0 where a term is left out.
   */
  private static String nativeMembers(Viewer viewer, MemberParameters parameters, Corpus corpus, Instant now) {
    StringBuilder function = new StringBuilder(MEMBER_PRERANK_FUNCTION).append('(').append(now.toEpochMilli());
    double distance = viewer.origin() == null ? 0 : positive(parameters.weight(MemberFeature.DISTANCE));
    arguments(function, distance,
        distance > 0 ? viewer.origin().latitude() : 0,
        distance > 0 ? viewer.origin().longitude() : 0,
        distance > 0 ? parameters.distanceScaleKm() : 1,
        positive(parameters.weight(MemberFeature.RECENT_ACTIVITY)), HalfLifeDecay.rate(parameters.activityHalfLife()),
        positive(parameters.weight(MemberFeature.NEWNESS)), HalfLifeDecay.rate(parameters.newnessHalfLife()),
        positive(parameters.weight(MemberFeature.PROFILE_QUALITY)));
    double interests = viewer.interests().isEmpty() ? 0 : positive(parameters.weight(MemberFeature.SHARED_INTERESTS));
    if (interests > 0) {
      InterestOverlap.weights(viewer.interests(), corpus).forEach((slug, weight) ->
          function.append(',').append(SolrSyntax.quoted(slug)).append(',').append(SolrSyntax.number(interests * weight)));
    }
    return function.append(')').toString();
  }

  private static void arguments(StringBuilder function, double... values) {
    for (double value : values) {
      function.append(',').append(SolrSyntax.number(value));
    }
  }

  private static double positive(double weight) {
    return weight > 0 ? weight : 0;
  }

  /** The events core: event search without query text, and a member's upcoming events. */
  public static SolrPrerank events(Viewer viewer, RankingProfile profile, Corpus corpus, Instant now) {
    EventParameters parameters = profile.events();
    List<SolrTerm> terms = new ArrayList<>();
    add(terms, EventFeature.STARTS_SOON, parameters.weight(EventFeature.STARTS_SOON),
        StartTime.solr(EventFields.STARTS_AT, parameters.startHalfLife()));
    if (viewer.origin() != null) {
      add(terms, EventFeature.DISTANCE, parameters.weight(EventFeature.DISTANCE),
          DistanceDecay.solr(EventFields.LOCATION, viewer.origin(), parameters.distanceScaleKm()));
    }
    if (!viewer.interests().isEmpty()) {
      add(terms, EventFeature.INTERESTS, parameters.weight(EventFeature.INTERESTS),
          InterestOverlap.solr(EventFields.INTERESTS, InterestOverlap.weights(viewer.interests(), corpus)));
    }
    if (!viewer.languages().isEmpty()) {
      add(terms, EventFeature.LANGUAGE, parameters.weight(EventFeature.LANGUAGE),
          EventLanguage.solr(EventFields.LANGUAGE, viewer.languages(), profile.languageLevels()));
    }
    add(terms, EventFeature.POPULARITY, parameters.weight(EventFeature.POPULARITY),
        Saturation.solr(EventFields.ATTENDEE_COUNT, parameters.popularityHalf()));
    add(terms, EventFeature.ROOM_LEFT, parameters.weight(EventFeature.ROOM_LEFT),
        RoomLeft.solr(EventFields.CAPACITY, EventFields.ATTENDEE_COUNT, parameters.comfortableSeats()));
    return new SolrPrerank(terms, now(now), IndexDocs.EVENT_FIELDS);
  }

  private static void add(List<SolrTerm> terms, RankingFeature feature, double weight,
      String function) {
    if (weight > 0) {
      terms.add(new SolrTerm(feature, weight, function));
    }
  }

  private static Map<String, String> now(Instant now) {
    return Map.of("NOW", Long.toString(now.toEpochMilli()));
  }
}
