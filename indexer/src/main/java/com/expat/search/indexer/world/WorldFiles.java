package com.expat.search.indexer.world;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reference files under {@code world/} on the classpath (indexer/src/main/resources/
 * world/README.md): lines that are neither blank nor comments ({@code #}), or their tab-separated
 * fields. Stateless.
 */
public final class WorldFiles {
  private static final String ROOT = "world/";

  private WorldFiles() {}

  /**
   * @throws IllegalStateException when the file is missing or a line has another field count
   */
  public static List<String[]> rows(String file, int columns) {
    List<String[]> rows = new ArrayList<>();
    for (String line : lines(file)) {
      String[] fields = line.split("\t", -1);
      if (fields.length != columns) {
        throw new IllegalStateException(
            file + ": expected " + columns + " tab-separated fields, got " + fields.length + " in: " + line);
      }
      rows.add(fields);
    }
    return rows;
  }

  /**
   * @throws IllegalStateException when the file is missing
   */
  public static List<String> lines(String file) {
    try (InputStream in = WorldFiles.class.getClassLoader().getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + ROOT + file + " is missing");
      }
      List<String> lines = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line);
        }
      }
      return List.copyOf(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
