package com.expat.search.query.ranking;

import com.expat.search.query.http.QueryParams;
import com.expat.search.ranking.EventFeature;
import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.RankingFeature;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code weights} parameter of the ranked endpoints: {@code feature:value,feature:value}, a
 * feature named as in the profile JSON, a value a plain decimal number in [{@link #MIN}, {@link
 * #MAX}], each feature at most once. Accepted only where the service runs with {@code
 * RANKING_OVERRIDES=on}; otherwise, and for any bad pair, the request is rejected naming {@value
 * #NAME}. Stateless.
 */
public final class WeightsParam {
  public static final String NAME = "weights";
  public static final double MIN = 0;
  public static final double MAX = 100;

  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,12})?|\\.[0-9]{1,12}");

  /** Which features a ranked endpoint weighs. */
  public enum Features {
    MEMBERS(MemberFeature.values()),
    EVENTS(EventFeature.values());

    private final List<String> ids;

    Features(RankingFeature[] features) {
      this.ids = Arrays.stream(features).map(RankingFeature::id).sorted().toList();
    }

    /** The feature ids, sorted. */
    public List<String> ids() {
      return ids;
    }
  }

  private WeightsParam() {}

  /**
   * The custom weights of the request, {@link CustomWeights#NONE} when it gives none; a problem is
   * rejected on {@code params} under {@value #NAME} (read on, so one 400 names every parameter).
   *
   * @param allowed whether the service accepts custom weights ({@code RANKING_OVERRIDES=on})
   */
  public static CustomWeights read(QueryParams params, Features features, boolean allowed) {
    Optional<String> raw = params.string(NAME);
    if (raw.isEmpty()) {
      return CustomWeights.NONE;
    }
    if (!allowed) {
      params.reject(NAME, "custom weights are not accepted by this service (RANKING_OVERRIDES is off)");
      return CustomWeights.NONE;
    }
    TreeMap<String, Double> weights = new TreeMap<>();
    for (String pair : raw.get().split(",", -1)) {
      Optional<String> problem = add(weights, pair.strip(), features);
      if (problem.isPresent()) {
        params.reject(NAME, problem.get());
        return CustomWeights.NONE;
      }
    }
    return new CustomWeights(weights);
  }

  private static Optional<String> add(TreeMap<String, Double> weights, String pair, Features features) {
    int colon = pair.indexOf(':');
    if (colon < 0) {
      return Optional.of("must be feature:value pairs separated by commas, was '" + QueryParams.shorten(pair) + "'");
    }
    String feature = pair.substring(0, colon).strip();
    String value = pair.substring(colon + 1).strip();
    if (!features.ids().contains(feature)) {
      return Optional.of("unknown feature '" + QueryParams.shorten(feature) + "'; known: " + String.join(", ", features.ids()));
    }
    double weight = NUMBER.matcher(value).matches() ? Double.parseDouble(value) : Double.NaN;
    if (!(weight >= MIN && weight <= MAX)) {
      return Optional.of("the weight of " + feature + " must be a number from 0 to 100, was '" + QueryParams.shorten(value) + "'");
    }
    if (weights.put(feature, weight) != null) {
      return Optional.of("names " + feature + " more than once");
    }
    return Optional.empty();
  }
}
