package com.expat.search.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Sends {@link LoadRequest}s to a base URL on loopback with {@link HttpClient} (HTTP/1.1,
 * asynchronous), reading each body in full and discarding it, and classifying the answer's cache
 * tier from {@code X-Cache} / {@code X-Cache-Tier}. Thread-safe.
 */
public final class HttpTransport implements Transport {
  private final HttpClient client;
  private final URI base;
  private final Duration timeout;
  private final Map<String, String> headers;

  /**
   * @param base checked with {@link Loopback#require}
   * @param headers sent with every request (e.g. {@code Cache-Control: no-cache})
   */
  public HttpTransport(String base, Duration timeout, Map<String, String> headers, Executor executor) {
    this.base = Loopback.require(base);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.headers = Map.copyOf(headers);
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(executor)
            .build();
  }

  @Override
  public CompletableFuture<Reply> send(LoadRequest request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + request.path())).timeout(timeout).GET();
    headers.forEach(builder::header);
    return client
        .sendAsync(builder.build(), HttpResponse.BodyHandlers.discarding())
        .thenApply(response -> new Reply(
            response.statusCode(),
            Reply.tier(
                response.headers().firstValue("X-Cache").orElse(null),
                response.headers().firstValue("X-Cache-Tier").orElse(null))));
  }
}
