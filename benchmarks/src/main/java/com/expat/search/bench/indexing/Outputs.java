package com.expat.search.bench.indexing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Where the indexing benchmarks write, and how: the same layout as the load sweeps'. */
final class Outputs {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Outputs() {}

  /** {@code out}, or {@code benchmarks/results/<timestamp>-<name>} under the project root; created. */
  static Path directory(Path out, String name) {
    Path dir = out;
    if (dir == null) {
      Path root = Path.of(System.getProperty("expat.root", "."));
      if (root.resolve("benchmarks").toFile().isDirectory()) {
        root = root.resolve("benchmarks");
      }
      dir = root.resolve("results").resolve(
          LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + name);
    }
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  static void text(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** {@code value} (a record) as indented JSON, for scripts that collect results. */
  static void json(Path file, Object value) {
    try {
      JSON.writeValue(file.toFile(), value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
  }

  static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
