package com.expat.search.bench.chaos;

import com.expat.search.bench.indexing.ChangeWriter;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Phase (b): malformed messages of every kind the contract rules out, published on the changes
 * exchange between good changes. Every malformed one must end in the dead-letter queue with its
 * reason ({@code x-error}), and the good ones behind them must still be applied: no poison
 * message blocks the queue.
 */
final class MalformedMessages {
  private static final int GOOD_EVERY = 10;

  private final Stack stack;
  private final DataSource db;
  private final Connection amqp;
  private final IndexedVersions indexed;
  private final PrintStream out;

  MalformedMessages(Stack stack, DataSource db, Connection amqp, IndexedVersions indexed, PrintStream out) {
    this.stack = stack;
    this.db = db;
    this.amqp = amqp;
    this.indexed = indexed;
    this.out = out;
  }

  /** A malformed message: routing key, body and what is wrong with it. */
  record Poison(String kind, String routingKey, byte[] body) {}

  static Poison poison(int i, SplittableRandom random) {
    long id = 1 + random.nextLong(1_000_000);
    return switch (i % 12) {
      case 0 -> new Poison("not JSON", "member.changed", ("member " + id + " changed").getBytes(StandardCharsets.UTF_8));
      case 1 -> new Poison("empty body", "member.changed", new byte[0]);
      case 2 -> new Poison("not valid UTF-8", "member.changed",
          new byte[] {'{', '"', 'i', 'd', '"', ':', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '}'});
      case 3 -> new Poison("over 64 kB", "member.changed", ("{\"entity\":\"member\",\"id\":" + id + ",\"pad\":\""
          + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8));
      case 4 -> new Poison("a JSON array", "event.changed", ("[" + id + "]").getBytes(StandardCharsets.UTF_8));
      case 5 -> new Poison("unknown entity", "member.changed",
          ("{\"entity\":\"planet\",\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8));
      case 6 -> new Poison("no id", "member.changed", "{\"entity\":\"member\",\"version\":3}".getBytes(StandardCharsets.UTF_8));
      case 7 -> new Poison("negative id", "member.changed",
          ("{\"entity\":\"member\",\"id\":-" + id + "}").getBytes(StandardCharsets.UTF_8));
      case 8 -> new Poison("id as text", "event.changed",
          ("{\"entity\":\"event\",\"id\":\"" + id + "; DROP TABLE events\"}").getBytes(StandardCharsets.UTF_8));
      case 9 -> new Poison("routing key of another entity", "event.changed",
          ("{\"entity\":\"member\",\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8));
      case 10 -> new Poison("bad version", "member.changed",
          ("{\"entity\":\"member\",\"id\":" + id + ",\"version\":\"seven\"}").getBytes(StandardCharsets.UTF_8));
      default -> new Poison("id out of range", "member.changed",
          ("{\"entity\":\"member\",\"id\":99999999999999999999999}").getBytes(StandardCharsets.UTF_8));
    };
  }

  Map<String, Object> run(int count, List<Long> members, long seed, long limitMillis) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Integer> sent = new TreeMap<>();
    Map<Long, Long> goodVersions = new LinkedHashMap<>();
    long started = System.nanoTime();
    try (Channel channel = amqp.createChannel(); ChangeWriter good = new ChangeWriter(db, amqp, stack.names().exchange())) {
      channel.confirmSelect();
      for (int i = 0; i < count; i++) {
        Poison poison = poison(i, random);
        channel.basicPublish(stack.names().exchange(), poison.routingKey(),
            new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2)
                .messageId("chaos-poison-" + i).build(), poison.body());
        sent.merge(poison.kind(), 1, Integer::sum);
        if (i % GOOD_EVERY == GOOD_EVERY - 1) {
          channel.waitForConfirmsOrDie(10_000);
          long member = members.get(random.nextInt(members.size()));
          if (good.change(member, "chaos poison-neighbour " + i) instanceof ChangeWriter.Published published) {
            goodVersions.merge(member, published.version(), Math::max);
          }
        }
      }
      channel.waitForConfirmsOrDie(10_000);
    }
    // Wait for the dead letters to arrive and for the good changes to be applied.
    long deadline = System.nanoTime() + limitMillis * 1_000_000;
    long dead;
    while ((dead = depth(stack.names().deadQueue())) < count && System.nanoTime() < deadline) {
      Stack.sleep(500);
    }
    long drainedMillis = (System.nanoTime() - started) / 1_000_000;
    List<Long> behind = indexed.behind(goodVersions);
    while (!behind.isEmpty() && System.nanoTime() < deadline) {
      Stack.sleep(500);
      behind = indexed.behind(goodVersions);
    }
    long mainQueue = depth(stack.names().queue());
    Map<String, Integer> reasons = new TreeMap<>();
    long withReason = 0;
    long drained = 0;
    try (Channel channel = amqp.createChannel()) {
      GetResponse message;
      while ((message = channel.basicGet(stack.names().deadQueue(), true)) != null) {
        drained++;
        Map<String, Object> headers = message.getProps().getHeaders();
        Object error = headers == null ? null : headers.get("x-error");
        if (error != null && !error.toString().isBlank()) {
          withReason++;
          String reason = error.toString().replaceAll("[0-9]+", "N");
          reasons.merge(reason.length() > 70 ? reason.substring(0, 70) + "..." : reason, 1, Integer::sum);
        }
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("malformedSent", count);
    result.put("kinds", sent);
    result.put("deadLettered", drained);
    result.put("deadLetteredWithReason", withReason);
    result.put("reasons", reasons);
    result.put("goodRowsChangedBetweenThem", goodVersions.size());
    result.put("goodRowsNotApplied", behind.size());
    result.put("secondsUntilAllDeadLettered", drainedMillis / 1000.0);
    result.put("changesQueueDepthAfter", mainQueue);
    out.printf("(b) %d malformed sent, %d dead-lettered (%d with a reason) within %.1f s; good rows changed between"
        + " them: %d, not applied: %d; changes queue depth after: %d%n",
        count, drained, withReason, drainedMillis / 1000.0, goodVersions.size(), behind.size(), mainQueue);
    return result;
  }

  private long depth(String queue) {
    try (Channel channel = amqp.createChannel()) {
      return channel.messageCount(queue);
    } catch (Exception e) {
      return -1;
    }
  }
}
