package com.expat.search.ranking;

/**
 * One feature's part of a score.
 *
 * @param feature the feature's id, e.g. {@code shared_interests}
 * @param value the feature's value, in [0, 1]
 * @param weight the profile's weight for it
 * @param contribution {@code value × weight}
 */
public record Contribution(String feature, double value, double weight, double contribution) {}
