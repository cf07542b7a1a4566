package com.expat.search.query.it;

import com.expat.search.query.ranking.CustomWeights;
import java.util.List;
import java.util.TreeMap;

/** The ITs' request parameters ({@code name, value, name, value, ...}) read back as the service reads them. */
final class RequestParams {
  private RequestParams() {}

  /** The value of {@code name}, or {@code otherwise} when the request does not set it. */
  static String get(List<String> params, String name, String otherwise) {
    for (int i = 0; i + 1 < params.size(); i += 2) {
      if (params.get(i).equals(name)) {
        return params.get(i + 1);
      }
    }
    return otherwise;
  }

  /** The request's {@code weights=feature:value,...}; none when it sets none. */
  static CustomWeights weights(List<String> params) {
    String weights = get(params, "weights", null);
    TreeMap<String, Double> byFeature = new TreeMap<>();
    if (weights != null) {
      for (String pair : weights.split(",")) {
        byFeature.put(pair.split(":")[0], Double.parseDouble(pair.split(":")[1]));
      }
    }
    return new CustomWeights(byFeature);
  }
}
