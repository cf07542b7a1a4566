package com.expat.search.bench.solr;

import java.util.Objects;

/**
 * One HTTP request the query service made to Solr, as the capture proxy saw it.
 *
 * @param method {@code GET} or {@code POST}
 * @param path path and query string, e.g. {@code /solr/members/select?q=...&wt=javabin}
 * @param contentType of the body, or null without one
 * @param bodyBase64 the request body, Base64, or null without one
 */
public record SolrCall(String method, String path, String contentType, String bodyBase64) {
  public SolrCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
  }

  /** The body's bytes; empty without one. */
  public byte[] body() {
    return bodyBase64 == null ? new byte[0] : java.util.Base64.getDecoder().decode(bodyBase64);
  }
}
