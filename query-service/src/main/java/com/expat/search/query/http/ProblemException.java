package com.expat.search.query.http;

import com.expat.search.common.ExpatSearchException;
import java.util.List;

/**
 * A failure the caller should see as an RFC 9457 problem with this status. The one Javalin
 * exception handler turns it into {@code application/problem+json}; the message becomes the
 * {@code detail}, so it must say what is wrong without revealing internals.
 */
public class ProblemException extends ExpatSearchException {
  private final int status;
  private final String title;
  private final List<InvalidParam> invalidParams;

  public ProblemException(int status, String title, String detail, List<InvalidParam> invalidParams) {
    super(detail);
    this.status = status;
    this.title = title;
    this.invalidParams = List.copyOf(invalidParams);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<InvalidParam> invalidParams() {
    return invalidParams;
  }

  /** 400 naming each bad parameter. */
  public static ProblemException badRequest(List<InvalidParam> invalidParams) {
    StringBuilder detail = new StringBuilder();
    for (InvalidParam param : invalidParams) {
      detail.append(detail.length() == 0 ? "" : "; ").append(param.name()).append(": ").append(param.reason());
    }
    return new ProblemException(400, "Invalid request parameters", detail.toString(), invalidParams);
  }

  /** 404 for something the path names that does not exist, e.g. an unknown member id. */
  public static ProblemException notFound(String detail) {
    return new ProblemException(404, "Not found", detail, List.of());
  }
}
