package com.expat.search.indexer.ops;

import com.expat.search.common.ExpatSearchException;
import com.expat.search.common.config.Env;
import com.expat.search.indexer.sync.AmqpConnector;
import com.expat.search.indexer.sync.Topology;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dead-letters list|replay}: what the live sync dead-lettered, and sending it back. Reads
 * {@code search-indexer.dead} with {@code basic.get} and manual acknowledgements: {@code list}
 * acknowledges nothing (closing the channel returns every message to the queue, in order);
 * {@code replay} republishes each chosen message to {@code expat.changes} with its original
 * routing key and properties (its {@code x-error} and dead-letter headers removed), waits for the
 * broker's confirm, and only then acknowledges the dead letter: a crash in between leaves a
 * duplicate change message, which the live sync absorbs (a message only says "look again").
 */
@Command(
    name = "dead-letters",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 120,
    description = {
      "list: print what is in the dead-letter queue (search-indexer.dead), oldest first: position, message id, routing",
      "      key, when it was dead-lettered and published, x-error (why), and the start of the body. Nothing is removed.",
      "replay --all | IDS...: republish those dead letters to expat.changes with their original routing key, then",
      "      remove them from the dead-letter queue. IDS are message ids as list prints them, or #N for position N.",
      "",
      "Exit status: 0 done; 3 replay: some IDS were not in the queue (the others were replayed); 1 RabbitMQ",
      "unreachable; 2 bad usage.",
      "",
      "Environment:",
      "  AMQP_URI                  RabbitMQ (amqp://guest:guest@127.0.0.1:5672/)",
      "  AMQP_EXCHANGE, INDEXER_DEAD_QUEUE   where replays go and the dead-letter queue (expat.changes,",
      "                            search-indexer.dead)"
    })
public final class DeadLettersCommand implements Callable<Integer> {
  /** Exit status of a replay that did not find every id it was given. */
  static final int NOT_FOUND = 3;
  /** Headers the live sync adds when it dead-letters; a replay removes them. */
  static final Set<String> DEAD_LETTER_HEADERS = Set.of("x-error", "x-original-routing-key", "x-dead-lettered-at");
  private static final int EXCERPT = 160;

  @Parameters(index = "0", paramLabel = "list|replay", description = "list or replay.")
  String action;

  @Parameters(index = "1..*", paramLabel = "IDS", arity = "0..*", description = "replay: message ids, or #N for position N.")
  List<String> ids = new ArrayList<>();

  @Option(names = "--all", description = "replay: every dead letter in the queue.")
  boolean all;

  @Option(names = "--limit", defaultValue = "100", paramLabel = "N",
      description = "list: print at most N dead letters (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws IOException, TimeoutException, InterruptedException {
    switch (action) {
      case "list" -> {
        if (all || !ids.isEmpty()) {
          throw new ExpatSearchException("list takes no ids and no --all");
        }
        if (limit < 0) {
          throw new ExpatSearchException("--limit " + limit + " is negative");
        }
      }
      case "replay" -> {
        if (all == !ids.isEmpty()) {
          throw new ExpatSearchException("replay needs either --all or message ids (as list prints them), not both");
        }
      }
      default -> throw new ExpatSearchException("unknown action '" + action + "': list or replay");
    }
    Env env = Env.system();
    URI amqp = env.uri("AMQP_URI", "amqp", "amqps").orElse(URI.create(VerifyCommand.DEFAULT_AMQP_URI));
    Topology topology = Topology.from(env);
    ConnectionFactory factory = AmqpConnector.factory(amqp);
    factory.setAutomaticRecoveryEnabled(false);
    Connection connection;
    try {
      connection = factory.newConnection("expat-search dead-letters");
    } catch (IOException | TimeoutException e) {
      throw new ExpatSearchException("RabbitMQ at " + factory.getHost() + ":" + factory.getPort()
          + " is not reachable: " + e.getMessage(), e);
    }
    try (connection; Channel channel = connection.createChannel()) {
      long depth;
      try {
        depth = channel.queueDeclarePassive(topology.deadLetterQueue()).getMessageCount();
      } catch (IOException e) {
        throw new ExpatSearchException("there is no queue " + topology.deadLetterQueue()
            + " (the indexer declares it when it starts): nothing was ever dead-lettered here", e);
      }
      return action.equals("list") ? list(channel, topology, depth) : replay(connection, channel, topology, depth);
    }
  }

