package com.expat.search.query.cache;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
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
 * carries the API version: change it when the answer's shape changes. Thread-safe.
 *
 * <p>On the hot path of every L1 miss: each record class's components are looked up once and
 * read through method handles afterwards, and the digest is cloned from a prototype rather than
 * looked up among the security providers (see {@code CacheKeyBenchmark}).
 */
public final class CacheKeys {
  /** Bump when a cached answer's JSON shape or a request's canonical text changes (v3: custom weights; v4: locale, words in the asker's language). */
  public static final String NAMESPACE = "expat-search:v4";

  private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
    @Override
    protected Component[] computeValue(Class<?> type) {
      return components(type);
    }
  };
  private static final MessageDigest SHA_256 = sha256();

  private CacheKeys() {}

  public static String of(String endpoint, Object request) {
    return NAMESPACE + ":" + endpoint + ":" + hash(canonical(request));
  }

  /** The canonical text of a request value; equal values give equal texts. */
  static String canonical(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      writeString(out, text);
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
      writeSet(out, set);
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
      writeRecord(out, record);
    } else {
      out.append(value.getClass().getSimpleName()).append(':').append(value);
    }
  }

  /** Quoted, with backslash and quote escaped. */
  private static void writeString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '"') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('"');
  }

  /** Elements by their canonical texts, sorted: a set's iteration order is no part of it. */
  private static void writeSet(StringBuilder out, Set<?> set) {
    out.append('{');
    if (set.size() == 1) {
      write(out, set.iterator().next());
    } else if (!set.isEmpty()) {
      List<String> parts = new ArrayList<>(set.size());
      set.forEach(element -> parts.add(canonical(element)));
      parts.sort(null);
      out.append(String.join(",", parts));
    }
    out.append('}');
  }

  private static void writeRecord(StringBuilder out, Record record) {
    Component[] components = COMPONENTS.get(record.getClass());
    out.append(record.getClass().getSimpleName()).append('(');
    for (int i = 0; i < components.length; i++) {
      out.append(i == 0 ? "" : ",").append(components[i].name()).append('=');
      write(out, components[i].read(record));
    }
    out.append(')');
  }

  private static Component[] components(Class<?> type) {
    RecordComponent[] declared = type.getRecordComponents();
    Component[] components = new Component[declared.length];
    MethodType getter = MethodType.methodType(Object.class, Object.class);
    for (int i = 0; i < declared.length; i++) {
      Method accessor = declared[i].getAccessor();
      try {
        // Request records nested in non-public types are readable too.
        accessor.setAccessible(true);
        components[i] = new Component(declared[i].getName(), MethodHandles.lookup().unreflect(accessor).asType(getter));
      } catch (IllegalAccessException | RuntimeException e) {
        throw new IllegalStateException("cannot read " + type.getName() + "." + declared[i].getName(), e);
      }
    }
    return components;
  }

  /** One record component, read without reflection's per-call cost. */
  private record Component(String name, MethodHandle accessor) {
    Object read(Record record) {
      try {
        return (Object) accessor.invokeExact((Object) record);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read " + name, e);
      }
    }
  }

  private static String hash(String text) {
    MessageDigest digest;
    try {
      digest = (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      digest = sha256();
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
