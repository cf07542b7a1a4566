package com.expat.search.bench.indexing;

import com.expat.search.bench.BenchMain;
import com.expat.search.bench.Durations;
import com.expat.search.bench.load.Loopback;
import com.expat.search.bench.report.RunStamp;
import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.indexer.source.DbSettings;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench live}: sustained changes per second through a running indexer, and the latency
 * from publishing a change to seeing it in an uncached search. The benchmark plays the website:
 * it updates member rows in MariaDB ({@code headline}, {@code version + 1}, {@code updated_at}),
 * commits, publishes {@code member.changed} on the changes exchange with publisher confirms, and
 * polls the live core's {@code /select} for the new {@code doc_version} (see
 * {@link VisibilityPoller}). Pacing is open loop at {@code --rate} for {@code --duration}, or
 * {@code --count} changes as fast as {@code --writers} threads go. Only searchable, active
 * members are changed (a random sample of {@code --pool} of them, cycled, so that one member is
 * rarely changed twice at once), since only those are visible to a search.
 *
 * <p>The changes are real and are not undone: the rows keep their benchmark headline and higher
 * version. Point it at a benchmark database, never at production. The indexer is started
 * separately ({@code bin/expat-search index}) on the same MariaDB, RabbitMQ and Solr; the command
 * refuses to start when nobody consumes the indexer's queue.
 */
@Command(name = "live", mixinStandardHelpOptions = true, usageHelpWidth = 120,
    description = {
      "Live sync through a running indexer (bin/expat-search index, started separately on the same",
      "MariaDB, RabbitMQ and Solr): update searchable active members in MariaDB as the website does,",
      "publish member.changed, poll Solr until each new version is searchable. Open loop (--rate,",
      "--duration) or as fast as possible (--count). The updates stay in the database. Loopback Solr only.",
      "Environment: DB_URL, DB_USER, DB_PASSWORD, AMQP_URI, AMQP_EXCHANGE, INDEXER_QUEUE, EXPAT_MEMBERS_CORE."
    })
public final class LiveCommand implements Callable<Integer> {
  @Option(names = "--solr", defaultValue = "http://127.0.0.1:8983/solr",
      description = "the Solr node the indexer writes to (loopback only; default ${DEFAULT-VALUE})")
  String solr;

  @Option(names = "--zk-hosts", defaultValue = "${env:SOLR_ZK_HOSTS}",
      description = "a SolrCloud's ZooKeeper, polled through the cluster-aware client instead of --solr"
          + " (default $SOLR_ZK_HOSTS)")
  String zkHosts;

  @Option(names = "--core", defaultValue = "${env:EXPAT_MEMBERS_CORE:-members}",
      description = "the live members core to poll (default ${DEFAULT-VALUE}); only read")
  String core;

  @Option(names = "--amqp-uri", defaultValue = "${env:AMQP_URI:-amqp://guest:guest@127.0.0.1:5672/}",
      description = "RabbitMQ (default ${DEFAULT-VALUE})")
  URI amqpUri;

  @Option(names = "--exchange", defaultValue = "${env:AMQP_EXCHANGE:-expat.changes}",
      description = "the changes exchange (default ${DEFAULT-VALUE})")
  String exchange;

  @Option(names = "--queue", defaultValue = "${env:INDEXER_QUEUE:-search-indexer}",
      description = "the indexer's queue, checked for a consumer before starting (default ${DEFAULT-VALUE})")
  String queue;

  @Option(names = "--skip-consumer-check", description = "start even when nobody consumes --queue")
  boolean skipConsumerCheck;

  @Option(names = "--rate", description = "changes per second, open loop (with --duration); or use --count")
  Double rate;

  @Option(names = "--duration", defaultValue = "30s", converter = Durations.class,
      description = "with --rate: how long, at most 10m (default ${DEFAULT-VALUE})")
  Duration duration;

  @Option(names = "--count", description = "this many changes as fast as the writers go; or use --rate")
  Integer count;

  @Option(names = "--writers", defaultValue = "4",
      description = "threads updating MariaDB and publishing, each with its own channel (default ${DEFAULT-VALUE})")
  int writers;

  @Option(names = "--pool", defaultValue = "10000",
      description = "searchable active members drawn at random and changed in turn (default ${DEFAULT-VALUE})")
  int pool;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the member draw (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--max-in-flight", defaultValue = "1000",
      description = "changes started but not yet published at most; open loop counts a change due beyond as an overflow error (default ${DEFAULT-VALUE})")
  int maxInFlight;

