package com.expat.search.bench.lab.sim;

import java.util.SplittableRandom;

/**
 * Draws each member's {@link HiddenPreferences} from the lab's seed and the member id alone, plus
 * the interests the member declared: a real person's taste agrees with what they put on their
 * profile, but only in part. Half of the taste is the declared clusters, half a latent random
 * draw the profile does not show; openness, travel distance and sociability are latent entirely.
 * No ranking feature, score or weight is read, so no ranker can reach the preferences except by
 * what a real member would reveal. Deterministic; thread-safe.
 */
public final class PreferenceModel {
  static final long SALT = 0x7072656673L;
  private final long seed;
  private final double declaredShare;

  /** @param declaredShare how much of the taste follows the declared interests (0..1, default 0.5) */
  public PreferenceModel(long seed, double declaredShare) {
    if (!(declaredShare >= 0 && declaredShare <= 1)) {
      throw new IllegalArgumentException("declaredShare = " + declaredShare + ", expected 0..1");
    }
    this.seed = seed;
    this.declaredShare = declaredShare;
  }

  public HiddenPreferences of(LabMember member) {
    SplittableRandom random = new SplittableRandom(mix(seed ^ SALT, member.id()));
    int clusters = member.clusters().length;
    double[] latent = new double[clusters];
    double latentSum = 0;
    for (int i = 0; i < clusters; i++) {
      // Gamma(0.5)-like draws make a sparse Dirichlet: a few clusters dominate each latent taste.
      double u = random.nextDouble();
      latent[i] = Math.pow(u, 2.0);
      latentSum += latent[i];
    }
    double declaredSum = 0;
    for (double c : member.clusters()) {
      declaredSum += c;
    }
    double[] taste = new double[clusters];
    for (int i = 0; i < clusters; i++) {
      double declared = declaredSum == 0 ? 0 : member.clusters()[i] / declaredSum;
      double hidden = latentSum == 0 ? 0 : latent[i] / latentSum;
      taste[i] = declaredSum == 0 ? hidden : declaredShare * declared + (1 - declaredShare) * hidden;
    }
    double openness = random.nextDouble();
    double maxTravelKm = Math.max(2, Math.min(300, Math.exp(Math.log(25) + 0.8 * random.nextGaussian())));
    double sociability = random.nextDouble();
    return new HiddenPreferences(taste, openness, maxTravelKm, sociability);
  }

  /** A 64-bit mix of two values (SplitMix64 finalizer). */
  static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
