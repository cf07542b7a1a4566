package com.expat.search.workbench;

import com.expat.search.lab.JudgmentSet;
import com.expat.search.lab.LabJson;
import com.expat.search.lab.QueryType;
import com.expat.search.lab.RreRatings;
import com.expat.search.lab.TrecQrels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The judged sets in one directory, in any of the lab's formats, told apart by content: the lab's
 * JSON ({@code queries}), RRE's {@code ratings.json} ({@code topics}), or TREC qrels (any other
 * file: {@code qid 0 doc grade} lines, read as member searches, as {@code eval import --from trec}
 * does without a base). A set is named by its file name; only names within the directory are
 * accepted, so a URL cannot reach another file. Thread-safe.
 */
final class JudgedSets {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private final Path dir;

  JudgedSets(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** File names of the sets, sorted. */
  List<String> names() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
          .filter(name -> NAME.matcher(name).matches() && !name.endsWith(".tmp")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** When the file last changed, to tell a cached run from a stale one. */
  long version(String name) {
    try {
      return Files.getLastModifiedTime(file(name)).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /**
   * @throws BadRequest when there is no such set or it cannot be read as any format
   */
  JudgmentSet load(String name) {
    Path file = file(name);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadRequest("set: cannot read " + name + ": " + e.getMessage());
    }
    return parse(name, text);
  }

  /**
   * Checks {@code text} as a set, then writes it as {@code name}.
   *
   * @throws BadRequest naming what is wrong with the name or the content
   */
  JudgmentSet save(String name, String text) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new BadRequest("file name '" + name + "': use letters, digits, '.', '_' and '-' only");
    }
    JudgmentSet set = parse(name, text);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name + " to " + dir, e);
    }
    return set;
  }

  static JudgmentSet parse(String name, String text) {
    String start = text.stripLeading();
    try {
      if (start.startsWith("{")) {
        return text.contains("\"topics\"") ? RreRatings.read(text, name) : LabJson.parseJudgments(text, name);
      }
      return TrecQrels.merge(new JudgmentSet(name, "TREC qrels", 1, List.of()), TrecQrels.read(text), QueryType.MEMBER_SEARCH, null);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(name + " is not a judged set the lab reads: " + e.getMessage());
    }
  }

  private Path file(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new BadRequest("set: '" + name + "' is not a set name");
    }
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new BadRequest("set: there is no " + name + " in " + dir);
    }
    return file;
  }
}
