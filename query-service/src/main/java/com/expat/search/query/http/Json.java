package com.expat.search.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

/** The API's JSON: snake_case names, ISO-8601 times, UTF-8. Thread-safe. */
public final class Json {
  public static final String CONTENT_TYPE = "application/json; charset=utf-8";

  /**
   * Encoded answers by identity: a cached page is an immutable record served again and again, so
   * it is encoded once. Weak keys (Caffeine compares them by identity) let an entry go with the
   * page once the response cache drops it; the size bound caps the bytes held (~8 kB a page).
   */
  private final Cache<Object, byte[]> encoded = Caffeine.newBuilder().weakKeys().maximumSize(4_096).build();

  private final ObjectMapper mapper;

  public Json() {
    this.mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** Writes {@code body} as the response with {@code status}. */
  public void write(Context ctx, int status, Object body) {
    write(ctx, status, CONTENT_TYPE, body);
  }

  /**
   * Writes {@code answer}, an immutable value, as a 200 response. When it came from a cache
   * ({@code cached}), the same instance is likely written again, so its encoding is kept and
   * reused for as long as the instance lives; a freshly computed answer is encoded and forgotten.
   * Before this, an L1 hit re-encoded its page each time: ~24 µs and tens of kB of garbage per
   * hit, whose young collections were the suspected tail of L1 hits under load
   * (docs/benchmarks.md).
   */
  public void writeAnswer(Context ctx, Object answer, boolean cached) {
    byte[] bytes = cached ? encoded.get(answer, this::encode) : encode(answer);
    ctx.status(200).contentType(CONTENT_TYPE).result(bytes);
  }

  void write(Context ctx, int status, String contentType, Object body) {
    ctx.status(status).contentType(contentType).result(encode(body));
  }

  private byte[] encode(Object body) {
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
