package com.expat.search.indexer.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Publishes {@link Invalidation} notices on the fan-out exchange with publisher confirms, so a
 * batch is acknowledged only once its notice is with the broker. Used by one thread.
 */
final class AmqpInvalidations implements InvalidationSink, AutoCloseable {
  private final Connection connection;
  private final String exchange;
  private Channel channel;

  AmqpInvalidations(Connection connection, String exchange) {
    this.connection = connection;
    this.exchange = exchange;
  }

  @Override
  public synchronized void publish(Invalidation invalidation) {
    try {
      if (channel == null) {
        channel = connection.createChannel();
        channel.confirmSelect();
      }
      AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
          .contentType("application/json")
          .contentEncoding("utf-8")
          .type("search.invalidation")
          .messageId(UUID.randomUUID().toString())
          .timestamp(Date.from(invalidation.indexedAt()))
          .deliveryMode(1)
          .build();
      channel.basicPublish(exchange, "", properties, invalidation.toJson().getBytes(StandardCharsets.UTF_8));
      channel.waitForConfirmsOrDie(10_000);
    } catch (IOException | TimeoutException | RuntimeException e) {
      throw new SyncException("cannot publish an invalidation notice on " + exchange + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SyncException("interrupted while publishing an invalidation notice", e);
    }
  }

  @Override
  public synchronized void close() {
    if (channel != null && channel.isOpen()) {
      try {
        channel.close();
      } catch (IOException | TimeoutException | RuntimeException e) {
        // closing anyway
      }
    }
  }
}
