package com.expat.search.query.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Shared-cache entries as bytes: a format byte, a flags byte (1: gzip), the time the answer's
 * computation started (epoch ms), then the answer's JSON, gzipped above {@value #GZIP_ABOVE}
 * bytes. Unreadable bytes decode to nothing (a miss), never to an error. Thread-safe.
 */
final class EntryCodec<V> {
  static final int GZIP_ABOVE = 2_048;
  private static final byte FORMAT = 1;
  private static final byte GZIP = 1;

  private final ObjectMapper mapper;
  private final Class<V> type;

  EntryCodec(ObjectMapper mapper, Class<V> type) {
    this.mapper = mapper;
    this.type = type;
  }

  byte[] encode(Stamped<V> entry) {
    try {
      byte[] json = mapper.writeValueAsBytes(entry.value());
      boolean gzip = json.length > GZIP_ABOVE;
      byte[] body = gzip ? gzip(json) : json;
      return ByteBuffer.allocate(10 + body.length)
          .put(FORMAT).put(gzip ? GZIP : 0).putLong(entry.computedAt()).put(body).array();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a " + type.getSimpleName(), e);
    }
  }

  /** The entry, or null when the bytes are not one this codec wrote. */
  Stamped<V> decode(byte[] bytes) {
    if (bytes == null || bytes.length < 10 || bytes[0] != FORMAT) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    buffer.get();
    boolean gzip = buffer.get() == GZIP;
    long computedAt = buffer.getLong();
    try {
      byte[] body = new byte[buffer.remaining()];
      buffer.get(body);
      return new Stamped<>(mapper.readValue(gzip ? gunzip(body) : body, type), computedAt);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] data) throws IOException {
    try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(data))) {
      return zip.readAllBytes();
    }
  }
}
