package com.expat.search.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

/** The API's JSON: snake_case names, ISO-8601 times, UTF-8. Thread-safe. */
public final class Json {
  public static final String CONTENT_TYPE = "application/json; charset=utf-8";

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

  void write(Context ctx, int status, String contentType, Object body) {
    byte[] bytes;
    try {
      bytes = mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
    }
    ctx.status(status).contentType(contentType).result(bytes);
  }
}
