package com.expat.search.lab;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A set of judged queries on one grade scale {@code 0..maxGrade} (default 3: 0 not relevant,
 * 1 somewhat, 2 relevant, 3 highly relevant).
 */
public record JudgmentSet(String name, String description, int maxGrade, List<LabQuery> queries) {
  public JudgmentSet {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    if (maxGrade < 1 || maxGrade > 10) {
      throw new IllegalArgumentException("max_grade = " + maxGrade + ", expected 1..10");
    }
    queries = List.copyOf(queries);
    Set<String> ids = new HashSet<>();
    for (LabQuery query : queries) {
      if (!ids.add(query.id())) {
        throw new IllegalArgumentException("query id " + query.id() + " appears twice in " + name);
      }
      for (var judgment : query.judgments().entrySet()) {
        if (judgment.getValue() > maxGrade) {
          throw new IllegalArgumentException("query " + query.id() + ": grade " + judgment.getValue() + " of "
              + judgment.getKey() + " is above max_grade " + maxGrade);
        }
      }
    }
  }
}
