package com.expat.search.query.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the service's own request path before {@code /health/ready} reports it ready: a just
 * started Solr and service answered their first 25 s of matches at 60/s with 503s (Solr's JIT and
 * the service's, docs/benchmarks.md, "Cold start"), and a load balancer sends traffic as soon as
 * readiness says 200. The warm-up asks the service itself, over HTTP, a bounded number of real
 * requests: one member search finds up to {@link #SEED_SIZE} members, then matches (two of every
 * three requests) and member searches as each of them, every pass over the members with another
 * radius so that Solr's result cache answers none of them. It stops at {@link Settings#requests()}
 * or at {@link Settings#timeLimit()}, whichever comes first, so a slow or absent Solr never keeps
 * the service unready forever (the cores' own checks then still report it). It asks nothing before
 * its prerequisite holds (the catalog's first reading: the matches radius needs the city points, so
 * a matches request before it is a 503 that warms nothing). What it did is logged. Thread-safe;
 * {@link #isDone()} is the readiness condition.
 */
public final class Warmup {
  private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
  /** Members the seed search asks for (the contract's largest page). */
  static final int SEED_SIZE = 100;
  /** Between seed searches while Solr does not answer yet. */
  private static final Duration SEED_RETRY = Duration.ofMillis(500);
  /**
   * A radius per pass over the members: each pass is new work for Solr, never its cached answer.
   * Not the default (100 km), so the warm-up leaves no answer in the service's cache under the
   * key of the plain request a member's first visit makes.
   */
  private static final int[] RADII_KM = {99, 80, 120, 60, 150, 50, 200, 40, 250, 30};

  /**
   * @param requests warm-up requests at most ({@code WARMUP_REQUESTS}); 0 turns the warm-up off
   * @param timeLimit the longest the warm-up may hold readiness back ({@code WARMUP_TIME_LIMIT_SECONDS})
   * @param concurrency requests in flight at once
   */
  public record Settings(int requests, Duration timeLimit, int concurrency) {
    public static final Settings OFF = new Settings(0, Duration.ZERO, 1);

    public Settings {
      if (requests < 0) {
        throw new IllegalArgumentException("warm-up requests = " + requests + ": need 0 or more");
      }
      if (timeLimit.isNegative()) {
        throw new IllegalArgumentException("warm-up time limit = " + timeLimit + ": need 0 or more");
      }
      if (concurrency < 1) {
        throw new IllegalArgumentException("warm-up concurrency = " + concurrency + ": need 1 or more");
      }
    }

    public boolean on() {
      return requests > 0 && !timeLimit.isZero();
    }
  }

  /** The service's own API, asked as a client would (the real one is {@link LoopbackClient}). */
  interface Client {
    /** GETs {@code path} (with its query string); the body is JSON or missing (an empty node). */
    Reply get(String path) throws IOException, InterruptedException;
  }

  record Reply(int status, JsonNode body) {}

  /** What the warm-up asks, per request. */
  enum Kind {
    MATCHES("matches"), MEMBER_SEARCH("member search");

    private final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** A member found by the seed search: who asks, and their city (for a search near them). */
  record Member(long id, long cityId) {}

  /** Requests sent and how they ended, by kind; {@code stoppedByTimeLimit} when the limit ended it. */
  record Outcome(Map<Kind, int[]> byKind, int members, long millis, boolean stoppedByTimeLimit) {
    int sent() {
      return byKind.values().stream().mapToInt(counts -> counts[0] + counts[1] + counts[2]).sum();
    }

    int answered(Kind kind) {
      return byKind.get(kind)[0];
    }

    int unavailable(Kind kind) {
      return byKind.get(kind)[1];
    }

    int failed(Kind kind) {
      return byKind.get(kind)[2];
    }
  }

  private final Settings settings;
  private final LongSupplier nanoTime;
  private final BooleanSupplier prerequisite;
  private final Duration seedRetry;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile Thread runner;

  /**
   * @param nanoTime the clock of the time limit ({@code System::nanoTime})
   * @param prerequisite what must hold before the first request is worth asking (checked again every
   *     half second until the time limit)
   */
  public Warmup(Settings settings, LongSupplier nanoTime, BooleanSupplier prerequisite) {
    this(settings, nanoTime, prerequisite, SEED_RETRY);
  }

  Warmup(Settings settings, LongSupplier nanoTime, BooleanSupplier prerequisite, Duration seedRetry) {
    this.settings = settings;
    this.nanoTime = nanoTime;
    this.prerequisite = prerequisite;
    this.seedRetry = seedRetry;
    if (!settings.on()) {
      done.countDown();
    }
  }

  public boolean on() {
    return settings.on();
  }

  /** True once the warm-up ended (all requests asked, or the time limit), or at once when off. */
  public boolean isDone() {
    return done.getCount() == 0;
  }

  /** Runs the warm-up on a daemon thread against the service listening on {@code port} (127.0.0.1). */
  public void start(int port, ObjectMapper mapper) {
    if (!settings.on()) {
      return;
    }
    Thread thread = new Thread(() -> run(new LoopbackClient(port, mapper, settings.timeLimit())), "warm-up");
    thread.setDaemon(true);
    runner = thread;
    thread.start();
  }

  /** Ends a running warm-up (on close); readiness no longer matters then. */
  public void stop() {
    Thread thread = runner;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** Runs the warm-up on this thread and marks it done, whatever happens. */
  Outcome run(Client client) {
    long started = nanoTime.getAsLong();
    long deadline = started + settings.timeLimit().toNanos();
    LOG.info("warm-up: asking up to {} requests of this service within {} before reporting ready",
        settings.requests(), settings.timeLimit());
    try {
      Outcome outcome = warm(client, started, deadline);
      log(outcome);
      return outcome;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.info("warm-up: interrupted (the service is stopping)");
      return new Outcome(counts(), 0, (nanoTime.getAsLong() - started) / 1_000_000, false);
    } catch (RuntimeException e) {
      LOG.warn("warm-up: failed, reporting ready without it", e);
      return new Outcome(counts(), 0, (nanoTime.getAsLong() - started) / 1_000_000, false);
    } finally {
      done.countDown();
    }
  }

  private Outcome warm(Client client, long started, long deadline) throws InterruptedException {
    Map<Kind, int[]> counts = counts();
    List<Member> members = seed(client, deadline);
    if (members.isEmpty()) {
      return new Outcome(counts, 0, (nanoTime.getAsLong() - started) / 1_000_000, nanoTime.getAsLong() >= deadline);
    }
    AtomicInteger next = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < settings.concurrency(); w++) {
      Thread worker = new Thread(() -> {
        for (int i = next.getAndIncrement(); i < settings.requests() && nanoTime.getAsLong() < deadline;
            i = next.getAndIncrement()) {
          Kind kind = i % 3 == 2 ? Kind.MEMBER_SEARCH : Kind.MATCHES;
          int slot = ask(client, path(kind, i, members));
          if (slot < 0) {
            return;
          }
          synchronized (counts) {
            counts.get(kind)[slot]++;
          }
        }
      }, "warm-up-" + w);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    try {
      for (Thread worker : workers) {
        worker.join();
      }
    } catch (InterruptedException e) {
      workers.forEach(Thread::interrupt);
      throw e;
    }
    boolean stopped = next.get() < settings.requests();
    return new Outcome(counts, members.size(), (nanoTime.getAsLong() - started) / 1_000_000, stopped);
  }

  /**
   * The {@code i}-th request: the members in turn, a radius per pass. A member search asks as that
   * member near their city, so it applies the viewer's blocks and personal ranking as the website does.
   */
  static String path(Kind kind, int i, List<Member> members) {
    Member member = members.get(i % members.size());
    int pass = i / members.size();
    int radius = RADII_KM[pass % RADII_KM.length];
    return switch (kind) {
      case MATCHES -> "/v1/members/" + member.id() + "/matches?radius_km=" + radius;
      case MEMBER_SEARCH -> "/v1/members/search?viewer=" + member.id() + "&city=" + member.cityId()
          + "&page=" + (1 + pass % 3);
    };
  }

  /**
   * Members from one search, asked once the prerequisite holds and again while Solr does not answer
   * yet (until the deadline).
   */
  private List<Member> seed(Client client, long deadline) throws InterruptedException {
    while (!prerequisite.getAsBoolean()) {
      if (nanoTime.getAsLong() >= deadline) {
        LOG.warn("warm-up: its prerequisite (the catalog's first reading) did not hold within {}; reporting ready"
            + " without warming", settings.timeLimit());
        return List.of();
      }
      Thread.sleep(seedRetry.toMillis());
    }
    while (nanoTime.getAsLong() < deadline) {
      try {
        Reply reply = client.get("/v1/members/search?size=" + SEED_SIZE);
        if (reply.status() == 200) {
          List<Member> members = new ArrayList<>();
          for (JsonNode item : reply.body().path("items")) {
            long id = item.path("id").asLong(0);
            long city = item.path("city").path("id").asLong(0);
            if (id > 0 && city > 0) {
              members.add(new Member(id, city));
            }
          }
          if (members.isEmpty()) {
            LOG.info("warm-up: the member search found no one; nothing to warm with");
          }
          return members;
        }
      } catch (IOException e) {
        LOG.debug("warm-up: seed search failed: {}", e.toString());
      }
      Thread.sleep(seedRetry.toMillis());
    }
    LOG.warn("warm-up: no member search answered within {}; reporting ready without warming", settings.timeLimit());
    return List.of();
  }

  /** 0 answered, 1 unavailable (503), 2 anything else; -1 when interrupted. */
  private static int ask(Client client, String path) {
    try {
      int status = client.get(path).status();
      return status == 200 ? 0 : status == 503 ? 1 : 2;
    } catch (IOException e) {
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static Map<Kind, int[]> counts() {
    Map<Kind, int[]> counts = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      counts.put(kind, new int[3]);
    }
    return counts;
  }

  private static void log(Outcome outcome) {
    StringBuilder kinds = new StringBuilder();
    for (Kind kind : Kind.values()) {
      kinds.append(kinds.isEmpty() ? "" : "; ").append(kind.label).append(' ')
          .append(outcome.answered(kind)).append(" answered, ")
          .append(outcome.unavailable(kind)).append(" 503, ")
          .append(outcome.failed(kind)).append(" other");
    }
    LOG.info("warm-up: {} requests as {} members in {} ms ({}){}; reporting ready", outcome.sent(), outcome.members(),
        outcome.millis(), kinds, outcome.stoppedByTimeLimit() ? ", stopped by its time limit" : "");
  }
}
