package com.expat.search.indexer.sync;

import com.expat.search.common.config.Env;
import com.expat.search.vocabulary.InvalidationNotice;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RabbitMQ names the live sync declares and uses. The defaults are the contract's (section
 * 2) plus the invalidation exchange (docs/contract-additions.md); tests use names of their own.
 *
 * @param exchange topic exchange the website publishes on
 * @param queue the indexer's durable queue, bound to {@code member.*} and {@code event.*}
 * @param deadLetterExchange fan-out exchange of messages that can never be processed
 * @param deadLetterQueue the durable queue bound to it
 * @param invalidationExchange fan-out exchange of the notices to the query service
 */
public record Topology(
    String exchange,
    String queue,
    String deadLetterExchange,
    String deadLetterQueue,
    String invalidationExchange) {
  private static final Logger LOG = LoggerFactory.getLogger(Topology.class);

  public Topology {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(deadLetterExchange, "deadLetterExchange");
    Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
    Objects.requireNonNull(invalidationExchange, "invalidationExchange");
  }

  /** The contract's names. */
  public static Topology contract() {
    return new Topology(
        "expat.changes", "search-indexer", "search-indexer.dlx", "search-indexer.dead",
        InvalidationNotice.EXCHANGE);
  }

  /**
   * The contract's names unless overridden by {@code AMQP_EXCHANGE}, {@code INDEXER_QUEUE},
   * {@code INDEXER_DLX}, {@code INDEXER_DEAD_QUEUE}, {@code INVALIDATION_EXCHANGE}.
   */
  public static Topology from(Env env) {
    Topology contract = contract();
    return new Topology(
        env.string("AMQP_EXCHANGE", contract.exchange()),
        env.string("INDEXER_QUEUE", contract.queue()),
        env.string("INDEXER_DLX", contract.deadLetterExchange()),
        env.string("INDEXER_DEAD_QUEUE", contract.deadLetterQueue()),
        env.string("INVALIDATION_EXCHANGE", contract.invalidationExchange()));
  }

  /**
   * Declares everything (idempotent) and returns the channel it was declared on, which the caller
   * must keep open for as long as it uses the connection: amqp-client's automatic recovery
   * redeclares each exchange, queue and binding on the channel that first declared it, and one
   * declared on a channel closed since fails to recover (a broker that lost its definitions would
   * then leave the indexer consuming nothing). A queue that already exists with other arguments
   * is used as it is, with a warning, rather than refused.
   */
  Channel declare(Connection connection) throws IOException {
    Channel channel = connection.createChannel();
    declareExchanges(channel);
    try {
      channel.queueDeclare(queue, true, false, false, Map.of("x-dead-letter-exchange", deadLetterExchange));
    } catch (IOException e) {
      LOG.warn("queue {} exists with other arguments; using it as it is ({})", queue, e.getMessage());
      // The refused declaration closed the channel: start again on a new one, so that what is
      // recovered is recorded on a channel that stays open.
      closeQuietly(channel);
      channel = connection.createChannel();
      declareExchanges(channel);
      channel.queueDeclarePassive(queue);
    }
    channel.queueBind(queue, exchange, "member.*");
    channel.queueBind(queue, exchange, "event.*");
    return channel;
  }

  private void declareExchanges(Channel channel) throws IOException {
    channel.exchangeDeclare(exchange, "topic", true);
    channel.exchangeDeclare(deadLetterExchange, "fanout", true);
    channel.queueDeclare(deadLetterQueue, true, false, false, null);
    channel.queueBind(deadLetterQueue, deadLetterExchange, "");
    channel.exchangeDeclare(invalidationExchange, "fanout", true);
  }

  private static void closeQuietly(Channel channel) {
    if (channel.isOpen()) {
      try {
        channel.close();
      } catch (IOException | TimeoutException | RuntimeException e) {
        // already closing
      }
    }
  }
}
