package com.expat.search.bench.lab.sim;

/**
 * What a simulated member wants but never tells the site: lives only in the lab.
 *
 * @param taste weight per interest cluster, summing to 1
 * @param openness 0..1: how willing to connect with people of another nationality
 * @param maxTravelKm how far they will go to meet someone or attend an event (soft limit)
 * @param sociability 0..1: how much friends attending draws them to an event
 */
public record HiddenPreferences(double[] taste, double openness, double maxTravelKm, double sociability) {
  public HiddenPreferences {
    taste = taste.clone();
  }

  /** Taste towards a profile's or event's cluster shares: 0..1. */
  public double affinity(double[] clusters) {
    double sum = 0;
    for (int i = 0; i < Math.min(taste.length, clusters.length); i++) {
      sum += taste[i] * clusters[i];
    }
    double norm = 0;
    for (double t : taste) {
      norm = Math.max(norm, t);
    }
    return norm == 0 ? 0 : sum / norm;
  }
}
