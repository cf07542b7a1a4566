package com.expat.search.bench.load;

import java.util.Objects;

/**
 * One request of a query mix: the endpoint it exercises (a short name used to group results, e.g.
 * {@code member_search}) and the path with its query string, already URL-encoded, relative to
 * the service's base URL ({@code /v1/members/search?q=chef&city=2950159}).
 */
public record LoadRequest(String endpoint, String path) {
  public LoadRequest {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', was " + path);
    }
  }
}
