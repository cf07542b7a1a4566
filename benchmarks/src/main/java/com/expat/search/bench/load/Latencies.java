package com.expat.search.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The latencies of one rate step, in microseconds, per {@link SeriesKey}: {@code latency} counts
 * from the request's intended send time (what a user waiting on a schedule sees, corrected for
 * coordinated omission), {@code service} from the moment it was actually handed to the transport
 * (what a closed-loop tool would report). Errors are counted per endpoint and reason. Thread-safe;
 * {@link #close} freezes it, after which late answers are ignored.
 */
public final class Latencies {
  /** Anything slower is recorded as this: one minute. */
  public static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

  private final Map<SeriesKey, Histogram> latency = new TreeMap<>();
  private final Map<SeriesKey, Histogram> service = new TreeMap<>();
  private final Map<String, Map<String, Long>> errors = new TreeMap<>();
  private final Histogram sendLag = newHistogram();
  private boolean closed;

  static Histogram newHistogram() {
    return new Histogram(MAX_MICROS, 3);
  }

  synchronized void recordSendLag(long nanos) {
    if (!closed) {
      sendLag.recordValue(clamp(nanos));
    }
  }

  synchronized void record(SeriesKey key, long fromIntendedNanos, long fromSentNanos) {
    if (closed) {
      return;
    }
    latency.computeIfAbsent(key, k -> newHistogram()).recordValue(clamp(fromIntendedNanos));
    service.computeIfAbsent(key, k -> newHistogram()).recordValue(clamp(fromSentNanos));
  }

  synchronized void error(String endpoint, String reason) {
    if (!closed) {
      errors.computeIfAbsent(endpoint, e -> new TreeMap<>()).merge(reason, 1L, Long::sum);
    }
  }

  synchronized void close() {
    closed = true;
  }

  private static long clamp(long nanos) {
    return Math.max(0, Math.min(MAX_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos)));
  }

  /** Latency from the intended send time, per series (copies). */
  public synchronized Map<SeriesKey, Histogram> latency() {
    return copy(latency);
  }

  /** Latency from the actual send time, per series (copies). */
  public synchronized Map<SeriesKey, Histogram> service() {
    return copy(service);
  }

  /** Error counts by endpoint, then by reason ({@code http_503}, {@code overflow}, ...). */
  public synchronized Map<String, Map<String, Long>> errors() {
    Map<String, Map<String, Long>> result = new TreeMap<>();
    errors.forEach((endpoint, reasons) -> result.put(endpoint, new TreeMap<>(reasons)));
    return result;
  }

  /** How late the scheduler handed requests to the transport: the generator's own health. */
  public synchronized Histogram sendLag() {
    return sendLag.copy();
  }

  public synchronized long errorCount() {
    return errors.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
  }

  /** All series of {@code latency} merged: the whole step. */
  public synchronized Histogram all() {
    Histogram total = newHistogram();
    latency.values().forEach(total::add);
    return total;
  }

  private static Map<SeriesKey, Histogram> copy(Map<SeriesKey, Histogram> source) {
    Map<SeriesKey, Histogram> result = new TreeMap<>();
    source.forEach((key, histogram) -> result.put(key, histogram.copy()));
    return result;
  }
}
