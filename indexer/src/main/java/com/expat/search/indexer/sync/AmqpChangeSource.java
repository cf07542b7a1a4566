package com.expat.search.indexer.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ChangeSource} over RabbitMQ: manual acknowledgements, a prefetch that keeps batches full.
 * Messages are parsed on arrival; poison messages are copied to the dead-letter exchange with
 * their original properties plus {@code x-error}, confirmed by the broker, then acknowledged, at
 * once, so they never wait behind a batch. Channels recover with the connection (amqp-client's
 * automatic recovery); acknowledgements of deliveries from before a recovery are dropped by the
 * client and those messages are redelivered, which is harmless: applying a change is idempotent.
 */
final class AmqpChangeSource implements ChangeSource {
  private static final Logger LOG = LoggerFactory.getLogger(AmqpChangeSource.class);
  private static final Duration FIRST_WAIT = Duration.ofMillis(200);
  private static final long CONFIRM_TIMEOUT_MS = 10_000;

  private final Connection connection;
  private final Topology topology;
  private final int prefetch;
  private final Runnable onDeadLetter;
  private final BlockingQueue<Received> buffer = new LinkedBlockingQueue<>();
  private Channel declarations;
  private Channel consumer;
  private Channel deadLetters;
  private Channel depth;
  private volatile String consumerTag;

  AmqpChangeSource(Connection connection, Topology topology, int prefetch, Runnable onDeadLetter) {
    this.connection = connection;
    this.topology = topology;
    this.prefetch = prefetch;
    this.onDeadLetter = onDeadLetter;
  }

  /** Declares the topology and starts consuming. */
  void start() {
    try {
      declarations = topology.declare(connection);
      deadLetters = connection.createChannel();
      deadLetters.confirmSelect();
      depth = connection.createChannel();
      consumer = connection.createChannel();
      consumer.basicQos(prefetch);
      consumerTag = consumer.basicConsume(topology.queue(), false, "search-indexer-" + System.nanoTime(),
          (tag, delivery) -> receive(delivery), tag -> LOG.warn("consumer {} was cancelled by the broker", tag));
    } catch (IOException e) {
      throw new SyncException("cannot consume from " + topology.queue() + ": " + e.getMessage(), e);
    }
  }

  private void receive(Delivery delivery) {
    ParsedMessage parsed = MessageParser.parse(delivery.getEnvelope().getRoutingKey(), delivery.getBody());
    if (parsed instanceof ParsedMessage.Change change) {
      buffer.add(new Received(change, delivery));
      return;
    }
    String reason = ((ParsedMessage.Poison) parsed).reason();
    try {
      publishDeadLetter(delivery, reason);
      consumer.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
      onDeadLetter.run();
      LOG.warn("dead-lettered message {}: {}", delivery.getProperties().getMessageId(), reason);
    } catch (IOException | RuntimeException e) {
      // Not acknowledged: the broker redelivers it after a recovery and it is tried again.
      LOG.warn("could not dead-letter a poison message yet: {}", e.getMessage());
    }
  }

  @Override
  public List<Received> poll(int max, Duration linger) throws InterruptedException {
    Received first = buffer.poll(FIRST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (first == null) {
      return List.of();
    }
    List<Received> batch = new ArrayList<>(Math.min(max, 1024));
    batch.add(first);
    long deadline = System.nanoTime() + linger.toNanos();
    while (batch.size() < max) {
      buffer.drainTo(batch, max - batch.size());
      long left = deadline - System.nanoTime();
      if (batch.size() >= max || left <= 0) {
        break;
      }
      Received next = buffer.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        break;
      }
      batch.add(next);
    }
    return batch;
  }

  @Override
  public void acknowledge(List<Received> done) {
    for (Received received : done) {
      try {
        consumer.basicAck(tag(received), false);
      } catch (IOException | RuntimeException e) {
        // The channel is down: the broker redelivers these and they are applied again, harmlessly.
        LOG.info("acknowledgement lost ({}); the messages will be redelivered", e.getMessage());
        return;
      }
    }
  }

  @Override
  public void deadLetter(Received change, String reason) {
    Delivery delivery = (Delivery) change.receipt();
    try {
      publishDeadLetter(delivery, reason);
      consumer.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
    } catch (IOException e) {
      throw new SyncException("cannot dead-letter a message: " + e.getMessage(), e);
    }
  }

  private void publishDeadLetter(Delivery delivery, String reason) throws IOException {
    AMQP.BasicProperties original = delivery.getProperties();
    Map<String, Object> headers = new HashMap<>();
    if (original.getHeaders() != null) {
      headers.putAll(original.getHeaders());
    }
    headers.put("x-error", reason);
    headers.put("x-original-routing-key", delivery.getEnvelope().getRoutingKey());
    AMQP.BasicProperties properties = original.builder().headers(headers).build();
    synchronized (this) {
      deadLetters.basicPublish(
          topology.deadLetterExchange(), delivery.getEnvelope().getRoutingKey(), properties, delivery.getBody());
      try {
        deadLetters.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the broker's confirm", e);
      } catch (TimeoutException e) {
        throw new IOException("the broker did not confirm the dead letter in time", e);
      }
    }
  }

  @Override
  public long backlog() {
    synchronized (depth) {
      try {
        return depth.messageCount(topology.queue());
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }
  }

  @Override
  public void stopConsuming() {
    String tag = consumerTag;
    if (tag != null) {
      try {
        consumer.basicCancel(tag);
      } catch (IOException | RuntimeException e) {
        LOG.info("cancel of consumer {} failed: {}", tag, e.getMessage());
      }
      consumerTag = null;
    }
  }

  @Override
  public void close() {
    stopConsuming();
    for (Channel channel : new Channel[] {consumer, deadLetters, depth, declarations}) {
      if (channel != null && channel.isOpen()) {
        try {
          channel.close();
        } catch (IOException | TimeoutException | RuntimeException e) {
          LOG.debug("channel close: {}", e.getMessage());
        }
      }
    }
  }

  private static long tag(Received received) {
    return ((Delivery) received.receipt()).getEnvelope().getDeliveryTag();
  }
}
