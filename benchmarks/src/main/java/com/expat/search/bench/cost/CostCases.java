package com.expat.search.bench.cost;

import com.expat.search.bench.load.LoadRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which requests {@code bench cost} asks, drawn from a query mix (see {@code bench mix}): the
 * distinct viewers of its matches requests, and its distinct member searches with text, reduced
 * to their text, city and viewer (first page, relevance order, no facets), so that both sides of
 * the comparison do the same job. Stateless.
 */
public final class CostCases {
  private static final Pattern MATCHES = Pattern.compile("^/v1/members/(\\d+)/matches(?:\\?.*)?$");

  private CostCases() {}

  /** A member search with text, as {@code bench cost} asks it. */
  public record TextSearch(String q, OptionalLong city, OptionalLong viewer) {
    public TextSearch {
      Objects.requireNonNull(q, "q");
      if (q.isBlank()) {
        throw new IllegalArgumentException("a text search needs text");
      }
    }

    /** The API request: {@code /v1/members/search?q=...[&city=...][&viewer=...]}. */
    public String path() {
      StringBuilder path = new StringBuilder("/v1/members/search?q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
      city.ifPresent(id -> path.append("&city=").append(id));
      viewer.ifPresent(id -> path.append("&viewer=").append(id));
      return path.toString();
    }
  }

  /** The member ids of the mix's matches requests, each once, in the mix's order. */
  public static List<Long> matchesViewers(List<LoadRequest> mix) {
    LinkedHashSet<Long> viewers = new LinkedHashSet<>();
    for (LoadRequest request : mix) {
      Matcher matcher = MATCHES.matcher(request.path());
      if (request.endpoint().equals("matches") && matcher.matches()) {
        viewers.add(Long.parseLong(matcher.group(1)));
      }
    }
    return List.copyOf(viewers);
  }

  /** The mix's member searches with text, reduced to text, city and viewer, each once, in order. */
  public static List<TextSearch> textSearches(List<LoadRequest> mix) {
    LinkedHashSet<TextSearch> searches = new LinkedHashSet<>();
    for (LoadRequest request : mix) {
      if (!request.endpoint().equals("member_search")) {
        continue;
      }
      Map<String, String> params = firstValues(request.path());
      String q = params.getOrDefault("q", "").strip();
      if (q.isEmpty()) {
        continue;
      }
      searches.add(new TextSearch(q, number(params.get("city")), number(params.get("viewer"))));
    }
    return List.copyOf(searches);
  }

  /** The first value of each query parameter of {@code path}, decoded. */
  static Map<String, String> firstValues(String path) {
    Map<String, String> values = new LinkedHashMap<>();
    String query = URI.create(path).getRawQuery();
    if (query == null) {
      return values;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      values.putIfAbsent(name, value);
    }
    return values;
  }

  /** The {@code radius_km} of an API path, when it has one. */
  public static java.util.OptionalDouble radiusKm(String path) {
    String radius = firstValues(path).get("radius_km");
    return radius == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(Double.parseDouble(radius));
  }

  private static OptionalLong number(String text) {
    if (text == null || text.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The first {@code count} of {@code items} after skipping {@code skip}; fewer when there are not enough. */
  static <T> List<T> slice(List<T> items, int skip, int count) {
    int from = Math.min(skip, items.size());
    return new ArrayList<>(items.subList(from, Math.min(items.size(), from + count)));
  }
}