  @Option(names = "--wait", defaultValue = "60s", converter = Durations.class,
      description = "how long after the last publish to wait for pending changes to become visible (default ${DEFAULT-VALUE})")
  Duration wait;

  @Option(names = "--poll-interval", defaultValue = "10ms", converter = Durations.class,
      description = "one visibility poll per interval (default ${DEFAULT-VALUE})")
  Duration pollInterval;

  @Option(names = "--poll-batch", defaultValue = "500",
      description = "documents changed since the oldest pending change read per poll at most, oldest first"
          + " (default ${DEFAULT-VALUE})")
  int pollBatch;

  @Option(names = "--warmup", defaultValue = "0s", converter = Durations.class,
      description = "changes published in this first part of the run are made and waited for but left out of"
          + " the figures (cold JVMs); part of --duration (default ${DEFAULT-VALUE})")
  Duration warmup;

  @Option(names = "--out", paramLabel = "DIR",
      description = "where report.md, result.json, latency.hgrm and the chart go (default benchmarks/results/<timestamp>-live)")
  Path out;

  @Mixin DbOptions db;

  @Override
  public Integer call() throws Exception {
    run(System.err);
    return 0;
  }

  private SolrSettings solrSettings(URI solrUri) {
    return zkHosts == null || zkHosts.isBlank() ? SolrSettings.at(solrUri) : SolrSettings.cloud(zkHosts.trim());
  }

  /** Runs the changes, waits for them, writes the report; returns its figures. */
  LiveResult run(PrintStream log) throws Exception {
    long total = validate();
    URI solrUri = Loopback.require(solr);
    RunStamp stamp = RunStamp.capture(BenchMain.commandLineText());
    Path dir = Outputs.directory(out, "live");
    DbSettings dbSettings = db.settings(writers + 1);
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(amqpUri);
    if (amqpUri.getPath() == null || amqpUri.getPath().isEmpty() || amqpUri.getPath().equals("/")) {
      factory.setVirtualHost("/"); // amqp://host:5672/ means the default vhost, as for the indexer
    }
    try (HikariDataSource database = DbOptions.writablePool(dbSettings, "bench-live");
        SolrClient client = SolrClients.create(solrSettings(solrUri).withRequestTimeout(Duration.ofSeconds(10)));
        com.rabbitmq.client.Connection amqp = factory.newConnection("bench-live")) {
      checkCore(client);
      checkIndexer(amqp);
      List<Long> members = pickMembers(database);
      log.printf(Locale.ROOT, "live: %d searchable active members drawn; %s; %d writers; polling %s/%s%n",
          members.size(), mode(), writers, zkHosts == null || zkHosts.isBlank() ? solrUri : zkHosts, core);
      LiveResult result = measure(database, amqp, client, members, total, log);
      writeDistributionAndChart(dir, stamp);
      Outputs.text(dir.resolve("report.md"), result.markdown(stamp));
      Outputs.json(dir.resolve("result.json"), result);
      log.println(result.markdown(stamp));
      log.println("report: " + dir.resolve("report.md"));
      return result;
    }
  }

  /** The last run's visible changes, for the chart. */
  private Visibility visibility;

