package com.expat.search.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TREC qrels: one judgment per line, {@code qid 0 docid grade}, separated by white space (the
 * second column, "iteration", is written 0 and ignored). Stateless.
 */
public final class TrecQrels {
  private TrecQrels() {}

  /** Every judgment of {@code set}, queries in order, documents sorted. */
  public static String write(JudgmentSet set) {
    StringBuilder out = new StringBuilder();
    for (LabQuery query : set.queries()) {
      query.judgments().forEach((doc, grade) -> out.append(query.id()).append(" 0 ").append(doc).append(' ').append(grade).append('\n'));
    }
    return out.toString();
  }

  /**
   * Grades by query id, then document id, in file order of queries.
   *
   * @throws IllegalArgumentException naming the line of a malformed one
   */
  public static Map<String, Map<String, Integer>> read(String text) {
    Map<String, Map<String, Integer>> result = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\s+");
      if (fields.length != 4) {
        throw new IllegalArgumentException("qrels line " + (i + 1) + ": expected 'qid 0 docid grade', got '" + line + "'");
      }
      int grade;
      try {
        grade = Integer.parseInt(fields[3]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("qrels line " + (i + 1) + ": grade '" + fields[3] + "' is not a whole number");
      }
      result.computeIfAbsent(fields[0], q -> new TreeMap<>()).put(fields[2], Math.max(0, grade));
    }
    return result;
  }

  /**
   * {@code base}'s queries with the judgments of {@code qrels} where the ids match; qrels queries
   * unknown to {@code base} become new queries of {@code type} without parameters.
   */
  public static JudgmentSet merge(JudgmentSet base, Map<String, Map<String, Integer>> qrels, QueryType type, Long memberId) {
    List<LabQuery> queries = new ArrayList<>();
    Map<String, Map<String, Integer>> left = new LinkedHashMap<>(qrels);
    int maxGrade = base.maxGrade();
    for (LabQuery query : base.queries()) {
      Map<String, Integer> judgments = left.remove(query.id());
      queries.add(judgments == null ? query : query.withJudgments(judgments));
    }
    for (Map.Entry<String, Map<String, Integer>> entry : left.entrySet()) {
      queries.add(new LabQuery(entry.getKey(), type, memberId, Map.of(), List.of(), List.of(), entry.getValue()));
    }
    for (LabQuery query : queries) {
      for (int grade : query.judgments().values()) {
        maxGrade = Math.max(maxGrade, grade);
      }
    }
    return new JudgmentSet(base.name(), base.description(), maxGrade, queries);
  }
}
