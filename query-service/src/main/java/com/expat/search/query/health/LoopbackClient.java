package com.expat.search.query.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@link Warmup.Client} over HTTP to this service on 127.0.0.1, as a website client asks it. */
final class LoopbackClient implements Warmup.Client {
  /** The longest one warm-up request may take: the service answers within its Solr budget or says 503. */
  private static final Duration REQUEST_LIMIT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final URI base;
  private final ObjectMapper mapper;
  private final Duration timeout;

  LoopbackClient(int port, ObjectMapper mapper, Duration timeLimit) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    this.base = URI.create("http://127.0.0.1:" + port);
    this.mapper = mapper;
    this.timeout = timeLimit.compareTo(REQUEST_LIMIT) < 0 ? timeLimit : REQUEST_LIMIT;
  }

  @Override
  public Warmup.Reply get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("X-Request-Id", "warm-up").GET().build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    JsonNode body = MissingNode.getInstance();
    if (response.statusCode() == 200) {
      body = mapper.readTree(response.body());
    }
    return new Warmup.Reply(response.statusCode(), body);
  }
}
