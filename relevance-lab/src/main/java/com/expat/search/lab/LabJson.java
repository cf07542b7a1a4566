package com.expat.search.lab;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lab's own JSON files, snake_case: judgment sets ({@link JudgmentSet}, format in
 * {@code benchmarks/README.md}) and runs ({@link RunResult}). Unknown fields are an error, so
 * that a typo in a hand-written judgment file does not pass silently. Stateless.
 */
public final class LabJson {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private LabJson() {}

  public static JudgmentSet readJudgments(Path file) {
    return read(file, JudgmentSet.class);
  }

  /** A judgment set from JSON text, e.g. a classpath resource; {@code source} names it in errors. */
  public static JudgmentSet parseJudgments(String json, String source) {
    try {
      return MAPPER.readValue(json, JudgmentSet.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + source + " as JudgmentSet: " + e.getMessage(), e);
    }
  }

  public static void writeJudgments(Path file, JudgmentSet set) {
    write(file, set);
  }

  public static RunResult readRun(Path file) {
    return read(file, RunResult.class);
  }

  public static void writeRun(Path file, RunResult run) {
    write(file, run);
  }

  private static <T> T read(Path file, Class<T> type) {
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + " as " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, Object value) {
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      MAPPER.writeValue(file.toFile(), value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
