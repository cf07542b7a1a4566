package com.expat.search.indexer.sync;

import com.expat.search.vocabulary.InvalidationNotice;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

/**
 * Publishes {@link InvalidationNotice} notices on the fan-out exchange with publisher confirms, so a
 * batch is acknowledged only once its notice is with the broker. A notice that is not confirmed
 * fails the batch, which is retried; the channel is reopened for the retry
 * ({@link ConfirmingPublisher}). Thread-safe.
 */
final class AmqpInvalidations implements InvalidationSink, AutoCloseable {
  private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

  private final String exchange;
  private final ConfirmingPublisher publisher;

  /** @param onFailure called for each notice the broker did not confirm */
  AmqpInvalidations(Connection connection, String exchange, Runnable onFailure) {
    this.exchange = exchange;
    this.publisher = new ConfirmingPublisher(connection, "invalidation notices on " + exchange, CONFIRM_TIMEOUT,
        onFailure);
  }

  @Override
  public void publish(InvalidationNotice invalidation) {
    AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
        .contentType("application/json")
        .contentEncoding("utf-8")
        .type(InvalidationNotice.TYPE)
        .messageId(UUID.randomUUID().toString())
        .timestamp(Date.from(invalidation.indexedAt()))
        .deliveryMode(1)
        .build();
    publisher.publish(exchange, "", properties, invalidation.toJson().getBytes(StandardCharsets.UTF_8));
  }

  /** False from a notice the broker did not confirm until the next one it does. */
  boolean healthy() {
    return publisher.healthy();
  }

  @Override
  public void close() {
    publisher.close();
  }
}
