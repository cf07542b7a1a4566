package com.expat.search.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Phase (d): randomized privacy probes. One thread changes blocks, hides and contacts between the
 * viewers' matches and the members on them, as the website does (MariaDB, then a change message
 * per member touched); probers ask for the viewers' matches, half the time a request answered
 * from the caches (the same page again), half the time one that is not (a radius no one asked
 * before). A leak is an answer listing a member the viewer must not see (hidden, blocking or
 * blocked, a contact) to a request sent after that state was processed, with no change to either
 * member since.
 *
 * <p>"Processed" is what the indexer tells on {@code expat.search.invalidations}, which this
 * phase consumes like a query service does: a member's change is processed when a batch
 * announced after the change was written (its {@code pending} notice) reports visible.
 */
final class PrivacyProbes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final DataSource db;
  private final Connection amqp;
  private final Stack.Names names;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  // the model: what the website wrote
  private final Set<Long> hidden = ConcurrentHashMap.newKeySet();
  private final Set<List<Long>> blocks = ConcurrentHashMap.newKeySet();
  private final Set<List<Long>> contacts = ConcurrentHashMap.newKeySet();
  private final Map<Long, Long> lastWrite = new ConcurrentHashMap<>();
  private final Map<Long, Long> processedAt = new ConcurrentHashMap<>();
  private final Map<String, Long> announcedAt = new ConcurrentHashMap<>();

  PrivacyProbes(URI base, DataSource db, Connection amqp, Stack.Names names, PrintStream out) {
    this.base = base;
    this.db = db;
    this.amqp = amqp;
    this.names = names;
    this.out = out;
  }

  Map<String, Object> run(int probes, int threads, int viewerCount, List<Long> candidates, long changeEveryMillis,
      long seed) throws Exception {
    Channel notices = listen();
    List<Long> viewers = new ArrayList<>();
    Map<Long, List<Long>> shown = new ConcurrentHashMap<>();
    for (Long candidate : candidates) {
      if (viewers.size() >= viewerCount) {
        break;
      }
      Probe first = ask(candidate, "size=20");
      if (first.status() == 200 && !first.items().isEmpty()) {
        viewers.add(candidate);
        shown.put(candidate, first.items());
      }
    }
    if (viewers.isEmpty()) {
      throw new IllegalStateException("no viewer has matches to probe");
    }
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong changes = new AtomicLong();
    Map<String, Long> changeKinds = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    Future<?> mutator = pool.submit(() -> {
      SplittableRandom random = new SplittableRandom(seed);
      try (Channel channel = amqp.createChannel()) {
        channel.confirmSelect();
        while (!done.get()) {
          long viewer = viewers.get(random.nextInt(viewers.size()));
          List<Long> onPage = shown.get(viewer);
          long member = onPage.get(random.nextInt(onPage.size()));
          if (member != viewer) {
            changeKinds.merge(change(channel, random, viewer, member), 1L, Long::sum);
            changes.incrementAndGet();
          }
          Thread.sleep(changeEveryMillis);
        }
      }
      return null;
    });
    AtomicLong next = new AtomicLong();
    AtomicLong hits = new AtomicLong();
    AtomicLong misses = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong restrictedChecked = new AtomicLong();
    List<String> leaks = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> probers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      SplittableRandom random = new SplittableRandom(seed * 17 + t);
      probers.add(pool.submit(() -> {
        long i;
        while ((i = next.getAndIncrement()) < probes) {
          long viewer = viewers.get(random.nextInt(viewers.size()));
          boolean cached = random.nextBoolean();
          String params = cached ? "size=20" : "size=20&radius_km=" + (100 + random.nextInt(1_000_000) / 10_000.0);
          long sent = System.nanoTime();
          Probe probe = ask(viewer, params);
          if (probe.status() != 200) {
            errors.incrementAndGet();
            continue;
          }
          ("hit".equals(probe.cache()) ? hits : misses).incrementAndGet();
          if (cached && !probe.items().isEmpty()) {
            shown.put(viewer, probe.items());
          }
          for (Long member : probe.items()) {
            String why = mustNotSee(viewer, member, sent);
            if (why != null) {
              leaks.add(why + ": member " + member + " shown to " + viewer + " by a " + probe.cache() + " answer");
            }
          }
          restrictedChecked.addAndGet(restrictedSettled(viewer, sent));
        }
        return null;
      }));
    }
    for (Future<?> prober : probers) {
      prober.get();
    }
    done.set(true);
    mutator.get();
    pool.shutdown();
    notices.abort();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("probes", probes);
    result.put("viewers", viewers.size());
    result.put("cachedAnswers", hits.get());
    result.put("uncachedAnswers", misses.get());
    result.put("non200", errors.get());
    result.put("changes", changes.get());
    result.put("changeKinds", changeKinds);
    result.put("settledRestrictionsInForceAtProbeTime", restrictedChecked.get());
    result.put("leaks", leaks.size());
    result.put("firstLeaks", leaks.subList(0, Math.min(10, leaks.size())));
    out.printf("(d) %d privacy probes over %d viewers (%d cached answers, %d uncached, %d not 200) while %d changes"
        + " %s were made; settled restrictions in force at probe time: %d; leaks: %d%n", probes, viewers.size(),
        hits.get(), misses.get(), errors.get(), changes.get(), changeKinds, restrictedChecked.get(), leaks.size());
    leaks.stream().limit(10).forEach(leak -> out.println("(d)   leak: " + leak));
    return result;
  }

  /** Why {@code viewer} must not see {@code member} for a request sent at {@code sent}; null if they may. */
  private String mustNotSee(long viewer, long member, long sent) {
    if (!settledBefore(viewer, sent) || !settledBefore(member, sent)) {
      return null; // in flux: either answer is right
    }
    if (hidden.contains(member)) {
      return "hidden";
    }
    if (blocks.contains(List.of(member, viewer)) || blocks.contains(List.of(viewer, member))) {
      return "block";
    }
    if (contacts.contains(pair(viewer, member))) {
      return "contact";
    }
    return null;
  }

  /**
   * How many blocks and contacts of the viewer were in force and settled at {@code sent}: the
   * members the probe had to leave out (coverage, not leaks).
   */
  private long restrictedSettled(long viewer, long sent) {
    if (!settledBefore(viewer, sent)) {
      return 0;
    }
    long count = 0;
    for (Set<List<Long>> pairs : List.of(blocks, contacts)) {
      for (List<Long> pair : pairs) {
        if ((pair.get(0) == viewer || pair.get(1) == viewer)
            && settledBefore(pair.get(0) == viewer ? pair.get(1) : pair.get(0), sent)) {
          count++;
        }
      }
    }
    return count;
  }

  /** Every change of {@code member} so far processed before {@code sent}, none since. */
  private boolean settledBefore(long member, long sent) {
    Long written = lastWrite.get(member);
    if (written == null) {
      return true;
    }
    Long processed = processedAt.get(member);
    return processed != null && processed >= written && processed < sent && written < sent;
  }

  private static List<Long> pair(long a, long b) {
    return a < b ? List.of(a, b) : List.of(b, a);
  }

  /** One random change between viewer and member (or of member alone); returns its kind. */
  private String change(Channel channel, SplittableRandom random, long viewer, long member) throws Exception {
    int dice = random.nextInt(3);
    String kind;
    try (java.sql.Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
      if (dice == 0) {
        boolean hide = !hidden.contains(member);
        sql.executeUpdate("UPDATE members SET searchable = " + !hide + ", version = version + 1,"
            + " updated_at = UTC_TIMESTAMP(3) WHERE id = " + member);
        connection.commit();
        if (hide) {
          hidden.add(member);
        } else {
          hidden.remove(member);
        }
        kind = hide ? "hide" : "unhide";
      } else if (dice == 1) {
        List<Long> block = random.nextBoolean() ? List.of(member, viewer) : List.of(viewer, member);
        boolean add = !blocks.contains(block);
        sql.executeUpdate(add
            ? "INSERT IGNORE INTO member_blocks VALUES (" + block.get(0) + "," + block.get(1) + ",UTC_TIMESTAMP(3))"
            : "DELETE FROM member_blocks WHERE member_id = " + block.get(0) + " AND blocked_id = " + block.get(1));
        bump(sql, viewer, member);
        connection.commit();
        if (add) {
          blocks.add(block);
        } else {
          blocks.remove(block);
        }
        kind = add ? "block" : "unblock";
      } else {
        List<Long> pair = pair(viewer, member);
        boolean add = !contacts.contains(pair);
        sql.executeUpdate(add
            ? "INSERT IGNORE INTO member_contacts VALUES (" + viewer + "," + member + ",UTC_TIMESTAMP(3)),("
                + member + "," + viewer + ",UTC_TIMESTAMP(3))"
            : "DELETE FROM member_contacts WHERE (member_id = " + viewer + " AND contact_id = " + member
                + ") OR (member_id = " + member + " AND contact_id = " + viewer + ")");
        bump(sql, viewer, member);
        connection.commit();
        if (add) {
          contacts.add(pair);
        } else {
          contacts.remove(pair);
        }
        kind = add ? "contact" : "uncontact";
      }
    }
    long written = System.nanoTime();
    lastWrite.put(member, written);
    publish(channel, member);
    if (dice != 0) {
      lastWrite.put(viewer, written);
      publish(channel, viewer);
    }
    channel.waitForConfirmsOrDie(10_000);
    return kind;
  }

  private static void bump(Statement sql, long... members) throws java.sql.SQLException {
    for (long member : members) {
      sql.executeUpdate("UPDATE members SET version = version + 1, updated_at = UTC_TIMESTAMP(3) WHERE id = " + member);
    }
  }

  private void publish(Channel channel, long member) throws IOException {
    String body = "{\"entity\":\"member\",\"id\":" + member + ",\"version\":0,\"occurred_at\":\"" + Instant.now() + "\"}";
    channel.basicPublish(names.exchange(), "member.changed",
        new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(),
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** Consumes the invalidation notices, as a query service does, to learn when changes are processed. */
  private Channel listen() throws IOException {
    Channel channel = amqp.createChannel();
    channel.exchangeDeclare(names.invalidations(), "fanout", true);
    String queue = channel.queueDeclare("", false, true, true, null).getQueue();
    channel.queueBind(queue, names.invalidations(), "");
    channel.basicConsume(queue, true, (tag, delivery) -> {
      long now = System.nanoTime();
      JsonNode notice = JSON.readTree(delivery.getBody());
      String batch = notice.path("batch").asText("");
      List<Long> members = new ArrayList<>();
      notice.path("members").forEach(group -> group.forEach(id -> members.add(id.asLong())));
      if ("pending".equals(notice.path("phase").asText())) {
        announcedAt.put(batch, now);
        return;
      }
      Long announced = announcedAt.remove(batch);
      if (announced == null) {
        return;
      }
      for (Long member : members) {
        Long written = lastWrite.get(member);
        if (written == null || announced > written) {
          processedAt.put(member, now);
        }
      }
    }, tag -> {});
    return channel;
  }

  record Probe(int status, String cache, List<Long> items) {}

  private Probe ask(long viewer, String params) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              URI.create(base + "/v1/members/" + viewer + "/matches?" + params)).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      List<Long> items = new ArrayList<>();
      if (response.statusCode() == 200) {
        JSON.readTree(response.body()).path("items").forEach(item -> items.add(item.path("id").asLong()));
      }
      return new Probe(response.statusCode(), response.headers().firstValue("X-Cache").orElse("?"), items);
    } catch (IOException e) {
      return new Probe(-1, "?", List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe(-1, "?", List.of());
    }
  }
}