  private int list(Channel channel, Topology topology, long depth) throws IOException {
    System.out.printf("%s: %,d dead letter(s)%s%n", topology.deadLetterQueue(), depth,
        depth > limit ? ", the first " + limit + " shown" : "");
    for (int position = 1; position <= Math.min(depth, limit); position++) {
      GetResponse response = channel.basicGet(topology.deadLetterQueue(), false);
      if (response == null) {
        break;
      }
      print(position, response);
    }
    // Nothing acknowledged: closing the channel returns every message to the queue.
    return 0;
  }

  private int replay(Connection connection, Channel channel, Topology topology, long depth)
      throws IOException, InterruptedException, TimeoutException {
    Set<String> wanted = new LinkedHashSet<>(ids);
    int replayed = 0;
    try (Channel publish = connection.createChannel()) {
      publish.confirmSelect();
      for (int position = 1; position <= depth; position++) {
        GetResponse response = channel.basicGet(topology.deadLetterQueue(), false);
        if (response == null) {
          break;
        }
        String id = response.getProps().getMessageId();
        boolean chosen = all || wanted.remove("#" + position) || (id != null && wanted.remove(id));
        if (!chosen) {
          continue; // left unacknowledged: back in the queue when the channel closes
        }
        String routingKey = routingKey(response);
        publish.basicPublish(topology.exchange(), routingKey, replayProperties(response.getProps()), response.getBody());
        publish.waitForConfirmsOrDie(10_000);
        channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
        replayed++;
        System.out.printf("replayed #%d %s (%s) to %s%n", position, id == null ? "(no message id)" : id, routingKey,
            topology.exchange());
      }
    }
    System.out.printf("%,d dead letter(s) replayed to %s%n", replayed, topology.exchange());
    if (!wanted.isEmpty()) {
      System.out.println("not in " + topology.deadLetterQueue() + ": " + String.join(", ", wanted));
      return NOT_FOUND;
    }
    return 0;
  }

  private static void print(int position, GetResponse response) {
    AMQP.BasicProperties props = response.getProps();
    Map<String, Object> headers = props.getHeaders() == null ? Map.of() : props.getHeaders();
    System.out.printf("#%d  %s  %s%n", position, props.getMessageId() == null ? "(no message id)" : props.getMessageId(),
        routingKey(response));
    Object deadAt = headers.get("x-dead-lettered-at");
    System.out.printf("    dead-lettered %s, published %s%n", deadAt == null ? "(unknown)" : deadAt,
        props.getTimestamp() == null ? "(unknown)" : props.getTimestamp().toInstant());
    Object error = headers.get("x-error");
    System.out.println("    x-error: " + (error == null ? "(none: not dead-lettered by the indexer)" : error));
    System.out.println("    body: " + excerpt(response.getBody()));
  }

  /** The routing key the message was first published with. */
  static String routingKey(GetResponse response) {
    Map<String, Object> headers = response.getProps().getHeaders();
    Object original = headers == null ? null : headers.get("x-original-routing-key");
    return original != null ? original.toString() : response.getEnvelope().getRoutingKey();
  }

  /** The original properties without the dead-letter headers, marked as replayed. */
  static AMQP.BasicProperties replayProperties(AMQP.BasicProperties dead) {
    Map<String, Object> headers = new HashMap<>();
    if (dead.getHeaders() != null) {
      dead.getHeaders().forEach((name, value) -> {
        if (!DEAD_LETTER_HEADERS.contains(name)) {
          headers.put(name, value);
        }
      });
    }
    headers.put("x-replayed-at", Instant.now().toString());
    return dead.builder().headers(headers).build();
  }

  /** The start of a body, as text with control characters and bad UTF-8 made visible. */
  static String excerpt(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(EXCERPT).forEach(c -> {
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    if (text.codePointCount(0, text.length()) > EXCERPT || body.length > EXCERPT * 4) {
      out.append("... (").append(body.length).append(" bytes)");
    }
    return out.toString();
  }
}