  private LiveResult measure(HikariDataSource database, com.rabbitmq.client.Connection amqp, SolrClient client,
      List<Long> members, long total, PrintStream log) throws Exception {
    long start = System.nanoTime();
    Visibility visibility = new Visibility(start, warmup.toNanos());
    Map<String, Long> errors = new TreeMap<>();
    Histogram lag = new Histogram(3_600_000_000L, 3);
    AtomicLong attempted = new AtomicLong();
    BlockingQueue<ChangeWriter> idle = new ArrayBlockingQueue<>(writers);
    List<ChangeWriter> all = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      ChangeWriter writer = new ChangeWriter(database, amqp, exchange);
      all.add(writer);
      idle.add(writer);
    }
    String runId = Long.toString(System.currentTimeMillis(), 36);
    VisibilityPoller poller = new VisibilityPoller(client, core, visibility, pollInterval.toNanos(), pollBatch);
    AtomicBoolean publishing = new AtomicBoolean(true);
    AtomicLong waitUntil = new AtomicLong(Long.MAX_VALUE);
    Thread pollThread = new Thread(() -> {
      try {
        poller.run(() -> !publishing.get()
            && (visibility.pending() == 0 || System.nanoTime() > waitUntil.get()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "bench-live-poll");
    pollThread.setDaemon(true);
    pollThread.start();
    ExecutorService pool = Executors.newFixedThreadPool(writers, runnable -> {
      Thread thread = new Thread(runnable, "bench-live-writer");
      thread.setDaemon(true);
      return thread;
    });
    Semaphore inFlight = new Semaphore(maxInFlight);
    try {
      for (long k = 0; k < total; k++) {
        long due = rate == null ? start : start + (long) (k * 1e9 / rate);
        if (rate != null) {
          long sleep = due - System.nanoTime();
          if (sleep > 0) {
            TimeUnit.NANOSECONDS.sleep(sleep);
          }
          if (!inFlight.tryAcquire()) {
            attempted.incrementAndGet();
            synchronized (errors) {
              errors.merge("overflow", 1L, Long::sum);
            }
            continue;
          }
        } else {
          inFlight.acquire();
        }
        attempted.incrementAndGet();
        long member = members.get((int) (k % members.size()));
        String headline = "bench-live " + runId + " change " + k;
        pool.execute(() -> {
          if (rate != null) {
            synchronized (lag) {
              lag.recordValue(Math.max(0, (System.nanoTime() - due) / 1_000));
            }
          }
          ChangeWriter writer = idle.poll(); // never null: as many writers as threads
          try {
            ChangeWriter.Outcome outcome = writer.change(member, headline);
            if (outcome instanceof ChangeWriter.Published published) {
              visibility.published(published);
            } else if (outcome instanceof ChangeWriter.Failed failed) {
              synchronized (errors) {
                errors.merge(failed.reason(), 1L, Long::sum);
              }
            }
          } finally {
            idle.add(writer);
            inFlight.release();
          }
        });
      }
      pool.shutdown();
      if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the writers did not finish within 10 minutes");
      }
      log.printf(Locale.ROOT, "live: all changes published; waiting up to %ds for %d still pending%n",
          wait.toSeconds(), visibility.pending());
      waitUntil.set(System.nanoTime() + wait.toNanos());
      publishing.set(false);
      pollThread.join(wait.toMillis() + 30_000);
    } finally {
      pool.shutdownNow();
      publishing.set(false);
      waitUntil.set(0);
      all.forEach(ChangeWriter::close);
    }
    Histogram latency = visibility.latency();
    long visible = latency.getTotalCount();
    long notVisible = visibility.pending();
    long warmupVisible = visibility.warmupVisible();
    long published = visible + warmupVisible + notVisible;
    if (notVisible > 0) {
      errors.put("not visible within " + wait.toSeconds() + "s", notVisible);
    }
    double sustained = visibility.sustainedSeconds();
    double publishSeconds = visibility.publishSeconds();
    Histogram roundTrip = poller.roundTrip();
    this.visibility = visibility;
    LiveResult result = new LiveResult(core, mode(), writers, attempted.get(), published, visible, notVisible,
        new LinkedHashMap<>(errors),
        publishSeconds > 0 ? (published - warmupVisible - 1) / publishSeconds : 0,
        sustained > 0 ? visible / sustained : 0, sustained,
        ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(90)),
        ms(latency.getValueAtPercentile(99)), ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()),
        rate == null ? -1 : ms(lag.getValueAtPercentile(99)),
        ms(roundTrip.getValueAtPercentile(50)), ms(roundTrip.getValueAtPercentile(99)), poller.errors(),
        warmup.toMillis() / 1000.0, warmupVisible, poller.truncated());
    return result;
  }

