package com.expat.search.indexer.ops;

import com.expat.search.common.ExpatSearchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics of a job that runs and ends (the nightly {@code reindex}, a scheduled {@code verify}),
 * in Prometheus' text format, for node_exporter's textfile collector
 * ({@code --collector.textfile.directory}): a short-lived process cannot be scraped, and a file
 * needs no push gateway. The file is replaced atomically (written beside it, then renamed), so
 * the collector never reads half of it. Gauges only; not thread-safe.
 */
public final class TextfileMetrics {
  private record Family(String help, List<String> samples) {}

  private final Map<String, Family> families = new LinkedHashMap<>();

  /**
   * Sets gauge {@code name} for {@code labels} (name, value, name, value...).
   */
  public TextfileMetrics gauge(String name, String help, double value, String... labels) {
    Family family = families.computeIfAbsent(name, n -> new Family(help, new ArrayList<>()));
    StringBuilder sample = new StringBuilder(name);
    if (labels.length > 0) {
      sample.append('{');
      for (int i = 0; i + 1 < labels.length; i += 2) {
        if (i > 0) {
          sample.append(',');
        }
        sample.append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
      }
      sample.append('}');
    }
    sample.append(' ').append(format(value));
    family.samples().add(sample.toString());
    return this;
  }

  /** The text format. */
  public String text() {
    StringBuilder out = new StringBuilder();
    families.forEach((name, family) -> {
      out.append("# HELP ").append(name).append(' ').append(family.help()).append('\n');
      out.append("# TYPE ").append(name).append(" gauge\n");
      family.samples().forEach(sample -> out.append(sample).append('\n'));
    });
    return out.toString();
  }

  /**
   * Replaces {@code file} with {@link #text()}.
   *
   * @throws ExpatSearchException when it cannot be written
   */
  public void writeTo(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      Files.writeString(temp, text(), StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new ExpatSearchException("cannot write the metrics file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String format(double value) {
    if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.isFinite(value) ? java.math.BigDecimal.valueOf(value).toPlainString()
        : Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
  }
}
