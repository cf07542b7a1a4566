package com.expat.search.ranking;

import com.expat.search.ranking.features.InterestOverlap;
import com.expat.search.ranking.features.LanguageFit;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import java.time.Duration;
import java.time.Instant;

/** Reasons a member ranks where they do, for a viewer. */
final class MemberReasons implements Scoring.Reasons<MemberSignals> {
  private static final double COMPLETE_PROFILE = 0.9;
  private static final double GOOD_FIT_BOTH_WAYS = 0.5;

  private final Viewer viewer;
  private final RankingProfile profile;
  private final Corpus corpus;
  private final Instant now;

  MemberReasons(Viewer viewer, RankingProfile profile, Corpus corpus, Instant now) {
    this.viewer = viewer;
    this.profile = profile;
    this.corpus = corpus;
    this.now = now;
  }

  @Override
  public Reason reason(RankingFeature feature, MemberSignals member, double value) {
    return switch ((MemberFeature) feature) {
      case TEXT -> Reason.of("text");
      case DISTANCE -> Wording.distance(viewer.origin().distanceKm(member.location()));
      case SHARED_INTERESTS -> Wording.interests("shared_interests",
          InterestOverlap.shared(viewer.interests(), member.interests(), corpus));
      case RECIPROCAL_INTERESTS -> value >= GOOD_FIT_BOTH_WAYS ? Reason.of("fit_both_ways") : null;
      case SHARED_LANGUAGES -> languages(member);
      case RECENT_ACTIVITY -> activity(member.lastActiveAt());
      case NEWNESS -> member.createdAt() != null
              && Duration.between(member.createdAt(), now).compareTo(profile.members().newnessHalfLife()) < 0
          ? (member.cityName() == null ? Reason.of("new_member") : Reason.of("new_in_city", member.cityName()))
          : null;
      case PROFILE_QUALITY -> value >= COMPLETE_PROFILE ? Reason.of("complete_profile") : null;
    };
  }

  private Reason languages(MemberSignals member) {
    String best = LanguageFit.best(viewer.languages(), member.languages(), profile.languageLevels());
    if (best == null) {
      return null;
    }
    LanguageLevel mine = viewer.languages().get(best);
    LanguageLevel theirs = member.languages().get(best);
    LanguageLevel weaker = mine.compareTo(theirs) >= 0 ? mine : theirs;
    int others = 0;
    for (String code : viewer.languages().keySet()) {
      if (!code.equals(best) && member.languages().containsKey(code)) {
        others++;
      }
    }
    return Reason.of("shared_languages", best, weaker.label(), others);
  }

  private Reason activity(Instant lastActive) {
    Duration idle = Duration.between(lastActive, now);
    if (idle.compareTo(Duration.ofDays(1)) < 0) {
      return Reason.of("active_today");
    }
    if (idle.compareTo(Duration.ofDays(7)) < 0) {
      return Reason.of("active_this_week");
    }
    if (idle.compareTo(Duration.ofDays(30)) < 0) {
      return Reason.of("active_this_month");
    }
    return null;
  }
}
