package com.expat.search.query.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Shared-cache keys from normalized requests. The request record is written in a canonical text
 * form (record components in order, sets sorted, optionals explicit) and hashed with SHA-256, so a
 * key is always short (well under memcached's 250 bytes), free of spaces and control characters,
 * and equal for equal requests: {@code <namespace>:<endpoint>:<base64url hash>}. The namespace
 * carries the API version: change it when the answer's shape changes. Stateless.
 */
public final class CacheKeys {
  /** Bump when a cached answer's JSON shape changes. */
  public static final String NAMESPACE = "expat-search:v2";

  private CacheKeys() {}

  public static String of(String endpoint, Object request) {
    return NAMESPACE + ":" + endpoint + ":" + hash(canonical(request));
  }

  /** The canonical text of a request value; equal values give equal texts. */
  static String canonical(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    } else if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
        || value instanceof TemporalAccessor) {
      out.append(value);
    } else if (value instanceof Optional<?> optional) {
      if (optional.isPresent()) {
        write(out, optional.get());
      } else {
        out.append("-");
      }
    } else if (value instanceof Set<?> set) {
      List<String> parts = new ArrayList<>();
      set.forEach(element -> parts.add(canonical(element)));
      parts.sort(null);
      out.append('{').append(String.join(",", parts)).append('}');
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      boolean first = true;
      for (Object element : list) {
        out.append(first ? "" : ",");
        write(out, element);
        first = false;
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      TreeMap<String, String> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(canonical(k), canonical(v)));
      out.append(sorted);
    } else if (value instanceof Record record) {
      out.append(record.getClass().getSimpleName()).append('(');
      var components = record.getClass().getRecordComponents();
      for (int i = 0; i < components.length; i++) {
        out.append(i == 0 ? "" : ",").append(components[i].getName()).append('=');
        try {
          write(out, components[i].getAccessor().invoke(record));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + components[i].getName(), e);
        }
      }
      out.append(')');
    } else {
      out.append(value.getClass().getSimpleName()).append(':').append(value);
    }
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
