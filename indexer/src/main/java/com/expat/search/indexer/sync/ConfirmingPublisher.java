package com.expat.search.indexer.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one message at a time with publisher confirms, on a channel of its own that heals
 * itself. A channel is closed for good by a failed confirm (amqp-client's
 * {@code waitForConfirmsOrDie} closes it on a timeout or a nack) or by a channel error from the
 * broker (an exchange deleted: 404), while the connection stays up; automatic recovery only
 * reopens channels after a connection failure, so such a channel would stay dead and every
 * publish after it fail. Here a channel whose publish failed is discarded, and the next publish
 * opens a new one. Every failure is counted and logged; {@link #healthy} is false from a failure
 * until the next confirmed publish. Thread-safe.
 */
final class ConfirmingPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfirmingPublisher.class);

  private final Connection connection;
  private final String purpose;
  private final Duration confirmTimeout;
  private final Runnable onFailure;
  private Channel channel;
  private volatile boolean failing;

  /**
   * @param purpose what the channel carries, for logs and errors ("invalidation notices")
   * @param onFailure called after each publish that was not confirmed (a metric)
   */
  ConfirmingPublisher(Connection connection, String purpose, Duration confirmTimeout, Runnable onFailure) {
    this.connection = connection;
    this.purpose = purpose;
    this.confirmTimeout = confirmTimeout;
    this.onFailure = onFailure;
  }

  /**
   * Publishes and returns once the broker confirmed the message.
   *
   * @throws SyncException when it was not confirmed (a passing failure: publish again later; the
   *     message may or may not have reached the broker)
   */
  synchronized void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
    Channel current = channel;
    try {
      if (current != null && !current.isOpen()) {
        LOG.warn("{}: channel found closed ({}); opening a new one", purpose, describe(null, current));
        discard(current);
        channel = null;
        current = null;
      }
      if (current == null) {
        current = open();
      }
      current.basicPublish(exchange, routingKey, properties, body);
      current.waitForConfirmsOrDie(confirmTimeout.toMillis());
      if (failing) {
        LOG.info("{}: the broker confirms again", purpose);
        failing = false;
      }
    } catch (IOException | TimeoutException | RuntimeException e) {
      throw failed(current, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(current, e);
    }
  }

  /** False from a publish that was not confirmed until the next one that is. */
  boolean healthy() {
    return !failing;
  }

  private Channel open() throws IOException {
    Channel opened = connection.createChannel();
    if (opened == null) {
      throw new IOException("no channel left on the connection");
    }
    try {
      opened.confirmSelect();
    } catch (IOException | RuntimeException e) {
      discard(opened);
      throw e;
    }
    channel = opened;
    return opened;
  }

  private SyncException failed(Channel current, Exception cause) {
    failing = true;
    onFailure.run();
    String reason = describe(cause, current);
    if (current != null) {
      // Never reused: a failed confirm has closed it or left it in doubt. Aborting also takes an
      // automatically recovering channel off the connection's recovery list.
      discard(current);
      channel = null;
    }
    LOG.warn("{}: publish failed or not confirmed ({}); the next attempt opens a new channel", purpose, reason);
    return new SyncException("cannot publish " + purpose + ": " + reason, cause);
  }

  private static String describe(Exception cause, Channel current) {
    String message = cause == null ? ""
        : cause instanceof TimeoutException ? "no confirm from the broker in time"
        : String.valueOf(cause.getMessage());
    if (current != null && current.getCloseReason() != null) {
      message += (message.isEmpty() ? "" : "; ") + "channel closed: " + current.getCloseReason().getMessage();
    }
    return message;
  }

  private static void discard(Channel channel) {
    try {
      channel.abort();
    } catch (IOException | RuntimeException e) {
      // closed already
    }
  }

  @Override
  public synchronized void close() {
    if (channel != null) {
      if (channel.isOpen()) {
        try {
          channel.close();
        } catch (IOException | TimeoutException | RuntimeException e) {
          discard(channel);
        }
      } else {
        discard(channel);
      }
      channel = null;
    }
  }
}
