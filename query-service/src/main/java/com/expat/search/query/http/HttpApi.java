package com.expat.search.query.http;

import com.expat.search.query.solr.Decimals;
import com.expat.search.query.solr.IndexUnavailableException;
import com.expat.search.query.solr.RequestBudget;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin app: the features' routes plus what every response shares: {@code X-Request-Id},
 * {@code X-Cache}, one access-log line, and the one exception handler that maps failures to
 * RFC 9457 problems (never a stack trace).
 *
 * <p>{@code stop()} drains: from its first moment every new request, even on a connection opened
 * before, is a 503 problem with {@code Retry-After}, and every response closes its connection;
 * Jetty stops accepting connections and waits up to the drain limit for those still open, that is
 * for the requests in flight, before it closes them.
 */
public final class HttpApi {
  private static final AccessLog ACCESS = AccessLog.create();
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final int MAX_REQUEST_HEADER_BYTES = 64 * 1024;
  /** Deflate's fastest level; see {@link #create}. */
  private static final int GZIP_LEVEL = 1;

  private HttpApi() {}

  /** Told about every request once its response is written. */
  @FunctionalInterface
  public interface RequestObserver {
    RequestObserver NONE = (method, route, status, cache, elapsed) -> {};

    /**
     * @param route the matched path template, or {@code unmatched}
     */
    void observe(String method, String route, int status, String cache, Duration elapsed);
  }

  /**
   * An app not yet started ({@code Javalin.start(host, port)} it and {@code stop()} it), telling
   * {@code observer} about every request, with {@code stop()} waiting up to {@code drain} for the
   * requests in flight, and every request's Solr calls kept to {@code budget} from its arrival.
   */
  public static Javalin create(Json json, List<Routes> features, RequestObserver observer, Duration drain,
      RequestBudget budget) {
    AtomicBoolean stopping = new AtomicBoolean();
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.startup.showOldJavalinVersionWarning = false;
          config.jetty.modifyServer(server -> server.setStopTimeout(drain.toMillis()));
          // Javalin copies each result into Jetty through a fresh buffer of this size (default:
          // Jetty's 32 kB output buffer): 43 % of all allocation under L1 hits by JFR. Jetty still
          // aggregates up to 32 kB, so answers keep their Content-Length.
          config.http.responseBufferSize = 4_096;
          // An answer is gzipped when the client asks (Accept-Encoding: gzip), at level 1 rather than
          // Javalin's 6: gzipping a member search's answer cost the service ~0.08 ms of CPU at level 6,
          // a quarter of its whole hop, and ~0.03 ms at level 1, for answers 12 % larger
          // (docs/benchmarks.md, "Gzip at level 1").
          config.http.compressionStrategy = new CompressionStrategy(null, new Gzip(GZIP_LEVEL));
          config.events.serverStopping(() -> stopping.set(true));
          // Long query strings reach validation and get a 400 that names the parameter.
          config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
          config.requestLogger.http((ctx, millis) -> logAccess(ctx, millis, observer));
          config.routes.before(
              ctx -> {
                budget.start();
                RequestIds.assign(ctx);
                CacheHeader.set(ctx, false);
                if (stopping.get()) {
                  throw new ProblemException(503, "Shutting down",
                      "This instance is shutting down; try again shortly.", List.of());
                }
              });
          // Lets Jetty's drain end with the last request in flight rather than idle connections.
          config.routes.after(ctx -> {
            budget.end();
            if (stopping.get()) {
              ctx.header(Header.CONNECTION, "close");
            }
          });
          features.forEach(feature -> feature.addTo(config.routes));
          config.routes.exception(Exception.class, (e, ctx) -> handle(json, e, ctx));
          // Javalin answers unmatched paths and methods itself; make those problems too.
          config.routes.error(404, ctx -> unmatched(json, ctx, 404, "Not found"));
          config.routes.error(405, ctx -> unmatched(json, ctx, 405, "Method not allowed"));
        });
  }

  private static void handle(Json json, Exception e, Context ctx) {
    if (ctx.attribute(RequestIds.HEADER) == null) {
      RequestIds.assign(ctx);
    }
    if (ctx.res().getHeader(CacheHeader.NAME) == null) {
      CacheHeader.set(ctx, false);
    }
    if (e instanceof ProblemException problem) {
      if (problem.status() == 503) {
        ctx.header("Retry-After", "1");
      }
      writeProblem(json, ctx, problem.status(), problem.title(), problem.getMessage(), problem.invalidParams());
    } else if (e instanceof IndexUnavailableException) {
      LOG.warn("request {}: {}", RequestIds.of(ctx), e.getMessage());
      ctx.header("Retry-After", "1");
      writeProblem(json, ctx, 503, "Index unavailable", "The search index is unavailable; try again shortly.", List.of());
    } else if (e instanceof HttpResponseException response) {
      int status = response.getStatus();
      String title = status == 404 ? "Not found" : status == 405 ? "Method not allowed" : "Request failed";
      String detail = status == 404 ? "No endpoint at " + ctx.method() + " " + ctx.path() : title;
      writeProblem(json, ctx, status, title, detail, List.of());
    } else {
      LOG.error("request {} {} {} failed", RequestIds.of(ctx), ctx.method(), ctx.path(), e);
      writeProblem(json, ctx, 500, "Internal error",
          "The request could not be answered; request id " + RequestIds.of(ctx), List.of());
    }
  }

  private static void unmatched(Json json, Context ctx, int status, String title) {
    String type = ctx.res().getContentType();
    if (type != null && type.startsWith(Problem.CONTENT_TYPE)) {
      return; // already a problem, e.g. an unknown member
    }
    writeProblem(json, ctx, status, title, "No endpoint at " + ctx.method() + " " + ctx.path(), List.of());
  }

  private static void writeProblem(
      Json json, Context ctx, int status, String title, String detail, List<InvalidParam> params) {
    json.write(ctx, status, Problem.CONTENT_TYPE,
        Problem.of(status, title, detail, ctx.path(), params));
  }

  private static void logAccess(Context ctx, Float millis, RequestObserver observer) {
    String cache = ctx.res().getHeader(CacheHeader.NAME);
    String tier = ctx.res().getHeader(CacheHeader.TIER);
    try {
      // hit by tier (l1, l2) so that the histogram separates in-process and shared hits
      String served = !"hit".equals(cache) ? "miss" : "l1".equals(tier) || "l2".equals(tier) ? tier : "hit";
      observer.observe(ctx.method().name(), route(ctx), ctx.statusCode(), served,
          Duration.ofNanos((long) (millis * 1_000_000L)));
    } catch (RuntimeException e) {
      LOG.warn("recording metrics of a request failed", e);
    }
    ACCESS.write(
        ctx.method().name(),
        ctx.path(),
        ctx.statusCode(),
        oneDecimal(millis),
        cache == null ? "miss" : cache,
        RequestIds.of(ctx));
  }

  /** {@code value} as {@code String.format(Locale.ROOT, "%.1f", value)} writes it ({@link Decimals}). */
  static String oneDecimal(float value) {
    return Decimals.fixed(value, 1);
  }

  private static String route(Context ctx) {
    try {
      io.javalin.router.Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
      return endpoint == null ? "unmatched" : endpoint.path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }
}
