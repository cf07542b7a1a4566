package com.expat.search.ranking;

import com.expat.search.ranking.features.LevelWeights;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The named ranking profiles, loaded from JSON (format: {@code ranking/README.md}) and validated
 * once: every profile resolves its {@code extends} chain and then must name every feature's weight
 * and every scale, with no unknown key anywhere. Immutable and thread-safe.
 */
public final class RankingProfiles {
  /** The classpath resource {@link #load()} reads. */
  public static final String RESOURCE = "/ranking-profiles.json";
  /** The profile used when a request names none; every profile set must have it. */
  public static final String DEFAULT = "default";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  private static final double MS_PER_DAY = 86_400_000d;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Map<String, RankingProfile> profiles;

  private RankingProfiles(Map<String, RankingProfile> profiles) {
    this.profiles = Collections.unmodifiableMap(profiles);
  }

  /**
   * The profiles shipped in the ranking jar ({@value #RESOURCE}).
   *
   * @throws RankingException when the resource is missing or invalid
   */
  public static RankingProfiles load() {
    try (InputStream in = RankingProfiles.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new RankingException("ranking profiles resource " + RESOURCE + " is not on the classpath");
      }
      return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RankingException("cannot read ranking profiles resource " + RESOURCE, e);
    }
  }

  /**
   * Profiles from a file, e.g. to tune without a rebuild.
   *
   * @throws RankingException when the file cannot be read or is invalid; the message names it
   */
  public static RankingProfiles load(Path file) {
    try {
      return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RankingException("cannot read ranking profiles file " + file, e);
    } catch (RankingException e) {
      throw new RankingException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * @throws RankingException when the JSON is malformed or a profile is invalid; the message names
   *     the profile and the feature or parameter
   */
  public static RankingProfiles fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new RankingException("ranking profiles are not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new RankingException("ranking profiles must be a JSON object with \"profiles\"");
    }
    onlyKeys((ObjectNode) root, "the top level", Set.of("profiles", "comment"));
    JsonNode declared = root.get("profiles");
    if (declared == null || !declared.isObject() || declared.isEmpty()) {
      throw new RankingException("ranking profiles must have a non-empty object \"profiles\"");
    }
    Map<String, RankingProfile> result = new TreeMap<>();
    Iterator<String> names = declared.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!NAME.matcher(name).matches()) {
        throw new RankingException("ranking profile name '" + name + "' must match " + NAME.pattern());
      }
      ObjectNode resolved = resolve(declared, name, new LinkedHashSet<>());
      try {
        result.put(name, new ProfileReader(name).read(resolved, declared.get(name)));
      } catch (IllegalArgumentException e) {
        throw new RankingException("ranking profile '" + name + "': " + e.getMessage(), e);
      }
    }
    if (!result.containsKey(DEFAULT)) {
      throw new RankingException("ranking profiles must define '" + DEFAULT + "', found " + result.keySet());
    }
    return new RankingProfiles(result);
  }

  /** The profile named {@code name}; empty for an unknown name (the service answers 400). */
  public Optional<RankingProfile> find(String name) {
    return Optional.ofNullable(profiles.get(name));
  }

  /**
   * @throws RankingException naming {@code name} and the known profiles when there is none such
   */
  public RankingProfile profile(String name) {
    RankingProfile profile = profiles.get(name);
    if (profile == null) {
      throw new RankingException("unknown ranking profile '" + name + "'; known: " + String.join(", ", names()));
    }
    return profile;
  }

  public RankingProfile defaultProfile() {
    return profiles.get(DEFAULT);
  }

  /** Profile names, sorted. */
  public Set<String> names() {
    return profiles.keySet();
  }

  /** The profile's object with its {@code extends} chain merged in, base first. */
  private static ObjectNode resolve(JsonNode declared, String name, Set<String> visiting) {
    JsonNode node = declared.get(name);
    if (node == null) {
      throw new RankingException("ranking profile '" + visiting.iterator().next()
          + "' extends unknown profile '" + name + "'");
    }
    if (!node.isObject()) {
      throw new RankingException("ranking profile '" + name + "' must be a JSON object");
    }
    if (!visiting.add(name)) {
      throw new RankingException("ranking profiles extend each other in a cycle: " + String.join(" -> ", visiting) + " -> " + name);
    }
    JsonNode parent = node.get("extends");
    ObjectNode result;
    if (parent == null) {
      result = JSON.createObjectNode();
    } else if (!parent.isTextual()) {
      throw new RankingException("ranking profile '" + name + "': extends must be a profile name");
    } else {
      result = resolve(declared, parent.asText(), visiting);
    }
    result.remove("extends");
    result.remove("description");
    merge(result, (ObjectNode) node);
    return result;
  }

  private static void merge(ObjectNode into, ObjectNode from) {
    from.properties().forEach(entry -> {
      JsonNode existing = into.get(entry.getKey());
      if (existing instanceof ObjectNode target && entry.getValue() instanceof ObjectNode source) {
        merge(target, source);
      } else {
        into.set(entry.getKey(), entry.getValue().deepCopy());
      }
    });
  }

  private static void onlyKeys(ObjectNode node, String where, Set<String> allowed) {
    List<String> unknown = new ArrayList<>();
    node.fieldNames().forEachRemaining(key -> {
      if (!allowed.contains(key)) {
        unknown.add(key);
      }
    });
    if (!unknown.isEmpty()) {
      throw new RankingException("unknown key " + unknown + " in " + where + "; allowed: " + new TreeSet<>(allowed));
    }
  }

  /** Reads one resolved profile; throws IllegalArgumentException with the path of a bad value. */
  private static final class ProfileReader {
    private final String name;

    ProfileReader(String name) {
      this.name = name;
    }

    RankingProfile read(ObjectNode profile, JsonNode declared) {
      check(profile, "the profile", Set.of("extends", "description", "members", "events", "language_levels", "diversity"));
      ObjectNode members = object(profile, "members", "");
      check(members, "members", Set.of("weights", "distance_scale_km", "activity_half_life_days", "newness_half_life_days"));
      ObjectNode events = object(profile, "events", "");
      check(events, "events", Set.of("weights", "distance_scale_km", "start_half_life_days", "contacts_half",
          "popularity_half", "comfortable_seats"));
      ObjectNode levels = object(profile, "language_levels", "");
      check(levels, "language_levels", Set.of("native", "fluent", "intermediate", "basic"));
      ObjectNode diversity = object(profile, "diversity", "");
      check(diversity, "diversity", Set.of("strength", "pool", "same_origin", "shared_interests"));

      JsonNode description = declared.get("description");
      return new RankingProfile(
          name,
          description == null ? "" : description.asText(),
          new MemberParameters(
              weights(object(members, "weights", "members."), "members.weights", MemberFeature.class, MemberFeature::byId),
              positive(members, "distance_scale_km", "members."),
              days(members, "activity_half_life_days", "members."),
              days(members, "newness_half_life_days", "members.")),
          new EventParameters(
              weights(object(events, "weights", "events."), "events.weights", EventFeature.class, EventFeature::byId),
              positive(events, "distance_scale_km", "events."),
              days(events, "start_half_life_days", "events."),
              positive(events, "contacts_half", "events."),
              positive(events, "popularity_half", "events."),
              positive(events, "comfortable_seats", "events.")),
          new LevelWeights(
              number(levels, "native", "language_levels."),
              number(levels, "fluent", "language_levels."),
              number(levels, "intermediate", "language_levels."),
              number(levels, "basic", "language_levels.")),
          new DiversityParameters(
              number(diversity, "strength", "diversity."),
              (int) integer(diversity, "pool", "diversity."),
              number(diversity, "same_origin", "diversity."),
              number(diversity, "shared_interests", "diversity.")));
    }

    private <F extends Enum<F> & RankingFeature> Map<F, Double> weights(
        ObjectNode node, String path, Class<F> type, Function<String, Optional<F>> byId) {
      Map<F, Double> result = new EnumMap<>(type);
      node.properties().forEach(entry -> {
        F feature = byId.apply(entry.getKey()).orElseThrow(() -> new IllegalArgumentException(
            "unknown feature '" + entry.getKey() + "' in " + path + "; known: " + ids(type)));
        result.put(feature, number(node, entry.getKey(), path + "."));
      });
      for (F feature : type.getEnumConstants()) {
        if (!result.containsKey(feature)) {
          throw new IllegalArgumentException("no weight for feature '" + feature.id() + "' in " + path);
        }
      }
      return result;
    }

    private static <F extends Enum<F> & RankingFeature> String ids(Class<F> type) {
      List<String> ids = new ArrayList<>();
      for (F feature : type.getEnumConstants()) {
        ids.add(feature.id());
      }
      return String.join(", ", ids);
    }

    private static ObjectNode object(ObjectNode parent, String key, String prefix) {
      JsonNode node = parent.get(key);
      if (node == null) {
        throw new IllegalArgumentException(prefix + key + " is missing");
      }
      if (!(node instanceof ObjectNode object)) {
        throw new IllegalArgumentException(prefix + key + " must be an object");
      }
      return object;
    }

    private static double number(ObjectNode parent, String key, String prefix) {
      JsonNode node = parent.get(key);
      if (node == null) {
        throw new IllegalArgumentException(prefix + key + " is missing");
      }
      if (!node.isNumber()) {
        throw new IllegalArgumentException(prefix + key + " must be a number, was " + node);
      }
      double value = node.asDouble();
      if (!Double.isFinite(value) || value < 0) {
        throw new IllegalArgumentException(prefix + key + " must be a number >= 0, was " + node);
      }
      return value;
    }

    private static long integer(ObjectNode parent, String key, String prefix) {
      JsonNode node = parent.get(key);
      if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
        throw new IllegalArgumentException(prefix + key + " must be an integer, was " + node);
      }
      return node.asLong();
    }

    private static double positive(ObjectNode parent, String key, String prefix) {
      double value = number(parent, key, prefix);
      if (value <= 0) {
        throw new IllegalArgumentException(prefix + key + " must be positive, was " + parent.get(key));
      }
      return value;
    }

    private static Duration days(ObjectNode parent, String key, String prefix) {
      double days = positive(parent, key, prefix);
      return Duration.ofMillis(Math.round(days * MS_PER_DAY));
    }

    private void check(ObjectNode node, String where, Set<String> allowed) {
      try {
        onlyKeys(node, where, allowed);
      } catch (RankingException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
    }
  }
}
