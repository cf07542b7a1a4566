package com.expat.search.bench.lab.sim;

import java.util.SplittableRandom;

/**
 * Simulates what members would do, from their {@link HiddenPreferences} plus proximity and
 * language, with noise: who accepts whose contact request, and who goes to which event. Every
 * outcome is drawn from a random stream seeded by (seed, the pair, the kind of outcome), so it is
 * the same whatever is asked first or how often. Thread-safe.
 *
 * <p>How much {@code judge} likes {@code other} (a logit): {@code -1 + 3 affinity(judge's taste,
 * other's declared clusters) + (shared language ? 1.5 : -3) - 1.5 (1 - openness) [other origin]
 * - 2 distance / maxTravel + noise N(0, sigma)}. A contact request from X to Y goes out with the
 * probability of X liking Y and is accepted with that of Y liking X.
 */
public final class OutcomeSimulator {
  private final PreferenceModel preferences;
  private final long seed;
  private final double noise;

  /** @param noise standard deviation of the per-pair logit noise (default 1.0; 0: none but the draws) */
  public OutcomeSimulator(PreferenceModel preferences, long seed, double noise) {
    if (!(noise >= 0 && noise <= 10)) {
      throw new IllegalArgumentException("noise = " + noise + ", expected 0..10");
    }
    this.preferences = preferences;
    this.seed = seed;
    this.noise = noise;
  }

  /** The logit of {@code judge} liking {@code other}, noise included. */
  double likes(LabMember judge, LabMember other) {
    HiddenPreferences taste = preferences.of(judge);
    double logit = -1
        + 3 * taste.affinity(other.clusters())
        + (judge.sharesLanguage(other.languages()) ? 1.5 : -3)
        - (judge.origin().equals(other.origin()) ? 0 : 1.5 * (1 - taste.openness()))
        - 2 * Geo.km(judge, other) / taste.maxTravelKm();
    return logit + noise * stream(judge.id(), other.id(), 1).nextGaussian();
  }

  /** Whether {@code receiver} accepts a contact request from {@code requester}. */
  public boolean accepts(LabMember requester, LabMember receiver) {
    return stream(receiver.id(), requester.id(), 2).nextDouble() < sigmoid(likes(receiver, requester));
  }

  /** Whether {@code requester} would send {@code receiver} a request after seeing the profile. */
  public boolean sends(LabMember requester, LabMember receiver) {
    return stream(requester.id(), receiver.id(), 3).nextDouble() < sigmoid(likes(requester, receiver));
  }

  /**
   * The grade of {@code candidate} as a match for {@code member}: 3 they connected and stayed in
   * touch, 2 a request sent and accepted, 1 sent but declined, 0 not sent.
   */
  public int matchGrade(LabMember member, LabMember candidate) {
    if (!sends(member, candidate)) {
      return 0;
    }
    if (!accepts(member, candidate)) {
      return 1;
    }
    double bond = Math.min(likes(member, candidate), likes(candidate, member));
    return stream(member.id(), candidate.id(), 4).nextDouble() < sigmoid(bond) ? 3 : 2;
  }

  /**
   * The grade of {@code event} for {@code member}: 3 went, 1 interested, 0 neither.
   *
   * @param contactsGoing how many of the member's contacts go (visible on the site)
   */
  public int eventGrade(LabMember member, LabEvent event, int contactsGoing) {
    HiddenPreferences taste = preferences.of(member);
    double logit = -1.5
        + 3 * taste.affinity(event.clusters())
        + (member.languages().contains(event.language()) ? 1 : -3)
        - 2 * Geo.km(member, event) / taste.maxTravelKm()
        + 1.2 * taste.sociability() * Math.log1p(contactsGoing)
        + noise * stream(member.id(), -event.id(), 5).nextGaussian();
    SplittableRandom draw = stream(member.id(), -event.id(), 6);
    if (draw.nextDouble() < sigmoid(logit)) {
      return 3;
    }
    return draw.nextDouble() < 0.5 * sigmoid(logit + 1) ? 1 : 0;
  }

  private SplittableRandom stream(long a, long b, int kind) {
    return new SplittableRandom(PreferenceModel.mix(PreferenceModel.mix(seed, kind), PreferenceModel.mix(a, b)));
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
