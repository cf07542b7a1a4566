package com.expat.search.workbench;

import com.expat.search.lab.JudgmentSet;
import com.expat.search.lab.LabJson;
import com.expat.search.lab.LabQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Grades given in the page, kept in one judged set in the lab's JSON, the file {@code eval run
 * --judgments} reads and {@code eval export} turns into TREC qrels or RRE ratings. Each grade is
 * written at once (to a temporary file, then moved over the old one), so a stopped workbench loses
 * none and a reader never sees half a file. Thread-safe: writes are serialised.
 */
final class Grades {
  static final int MAX_GRADE = 3;

  private final Path file;

  Grades(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /** The grades of the query with {@code queryId}, by document; empty when none. */
  synchronized Map<String, Integer> of(String queryId) {
    return read().queries().stream().filter(q -> q.id().equals(queryId)).findFirst()
        .map(LabQuery::judgments).orElse(Map.of());
  }

  /**
   * Sets {@code doc}'s grade for {@code query} (added to the set when it is new there).
   *
   * @throws BadRequest when the grade is outside 0..3
   */
  synchronized JudgmentSet grade(LabQuery query, String doc, int grade) {
    if (grade < 0 || grade > MAX_GRADE) {
      throw new BadRequest("grade: " + grade + " is outside 0.." + MAX_GRADE);
    }
    if (doc == null || doc.isBlank() || doc.chars().anyMatch(Character::isWhitespace)) {
      throw new BadRequest("doc: '" + doc + "' is not a document id");
    }
    JudgmentSet set = read();
    List<LabQuery> queries = new ArrayList<>();
    boolean found = false;
    for (LabQuery existing : set.queries()) {
      if (existing.id().equals(query.id())) {
        Map<String, Integer> judgments = new TreeMap<>(existing.judgments());
        judgments.put(doc, grade);
        queries.add(existing.withJudgments(judgments));
        found = true;
      } else {
        queries.add(existing);
      }
    }
    if (!found) {
      queries.add(query.withJudgments(Map.of(doc, grade)));
    }
    JudgmentSet updated = new JudgmentSet(set.name(), set.description(), Math.max(MAX_GRADE, set.maxGrade()), queries);
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    LabJson.writeJudgments(temporary, updated);
    try {
      Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + file, e);
    }
    return updated;
  }

  private JudgmentSet read() {
    if (!Files.exists(file)) {
      String name = file.getFileName().toString().replaceFirst("\\.json$", "");
      return new JudgmentSet(name, "graded in the relevance workbench", MAX_GRADE, List.of());
    }
    return LabJson.readJudgments(file);
  }
}