  private void writeDistributionAndChart(Path dir, RunStamp stamp) throws IOException {
    Histogram latency = visibility.latency();
    try (PrintStream hgrm = new PrintStream(dir.resolve("latency.hgrm").toFile(), "UTF-8")) {
      latency.outputPercentileDistribution(hgrm, 1000.0);
    }
    List<long[]> timeline = visibility.timeline();
    long span = timeline.stream().mapToLong(point -> point[0]).max().orElse(0);
    long window = Math.max(100_000_000L, span >= 60_000_000_000L ? 1_000_000_000L : span / 30);
    Map<Long, Histogram> byWindow = new TreeMap<>();
    for (long[] point : timeline) {
      byWindow.computeIfAbsent(point[0] / window, w -> new Histogram(3_600_000_000L, 3)).recordValue(point[1]);
    }
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    for (String name : List.of("p50", "p99", "max")) {
      List<double[]> points = new ArrayList<>();
      byWindow.forEach((w, h) -> points.add(new double[] {w * window / 1e9,
          ms(name.equals("max") ? h.getMaxValue() : h.getValueAtPercentile(name.equals("p50") ? 50 : 99))}));
      series.put(name, points);
    }
    IndexingCharts.lines(dir.resolve("latency-over-time.png"), stamp,
        "Live sync: publish to visible in an uncached search (" + mode() + ")",
        "publish time (s since start), windows of " + Outputs.fixed(window / 1e9, 1) + " s", "latency (ms)", series);
  }

  private long validate() {
    if ((rate == null) == (count == null)) {
      throw new IllegalArgumentException("give either --rate (with --duration) or --count");
    }
    if (rate != null && !(rate > 0 && rate <= 5_000)) {
      throw new IllegalArgumentException("--rate " + rate + " must be > 0 and at most 5000");
    }
    if (duration.isZero() || duration.isNegative() || duration.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("--duration " + duration + " must be > 0 and at most 10m");
    }
    if (count != null && (count < 1 || count > 1_000_000)) {
      throw new IllegalArgumentException("--count " + count + " must be 1..1000000");
    }
    if (writers < 1 || writers > 64) {
      throw new IllegalArgumentException("--writers " + writers + " must be 1..64");
    }
    if (pool < 1 || pool > 1_000_000) {
      throw new IllegalArgumentException("--pool " + pool + " must be 1..1000000");
    }
    if (maxInFlight < 1 || pollBatch < 1 || pollBatch > 5_000) {
      throw new IllegalArgumentException("--max-in-flight must be at least 1 and --poll-batch 1..5000");
    }
    if (wait.isNegative() || pollInterval.isZero() || pollInterval.isNegative()) {
      throw new IllegalArgumentException("--wait must be >= 0 and --poll-interval > 0");
    }
    if (warmup.isNegative() || (rate != null && warmup.compareTo(duration) >= 0)) {
      throw new IllegalArgumentException("--warmup " + warmup + " must be >= 0 and shorter than --duration " + duration);
    }
    return count != null ? count : Math.max(1, (long) (rate * duration.toNanos() / 1e9));
  }

  private String mode() {
    return rate != null
        ? String.format(Locale.ROOT, "open loop at %s changes/s for %ss", Outputs.fixed(rate, 1), duration.toSeconds())
        : count + " changes as fast as possible";
  }

  private void checkCore(SolrClient client) {
    try {
      client.query(core, new SolrQuery("*:*").setRows(0));
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot search core " + core + " at " + solr + ": " + e.getMessage(), e);
    }
  }

  private void checkIndexer(com.rabbitmq.client.Connection amqp) throws Exception {
    try (Channel channel = amqp.createChannel()) {
      channel.exchangeDeclarePassive(exchange);
    } catch (IOException e) {
      throw new IllegalArgumentException("exchange " + exchange + " does not exist: start the indexer first", e);
    }
    if (skipConsumerCheck) {
      return;
    }
    int consumers;
    try (Channel channel = amqp.createChannel()) {
      consumers = channel.queueDeclarePassive(queue).getConsumerCount();
    } catch (IOException e) {
      throw new IllegalArgumentException("queue " + queue + " does not exist: start the indexer first"
          + " (bin/expat-search index)", e);
    }
    if (consumers == 0) {
      throw new IllegalArgumentException("nobody consumes queue " + queue + ": start the indexer"
          + " (bin/expat-search index) on the same MariaDB, RabbitMQ and Solr, or pass --skip-consumer-check");
    }
  }

  private List<Long> pickMembers(HikariDataSource database) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection connection = database.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT id FROM members WHERE status = 'active' AND searchable = 1 ORDER BY RAND(?) LIMIT ?")) {
      select.setLong(1, seed);
      select.setInt(2, pool);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
      connection.commit();
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("no searchable active member in " + database.getJdbcUrl());
    }
    return ids;
  }

  private static double ms(double micros) {
    return micros / 1000.0;
  }
}
