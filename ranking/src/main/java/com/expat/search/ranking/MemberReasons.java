package com.expat.search.ranking;

import com.expat.search.ranking.features.InterestOverlap;
import com.expat.search.ranking.features.LanguageFit;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.MemberSignals;
import com.expat.search.ranking.signals.Viewer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
  public String reason(RankingFeature feature, MemberSignals member, double value) {
    return switch ((MemberFeature) feature) {
      case TEXT -> "matches your search";
      case DISTANCE -> Wording.distance(viewer.origin().distanceKm(member.location()));
      case SHARED_INTERESTS -> {
        List<String> shared = InterestOverlap.shared(viewer.interests(), member.interests(), corpus);
        yield Wording.count(shared.size(), "shared interest", "shared interests") + ": " + Wording.list(shared);
      }
      case RECIPROCAL_INTERESTS -> value >= GOOD_FIT_BOTH_WAYS ? "a good fit both ways" : null;
      case SHARED_LANGUAGES -> languages(member);
      case RECENT_ACTIVITY -> activity(member.lastActiveAt());
      case NEWNESS -> member.createdAt() != null
              && Duration.between(member.createdAt(), now).compareTo(profile.members().newnessHalfLife()) < 0
          ? (member.cityName() == null ? "new member" : "new in " + member.cityName())
          : null;
      case PROFILE_QUALITY -> value >= COMPLETE_PROFILE ? "complete profile" : null;
    };
  }

  private String languages(MemberSignals member) {
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
    String text = "both speak " + Wording.language(best) + " (" + weaker.label() + ")";
    return others == 0 ? text : text + " and " + Wording.count(others, "more language", "more languages");
  }

  private String activity(Instant lastActive) {
    Duration idle = Duration.between(lastActive, now);
    if (idle.compareTo(Duration.ofDays(1)) < 0) {
      return "active today";
    }
    if (idle.compareTo(Duration.ofDays(7)) < 0) {
      return "active this week";
    }
    if (idle.compareTo(Duration.ofDays(30)) < 0) {
      return "active this month";
    }
    return null;
  }
}
