package com.expat.search.workbench;

import com.expat.search.ranking.EventFeature;
import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.RankingProfiles;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * One side of a comparison: a named profile, and custom weights on top of it that reach the query
 * service as {@code weights=feature:value,...} (accepted only with {@code RANKING_OVERRIDES=on}).
 *
 * @param weights feature name to weight, in [0, 100]; empty for the profile as it is
 */
record Side(String profile, Map<String, Double> weights) {
  static final double MAX_WEIGHT = 100;

  Side {
    Objects.requireNonNull(profile, "profile");
    weights = java.util.Collections.unmodifiableMap(new TreeMap<>(weights));
  }

  /** The {@code weights=} value, e.g. {@code distance:3,text:1}; empty when there are none. */
  /** Writes sides {@code a} and {@code b} into a page's URL parameters: profiles, then weights if custom. */
  static void putPair(Map<String, String> params, Side a, Side b) {
    params.put("a", a.profile());
    if (!a.weights().isEmpty()) {
      params.put("wa", a.weightsParam());
    }
    params.put("b", b.profile());
    if (!b.weights().isEmpty()) {
      params.put("wb", b.weightsParam());
    }
  }

  String weightsParam() {
    StringJoiner joined = new StringJoiner(",");
    weights.forEach((feature, value) -> joined.add(feature + ":" + number(value)));
    return joined.toString();
  }

  /** The API parameters of this side. */
  Map<String, String> apiParams() {
    Map<String, String> params = new TreeMap<>();
    params.put("profile", profile);
    if (!weights.isEmpty()) {
      params.put("weights", weightsParam());
    }
    return params;
  }

  /** A short name for tables and headers: {@code default} or {@code default+distance:3}. */
  String label() {
    return weights.isEmpty() ? profile : profile + "+" + weightsParam();
  }

  /** The base weights of {@code profile} for the endpoint's features, in the model's order. */
  static Map<String, Double> baseWeights(RankingProfile profile, boolean members) {
    Map<String, Double> base = new LinkedHashMap<>();
    if (members) {
      for (MemberFeature feature : MemberFeature.values()) {
        base.put(feature.id(), profile.members().weight(feature));
      }
    } else {
      for (EventFeature feature : EventFeature.values()) {
        base.put(feature.id(), profile.events().weight(feature));
      }
    }
    return base;
  }

  /**
   * Parses {@code profile} and a {@code weights} value.
   *
   * @param which {@code a} or {@code b}, for messages
   * @throws BadRequest naming the parameter, the profile or the feature that is wrong
   */
  static Side parse(String which, String profile, String weights, RankingProfiles profiles, boolean members) {
    String name = profile == null || profile.isBlank() ? RankingProfiles.DEFAULT : profile.strip();
    RankingProfile found = profiles.find(name).orElseThrow(() -> new BadRequest(
        which + "=" + name + " is not a profile; known: " + String.join(", ", new java.util.TreeSet<>(profiles.names()))));
    Map<String, Double> base = baseWeights(found, members);
    Map<String, Double> parsed = new TreeMap<>();
    if (weights != null && !weights.isBlank()) {
      for (String pair : weights.split(",")) {
        String[] parts = pair.strip().split(":", 2);
        if (parts.length != 2 || !base.containsKey(parts[0].strip())) {
          throw new BadRequest("w" + which + ": '" + pair.strip() + "' is not feature:value with a feature of "
              + (members ? "members" : "events") + " (" + String.join(", ", base.keySet()) + ")");
        }
        parsed.put(parts[0].strip(), weight("w" + which, parts[0].strip(), parts[1].strip()));
      }
    }
    return new Side(name, parsed);
  }

  /** A weight typed into the page's form, checked like the service checks it. */
  static double weight(String param, String feature, String text) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new BadRequest(param + ": the weight of " + feature + ", '" + text + "', is not a number");
    }
    if (!Double.isFinite(value) || value < 0 || value > MAX_WEIGHT) {
      throw new BadRequest(param + ": the weight of " + feature + " is " + text + ", expected 0..100");
    }
    return value;
  }

  static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e9 ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%s", value);
  }
}
