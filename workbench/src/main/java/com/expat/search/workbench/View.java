package com.expat.search.workbench;

import com.expat.search.lab.LabQuery;
import com.expat.search.lab.QueryType;
import com.expat.search.ranking.RankingProfiles;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The whole state of the side-by-side page, as its URL carries it:
 * {@code /?endpoint=matches&viewer=ID&a=PROFILE&wa=feature:value&b=PROFILE&wb=...&q=TEXT&filters=city%3D1&size=10}.
 *
 * @param viewer the member the ranking is for (matches, member events) or the viewer of a search; null when none
 * @param q the text of a search; empty when none
 * @param filters more API parameters, as a query string ({@code city=2950159&lang=es}); empty when none
 */
record View(Endpoint endpoint, Long viewer, String q, String filters, int size, Side a, Side b) {
  static final int DEFAULT_SIZE = 10;
  static final int MAX_SIZE = 50;

  View {
    Objects.requireNonNull(endpoint, "endpoint");
    q = q == null ? "" : q.strip();
    filters = filters == null ? "" : filters.strip();
    if (endpoint.needsViewer && viewer == null) {
      throw new BadRequest("viewer: " + endpoint.wireName + " needs the id of the member it is for");
    }
  }

  /**
   * @throws BadRequest naming the first bad parameter
   */
  static View parse(Map<String, List<String>> params, RankingProfiles profiles) {
    Endpoint endpoint = Endpoint.parse(first(params, "endpoint", "matches"));
    String viewerText = first(params, "viewer", "").strip();
    Long viewer = null;
    if (!viewerText.isEmpty()) {
      try {
        viewer = Long.parseLong(viewerText);
      } catch (NumberFormatException e) {
        throw new BadRequest("viewer: '" + viewerText + "' is not a member id");
      }
      if (viewer < 1) {
        throw new BadRequest("viewer: '" + viewerText + "' is not a member id");
      }
    }
    int size;
    try {
      size = Integer.parseInt(first(params, "size", String.valueOf(DEFAULT_SIZE)).strip());
    } catch (NumberFormatException e) {
      throw new BadRequest("size: '" + first(params, "size", "") + "' is not a whole number");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new BadRequest("size: " + size + " is outside 1.." + MAX_SIZE);
    }
    String filters = first(params, "filters", "");
    filterParams(filters);
    return new View(endpoint, viewer, first(params, "q", ""), filters, size,
        Side.parse("a", first(params, "a", ""), first(params, "wa", ""), profiles, endpoint.members),
        Side.parse("b", first(params, "b", ""), first(params, "wb", ""), profiles, endpoint.members));
  }

  /** The view of a judged query, with the sides of a judged-set comparison. */
  static View of(LabQuery query, Side a, Side b) {
    Map<String, String> params = new TreeMap<>(query.params());
    String q = params.remove("q");
    StringBuilder filters = new StringBuilder();
    params.forEach((name, value) -> {
      for (String one : value.split(",")) {
        filters.append(filters.length() == 0 ? "" : "&").append(name).append('=').append(one.strip());
      }
    });
    return new View(Endpoint.of(query.type()), query.memberId(), q, filters.toString(), DEFAULT_SIZE, a, b);
  }

  /** The API parameters both sides share: the text, the filters, the size, explain. */
  Map<String, List<String>> apiParams() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (!q.isEmpty()) {
      params.put("q", List.of(q));
    }
    filterParams(filters).forEach((name, values) -> params.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
    if (viewer != null && !endpoint.needsViewer) {
      params.put("viewer", List.of(String.valueOf(viewer)));
    }
    params.put("size", List.of(String.valueOf(size)));
    params.put("explain", List.of("true"));
    return params;
  }

  /** The judged query this view is, for grading; its id says what it is ({@code matches-12}). */
  LabQuery asQuery(QueryType type) {
    Map<String, String> params = new TreeMap<>();
    filterParams(filters).forEach((name, values) -> params.put(name, String.join(",", values)));
    if (!q.isEmpty()) {
      params.put("q", q);
    }
    StringBuilder id = new StringBuilder(endpoint.wireName);
    if (viewer != null) {
      id.append('-').append(viewer);
    }
    if (!params.isEmpty()) {
      String text = params.toString();
      id.append('-').append(text.replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_|_$", ""));
    }
    return new LabQuery(id.toString(), type, viewer, params, List.of(), List.of(), Map.of());
  }

  /** This view with other sides. */
  View with(Side newA, Side newB) {
    return new View(endpoint, viewer, q, filters, size, newA, newB);
  }

  /** The page's URL for this view, parameters in a fixed order. */
  String url() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("endpoint", endpoint.wireName);
    if (viewer != null) {
      params.put("viewer", String.valueOf(viewer));
    }
    if (!q.isEmpty()) {
      params.put("q", q);
    }
    if (!filters.isEmpty()) {
      params.put("filters", filters);
    }
    Side.putPair(params, a, b);
    if (size != DEFAULT_SIZE) {
      params.put("size", String.valueOf(size));
    }
    return "/?" + query(params);
  }

  static String query(Map<String, String> params) {
    StringBuilder out = new StringBuilder();
    params.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&").append(encode(name)).append('=').append(encode(value)));
    return out.toString();
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** {@code city=1&lang=es&lang=fr} as parameters; blank parts are skipped. */
  static Map<String, List<String>> filterParams(String filters) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (filters == null || filters.isBlank()) {
      return params;
    }
    for (String pair : filters.strip().split("&")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] parts = pair.split("=", 2);
      String name = URLDecoder.decode(parts[0].strip(), StandardCharsets.UTF_8);
      if (parts.length != 2 || name.isEmpty()) {
        throw new BadRequest("filters: '" + pair + "' is not name=value");
      }
      if (List.of("q", "size", "page", "explain", "profile", "weights", "viewer").contains(name)) {
        throw new BadRequest("filters: " + name + " has its own field in the page");
      }
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(URLDecoder.decode(parts[1].strip(), StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String first(Map<String, List<String>> params, String name, String fallback) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() || values.get(0) == null ? fallback : values.get(0);
  }
}
