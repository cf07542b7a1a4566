package com.expat.search.bench.chaos;

import com.expat.search.bench.indexing.ChangeWriter;
import com.rabbitmq.client.Connection;
import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Phase (a): changes from a website-like publisher (one transaction per change, then the message
 * with publisher confirms: {@link ChangeWriter}) while Solr, MariaDB, RabbitMQ, memcached and the
 * indexer are each taken down and brought back in turn, at evenly spaced points of the run. Then
 * the convergence: how long after the last change every changed row is in the index at its last
 * version, and what is missing when the time is up.
 */
final class ChangesUnderFaults {
  /** The faults, in the order they are applied (Solr, the slowest to come back, last). */
  enum Fault { MARIADB, RABBITMQ, MEMCACHED, INDEXER, SOLR }

  private final Stack stack;
  private final DataSource db;
  private final Connection amqp;
  private final IndexedVersions indexed;
  private final PrintStream out;

  ChangesUnderFaults(Stack stack, DataSource db, Connection amqp, IndexedVersions indexed, PrintStream out) {
    this.stack = stack;
    this.db = db;
    this.amqp = amqp;
    this.indexed = indexed;
    this.out = out;
  }

  /** The members the publisher changes: active and searchable ones, in id order. */
  List<Long> changeableMembers(int limit) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (java.sql.Connection connection = db.getConnection(); Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("SELECT id FROM members WHERE status = 'active' AND searchable = 1"
            + " ORDER BY id LIMIT " + limit)) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  /**
   * @param rate changes per second over all writers (0: as fast as they go); paced so that every
   *     fault falls while changes still flow
   */
  Map<String, Object> run(int changes, int writers, double rate, long outageMillis, long convergeLimitMillis,
      List<Long> members) throws Exception {
    Map<Long, Long> lastVersion = new ConcurrentHashMap<>();
    Map<Long, Integer> lastChange = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    AtomicLong failed = new AtomicLong();
    Map<String, Long> failures = new ConcurrentHashMap<>();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      running.add(pool.submit(() -> {
        try (ChangeWriter writer = new ChangeWriter(db, amqp, stack.names().exchange())) {
          int i;
          while ((i = next.getAndIncrement()) < changes) {
            if (rate > 0) {
              long due = started + (long) (i * 1e9 / rate);
              long wait = due - System.nanoTime();
              if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
              }
            }
            long member = members.get(i % members.size());
            ChangeWriter.Outcome outcome = writer.change(member, "chaos " + i);
            if (outcome instanceof ChangeWriter.Published published) {
              lastVersion.merge(published.memberId(), published.version(), Math::max);
              lastChange.merge(published.memberId(), i, Math::max);
            } else if (outcome instanceof ChangeWriter.Failed failure) {
              failed.incrementAndGet();
              failures.merge(failure.reason(), 1L, Long::sum);
            }
          }
        }
        return null;
      }));
    }
    List<Map<String, Object>> faults = new ArrayList<>();
    Fault[] order = Fault.values();
    for (int f = 0; f < order.length; f++) {
      int at = (int) ((long) changes * (f + 1) / (order.length + 1));
      while (next.get() < at && running.stream().anyMatch(r -> !r.isDone())) {
        Stack.sleep(50);
      }
      faults.add(apply(order[f], outageMillis, next.get()));
    }
    for (Future<?> writer : running) {
      writer.get();
    }
    pool.shutdown();
    long published = lastVersion.size();
    long publishedAt = System.nanoTime();
    double publishSeconds = (publishedAt - started) / 1e9;
    out.printf("(a) %d changes attempted in %.1f s (%d failed at the publisher), %d rows changed; faults: %s%n",
        changes, publishSeconds, failed.get(), published, faults);

    long lost = -1;
    List<Long> firstLost = List.of();
    long convergedMillis = -1;
    long deadline = publishedAt + convergeLimitMillis * 1_000_000;
    while (true) {
      List<Long> behind = indexed.behind(lastVersion);
      lost = behind.size();
      firstLost = behind.subList(0, Math.min(10, behind.size()));
      if (behind.isEmpty()) {
        convergedMillis = (System.nanoTime() - publishedAt) / 1_000_000;
        break;
      }
      if (System.nanoTime() > deadline) {
        break;
      }
      Stack.sleep(1_000);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("changesAttempted", changes);
    result.put("rate", rate);
    result.put("changesPublished", changes - failed.get());
    result.put("publisherFailures", failures);
    result.put("rowsChanged", published);
    result.put("publishSeconds", Math.round(publishSeconds * 10) / 10.0);
    result.put("faults", faults);
    result.put("rowsBehindAtEnd", lost);
    result.put("firstRowsBehind", firstLost);
    // Which change each of them was last touched by, to set against the faults' atChange.
    result.put("firstRowsBehindLastChange", firstLost.stream().map(lastChange::get).toList());
    // Missing, or an older version (written late, or put back over a newer one)?
    Map<Long, Long> held = indexed.versions(firstLost);
    result.put("firstRowsBehindVersions", firstLost.stream()
        .map(id -> id + ": indexed " + held.get(id) + ", last published " + lastVersion.get(id)).toList());
    result.put("convergedMillisAfterLastChange", convergedMillis);
    result.put("duplicateDocuments", indexed.duplicates(lastVersion));
    out.printf("(a) converged: %s; rows behind at the end: %d %s (last changed by changes %s);"
        + " duplicate documents among changed rows: %s%n",
        convergedMillis < 0 ? "NO within " + convergeLimitMillis / 1000 + " s" : convergedMillis + " ms after the last change",
        lost, result.get("firstRowsBehindVersions"), result.get("firstRowsBehindLastChange"),
        result.get("duplicateDocuments"));
    return result;
  }

  private Map<String, Object> apply(Fault fault, long outageMillis, int atChange) {
    long started = System.nanoTime();
    switch (fault) {
      case SOLR -> {
        stack.killSolr();
        Stack.sleep(outageMillis);
        stack.startSolr();
      }
      case MARIADB -> {
        stack.cutDatabase();
        Stack.sleep(outageMillis);
        stack.restoreDatabase();
      }
      case RABBITMQ -> {
        stack.cutBroker();
        Stack.sleep(outageMillis);
        stack.restoreBroker();
      }
      case MEMCACHED -> {
        stack.killMemcached();
        Stack.sleep(outageMillis);
        stack.startMemcached();
      }
      case INDEXER -> {
        stack.killIndexer();
        Stack.sleep(outageMillis);
        stack.startIndexer();
      }
    }
    Map<String, Object> done = new LinkedHashMap<>();
    done.put("fault", fault.name().toLowerCase(java.util.Locale.ROOT));
    done.put("atChange", atChange);
    done.put("downAndBackMillis", (System.nanoTime() - started) / 1_000_000);
    out.printf("(a) %s killed or cut at change %d, back after %d ms%n", done.get("fault"), atChange,
        done.get("downAndBackMillis"));
    return done;
  }
}
