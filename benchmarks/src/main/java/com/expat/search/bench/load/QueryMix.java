package com.expat.search.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A query mix file: JSON lines, one request per line,
 * {@code {"endpoint":"member_search","path":"/v1/members/search?q=chef&page=1"}}, in the order
 * they are sent (a run cycles through them). Blank lines are skipped. Stateless.
 */
public final class QueryMix {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private QueryMix() {}

  public static void write(Path file, List<LoadRequest> requests) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (LoadRequest request : requests) {
          ObjectNode line = MAPPER.createObjectNode();
          line.put("endpoint", request.endpoint());
          line.put("path", request.path());
          out.write(MAPPER.writeValueAsString(line));
          out.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the mix " + file, e);
    }
  }

  /** @throws IllegalArgumentException naming the file and line of a malformed line */
  public static List<LoadRequest> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the mix " + file, e);
    }
    List<LoadRequest> requests = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonNode node = MAPPER.readTree(line);
        requests.add(new LoadRequest(node.path("endpoint").asText(null), node.path("path").asText(null)));
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": not a mix line: " + e.getMessage(), e);
      }
    }
    if (requests.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no requests");
    }
    return requests;
  }
}
