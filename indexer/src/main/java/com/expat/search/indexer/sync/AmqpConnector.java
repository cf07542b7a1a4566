package com.expat.search.indexer.sync;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the AMQP connection, retrying with backoff until RabbitMQ answers: amqp-client's automatic
 * recovery only takes over once a first connection exists. The connection recovers its channels,
 * consumers and declarations by itself afterwards.
 */
public final class AmqpConnector {
  private static final Logger LOG = LoggerFactory.getLogger(AmqpConnector.class);

  private AmqpConnector() {}

  /** A factory for {@code uri} with automatic recovery every 2 s and 10 s heartbeats. */
  public static ConnectionFactory factory(URI uri) {
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(uri);
    } catch (Exception e) {
      throw new SyncException("AMQP_URI=" + uri + " is not a usable AMQP URI: " + e.getMessage(), e);
    }
    if (factory.getVirtualHost().isEmpty()) {
      // amqp://host:5672/ names the empty vhost by the AMQP URI spec; everyone means the default.
      factory.setVirtualHost("/");
    }
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setNetworkRecoveryInterval(2_000);
    factory.setRequestedHeartbeat(10);
    factory.setConnectionTimeout(5_000);
    return factory;
  }

  /**
   * Connects, retrying passing failures with {@code backoff} until it succeeds or the thread is
   * interrupted.
   *
   * @throws SyncException when interrupted before a connection was made
   */
  public static Connection connect(ConnectionFactory factory, String name, Backoff backoff, RandomGenerator random) {
    for (int attempt = 0; ; attempt++) {
      try {
        return factory.newConnection(name);
      } catch (IOException | TimeoutException e) {
        long wait = backoff.delay(attempt, random).toMillis();
        LOG.warn("RabbitMQ at {}:{} is not reachable ({}); retrying in {} ms",
            factory.getHost(), factory.getPort(), e.getMessage(), wait);
        try {
          Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new SyncException("interrupted while connecting to RabbitMQ", interrupted);
        }
      }
    }
  }
}
