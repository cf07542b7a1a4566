package com.expat.search.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rated Ranking Evaluator's {@code ratings.json}: {@code index}, {@code id_field},
 * {@code topics[].query_groups[]} each with {@code name}, {@code queries[]} ({@code template} and
 * {@code placeholders}) and {@code relevant_documents}. One topic per query type (its
 * {@code description} is the type), one query group per judged query (its {@code name} is the
 * query id), one query whose template is {@code <type>.json} and whose placeholders are
 * {@code $member_id} and the query's params as {@code $<name>}.
 *
 * <p>Export writes {@code relevant_documents} grouped by gain: {@code {"3": ["12", "40"], "1": ["7"]}}.
 * Import reads that and RRE's per-document form too, {@code {"12": {"gain": 3}}} (or
 * {@code "rating"}). Stateless.
 */
public final class RreRatings {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RreRatings() {}

  public static String write(JudgmentSet set) {
    ObjectNode root = MAPPER.createObjectNode();
    boolean onlyEvents = !set.queries().isEmpty() && set.queries().stream().allMatch(q -> q.type() == QueryType.MEMBER_EVENTS);
    boolean anyEvents = set.queries().stream().anyMatch(q -> q.type() == QueryType.MEMBER_EVENTS);
    root.put("index", onlyEvents ? "events" : anyEvents ? "members,events" : "members");
    root.put("id_field", "id");
    ArrayNode topics = root.putArray("topics");
    Map<QueryType, ArrayNode> groupsByType = new LinkedHashMap<>();
    for (LabQuery query : set.queries()) {
      ArrayNode groups = groupsByType.computeIfAbsent(query.type(), type -> {
        ObjectNode topic = topics.addObject();
        topic.put("description", type.wireName());
        return topic.putArray("query_groups");
      });
      ObjectNode group = groups.addObject();
      group.put("name", query.id());
      if (!query.segments().isEmpty()) {
        group.put("description", String.join(",", query.segments()));
      }
      ObjectNode rreQuery = group.putArray("queries").addObject();
      rreQuery.put("template", query.type().wireName() + ".json");
      ObjectNode placeholders = rreQuery.putObject("placeholders");
      if (query.memberId() != null) {
        placeholders.put("$member_id", String.valueOf(query.memberId()));
      }
      query.params().forEach((name, value) -> placeholders.put("$" + name, value));
      ObjectNode relevant = group.putObject("relevant_documents");
      Map<Integer, List<String>> byGain = new TreeMap<>(java.util.Comparator.reverseOrder());
      query.judgments().forEach((doc, grade) -> byGain.computeIfAbsent(grade, g -> new ArrayList<>()).add(doc));
      byGain.forEach((gain, docs) -> {
        ArrayNode list = relevant.putArray(String.valueOf(gain));
        docs.forEach(list::add);
      });
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write RRE ratings", e);
    }
  }

  /** @throws IllegalArgumentException when the text is not an RRE ratings file */
  public static JudgmentSet read(String text, String name) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (!root.path("topics").isArray()) {
      throw new IllegalArgumentException("an RRE ratings file needs a topics array");
    }
    List<LabQuery> queries = new ArrayList<>();
    int maxGrade = 1;
    int counter = 0;
    for (JsonNode topic : root.path("topics")) {
      QueryType type = typeOf(topic.path("description").asText(""));
      for (JsonNode group : topic.path("query_groups")) {
        counter++;
        String id = group.path("name").asText("q" + counter).strip().replaceAll("\\s+", "_");
        Map<String, String> params = new TreeMap<>();
        Long memberId = null;
        JsonNode first = group.path("queries").path(0).path("placeholders");
        for (Map.Entry<String, JsonNode> placeholder : first.properties()) {
          String key = placeholder.getKey().startsWith("$") ? placeholder.getKey().substring(1) : placeholder.getKey();
          if (key.equals("member_id")) {
            memberId = Long.parseLong(placeholder.getValue().asText());
          } else {
            params.put(key, placeholder.getValue().asText());
          }
        }
        Map<String, Integer> judgments = judgments(group.path("relevant_documents"), id);
        for (int grade : judgments.values()) {
          maxGrade = Math.max(maxGrade, grade);
        }
        List<String> segments = group.has("description") && type != QueryType.MEMBER_SEARCH
            ? List.of(group.path("description").asText().split(",")) : List.of();
        queries.add(new LabQuery(id, type, memberId, params, segments, List.of(), judgments));
      }
    }
    return new JudgmentSet(name, "imported from RRE ratings (index " + root.path("index").asText("?") + ")", maxGrade, queries);
  }

  private static Map<String, Integer> judgments(JsonNode relevant, String id) {
    Map<String, Integer> judgments = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : relevant.properties()) {
      if (entry.getValue().isArray()) {
        int gain = Integer.parseInt(entry.getKey());
        entry.getValue().forEach(doc -> judgments.put(doc.asText(), gain));
      } else if (entry.getValue().isObject()) {
        JsonNode gain = entry.getValue().has("gain") ? entry.getValue().get("gain") : entry.getValue().get("rating");
        if (gain == null) {
          throw new IllegalArgumentException("query group " + id + ": document " + entry.getKey() + " has no gain");
        }
        judgments.put(entry.getKey(), gain.asInt());
      } else {
        throw new IllegalArgumentException("query group " + id + ": relevant_documents." + entry.getKey() + " is neither a list nor an object");
      }
    }
    return judgments;
  }

  private static QueryType typeOf(String description) {
    try {
      return QueryType.parse(description.strip());
    } catch (IllegalArgumentException e) {
      return QueryType.MEMBER_SEARCH;
    }
  }
}
