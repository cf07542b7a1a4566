package com.expat.search.query.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem document, written as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(
    String type, String title, int status, String detail, String instance, List<InvalidParam> invalidParams) {

  static final String CONTENT_TYPE = "application/problem+json";

  static Problem of(int status, String title, String detail, String path, List<InvalidParam> params) {
    return new Problem(typeOf(status), title, status, detail, path, params);
  }

  private static String typeOf(int status) {
    return switch (status) {
      case 400 -> "https://expat-search/problems/invalid-parameters";
      case 404 -> "https://expat-search/problems/not-found";
      case 503 -> "https://expat-search/problems/index-unavailable";
      default -> "about:blank";
    };
  }
}
