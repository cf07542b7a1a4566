package com.expat.search.bench.solr;

import java.util.List;
import java.util.Objects;

/**
 * The Solr calls one API request of a mix caused, in the order the service made them: replaying
 * them one after the other is that request "with the query service taken out".
 *
 * @param endpoint the API endpoint of the original request (e.g. {@code matches})
 * @param apiPath the API request that caused them
 */
public record CapturedRequest(String endpoint, String apiPath, List<SolrCall> calls) {
  public CapturedRequest {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(apiPath, "apiPath");
    calls = List.copyOf(calls);
  }
}
