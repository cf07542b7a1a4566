package com.expat.search.common.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed reads of configuration variables, checked once at start-up. Every failure names the
 * variable and the offending value, so that a mistyped deployment fails at once and clearly.
 *
 * <p>Blank values count as unset. Instances are immutable and thread-safe.
 */
public final class Env {
  private final Map<String, String> variables;

  private Env(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  /** The process environment. */
  public static Env system() {
    return new Env(System.getenv());
  }

  /** Explicit variables, for tests and for configuration that does not come from the process. */
  public static Env of(Map<String, String> variables) {
    return new Env(Objects.requireNonNull(variables, "variables"));
  }

  public Optional<String> optional(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public String string(String name, String defaultValue) {
    return optional(name).orElse(defaultValue);
  }

  public int integer(String name, int defaultValue, int min, int max) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    int value;
    try {
      value = Integer.parseInt(raw.get());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + "=" + raw.get() + " is not a whole number");
    }
    if (value < min || value > max) {
      throw new ConfigException(name + "=" + value + " is outside " + min + ".." + max);
    }
    return value;
  }

  public Path path(String name, Path defaultValue) {
    return optional(name).map(Path::of).orElse(defaultValue);
  }

  /** A URI with one of the given schemes, e.g. {@code uri("SOLR_URL", "http", "https")}. */
  public Optional<URI> uri(String name, String... schemes) {
    Optional<String> raw = optional(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = URI.create(raw.get());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name + "=" + raw.get() + " is not a URI: " + e.getMessage());
    }
    for (String scheme : schemes) {
      if (scheme.equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    }
    throw new ConfigException(
        name + "=" + raw.get() + " must be a " + String.join(" or ", schemes) + " URI with a host");
  }
}
