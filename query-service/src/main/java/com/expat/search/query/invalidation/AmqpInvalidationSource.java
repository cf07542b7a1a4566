package com.expat.search.query.invalidation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the fan-out exchange of notices through an exclusive, auto-delete, server-named queue
 * of this process (one per instance, gone with the connection). Declares the exchange (fanout,
 * durable) like the indexer, so either may start first. Connects in the background and
 * reconnects with backoff (0.5 s doubling to 15 s) whenever the connection is lost; reports
 * {@code connected} only once the consumer is registered. Thread-safe.
 */
public final class AmqpInvalidationSource implements InvalidationSource {
  private static final Logger LOG = LoggerFactory.getLogger(AmqpInvalidationSource.class);
  private static final long MAX_BACKOFF_MS = 15_000;

  private final URI uri;
  private final String exchange;
  private final ObjectMapper mapper;
  private final IntConsumer badIds;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "invalidations");
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean closed;
  private volatile Connection connection;
  private Listener listener;
  private long backoffMs = 500;

  public AmqpInvalidationSource(URI uri, String exchange, ObjectMapper mapper) {
    this(uri, exchange, mapper, badIds -> {});
  }

  /** @param badIds told how many entries of a notice were not ids (skipped; a metric) */
  public AmqpInvalidationSource(URI uri, String exchange, ObjectMapper mapper, IntConsumer badIds) {
    this.uri = uri;
    this.exchange = exchange;
    this.mapper = mapper;
    this.badIds = badIds;
  }

  @Override
  public synchronized void start(Listener listener) {
    this.listener = listener;
    scheduler.execute(this::connect);
  }

  private void connect() {
    if (closed) {
      return;
    }
    Connection opened = null;
    try {
      ConnectionFactory factory = new ConnectionFactory();
      factory.setUri(uri);
      if (uri.getRawPath() == null || uri.getRawPath().equals("/") || uri.getRawPath().isEmpty()) {
        // amqp://host:5672/ means the default virtual host "/", as the contract's default reads.
        factory.setVirtualHost("/");
      }
      factory.setAutomaticRecoveryEnabled(false);
      factory.setConnectionTimeout(2_000);
      factory.setHandshakeTimeout(2_000);
      factory.setRequestedHeartbeat(10);
      opened = factory.newConnection("query-service-invalidations");
      Channel channel = opened.createChannel();
      channel.exchangeDeclare(exchange, "fanout", true);
      String queue = channel.queueDeclare("", false, true, true, null).getQueue();
      channel.queueBind(queue, exchange, "");
      channel.basicConsume(queue, true, new DefaultConsumer(channel) {
        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
          deliver(body);
        }
      });
      connection = opened;
      backoffMs = 500;
      listener.connected();
      opened.addShutdownListener(this::lost);
      LOG.info("consuming invalidation notices from exchange {} (queue {})", exchange, queue);
    } catch (Exception e) {
      if (opened != null) {
        try {
          opened.abort(1_000);
        } catch (RuntimeException ignored) {
          // already gone
        }
      }
      LOG.warn("invalidation feed unavailable ({}{}); cached answers are served only briefly; retrying in {} ms",
          e, e.getCause() == null ? "" : ": " + e.getCause().getMessage(), backoffMs);
      retryLater();
    }
  }

  private void deliver(byte[] body) {
    try {
      NoticeReader.parse(mapper, body, bad -> {
        badIds.accept(bad);
        LOG.warn("an invalidation notice named {} entries that are not ids; they were skipped", bad);
      }).ifPresentOrElse(
          listener::notice,
          () -> LOG.warn("ignoring an invalidation notice that is not one ({} bytes)", body.length));
    } catch (RuntimeException e) {
      LOG.error("an invalidation notice failed", e);
    }
  }

  private void lost(ShutdownSignalException cause) {
    listener.disconnected();
    if (!closed) {
      LOG.warn("invalidation feed lost: {}; reconnecting", cause.getMessage());
      retryLater();
    }
  }

  private void retryLater() {
    listener.disconnected();
    if (closed) {
      return;
    }
    long delay = backoffMs;
    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    try {
      scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  /** Time to wait before the next attempt; for tests and logs. */
  Duration backoff() {
    return Duration.ofMillis(backoffMs);
  }

  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    Connection open = connection;
    if (open != null && open.isOpen()) {
      try {
        open.close(2_000);
      } catch (Exception e) {
        LOG.debug("closing the invalidation feed failed", e);
      }
    }
  }
}
