package com.expat.search.indexer.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ChangeSource} over RabbitMQ: manual acknowledgements, a prefetch that keeps batches full.
 * Messages are parsed on arrival; poison messages are copied to the dead-letter exchange with
 * their original properties plus {@code x-error}, confirmed by the broker, then acknowledged, at
 * once, so they never wait behind a batch. A poison message the broker does not confirm stays
 * unacknowledged and is tried again from {@link #poll} about every second.
 *
 * <p>Channels recover with the connection (amqp-client's automatic recovery). What automatic
 * recovery does not cover is handled here:
 *
 * <ul>
 *   <li>the dead-letter channel is reopened after a failed confirm or a channel error
 *       ({@link ConfirmingPublisher});
 *   <li>a consumer whose channel the broker closed (a channel error such as an acknowledgement of
 *       an unknown delivery tag, or the broker's delivery acknowledgement timeout) or that the
 *       broker cancelled (its queue deleted) is logged, makes {@link #healthy} false, and is
 *       re-established from {@link #poll} on a new channel, the queue declared again if it is
 *       gone. The broker requeued what the old channel held, and redelivers it.
 * </ul>
 *
 * <p>A delivery is settled on the channel it came from, and only while that channel is the one
 * it was delivered on: one received before the consumer's channel was closed, replaced or
 * recovered is neither acknowledged nor dead-lettered (the broker redelivers it), so no
 * acknowledgement ever names a delivery tag the channel does not know.
 */
final class AmqpChangeSource implements ChangeSource {
  private static final Logger LOG = LoggerFactory.getLogger(AmqpChangeSource.class);
  private static final Duration FIRST_WAIT = Duration.ofMillis(200);
  private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);
  /** How often a lost consumer or a poison message not yet dead-lettered is tried again. */
  private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

  /** Where a delivery came from: what settling it needs. */
  private record Receipt(Channel channel, long generation, Delivery delivery) implements ChangeSource.Receipt {
    long tag() {
      return delivery.getEnvelope().getDeliveryTag();
    }
  }

  private record Poison(Receipt receipt, String reason) {}

  private final Connection connection;
  private final Topology topology;
  private final int prefetch;
  private final SyncMetrics metrics;
  private final ConfirmingPublisher deadLetters;
  private final BlockingQueue<Received> buffer = new LinkedBlockingQueue<>();
  private final Queue<Poison> poisonNotDeadLettered = new ConcurrentLinkedQueue<>();
  private final List<Channel> declarations = new ArrayList<>();
  private final Object consumerLock = new Object();
  private final Object depthLock = new Object();
  private Channel depth;
  private volatile Channel consumer;
  private volatile String consumerTag;
  /** Why nothing is being consumed, or null while consuming. Guarded by consumerLock for writes. */
  private volatile String notConsuming = "not started";
  /** Bumped each time the consumer's channel is replaced or recovered: older deliveries are stale. */
  private final AtomicLong generation = new AtomicLong();
  private volatile boolean stopping;
  private long nextRetry = System.nanoTime();

  AmqpChangeSource(Connection connection, Topology topology, int prefetch, SyncMetrics metrics) {
    this.connection = connection;
    this.topology = topology;
    this.prefetch = prefetch;
    this.metrics = metrics;
    this.deadLetters = new ConfirmingPublisher(connection, "dead letters on " + topology.deadLetterExchange(),
        CONFIRM_TIMEOUT, metrics::deadLetterNotConfirmed);
  }

  /** Declares the topology and starts consuming. */
  void start() {
    try {
      declarations.add(topology.declare(connection));
      depth = connection.createChannel();
      consume();
    } catch (IOException e) {
      throw new SyncException("cannot consume from " + topology.queue() + ": " + e.getMessage(), e);
    }
  }

  /**
   * True while a consumer is registered on an open channel and every poison message received was
   * dead-lettered.
   */
  boolean healthy() {
    Channel channel = consumer;
    return notConsuming == null && consumerTag != null && channel != null && channel.isOpen()
        && poisonNotDeadLettered.isEmpty();
  }

  /** The channel the consumer is registered on; tests provoke channel errors on it. */
  Channel consumerChannel() {
    return consumer;
  }

  private void consume() throws IOException {
    Channel channel = connection.createChannel();
    if (channel == null) {
      throw new IOException("no channel left on the connection");
    }
    try {
      channel.basicQos(prefetch);
      if (channel instanceof Recoverable recoverable) {
        recoverable.addRecoveryListener(new RecoveryListener() {
          @Override
          public void handleRecovery(Recoverable recovered) {
            generation.incrementAndGet(); // deliveries from before the connection failed are redelivered
          }

          @Override
          public void handleRecoveryStarted(Recoverable recovering) {}
        });
      }
      synchronized (consumerLock) {
        generation.incrementAndGet();
        consumer = channel;
      }
      String tag = channel.basicConsume(topology.queue(), false, "search-indexer-" + System.nanoTime(),
          (ignored, delivery) -> receive(channel, delivery),
          ignored -> lost(channel, "cancelled by the broker (queue deleted?)"),
          (ignored, signal) -> closed(channel, signal));
      synchronized (consumerLock) {
        consumerTag = tag;
        notConsuming = null;
      }
    } catch (IOException | RuntimeException e) {
      discard(channel);
      throw e;
    }
  }

  private void closed(Channel channel, ShutdownSignalException signal) {
    if (signal.isHardError()) {
      return; // the connection failed: automatic recovery brings the channel and consumer back
    }
    lost(channel, "its channel was closed: " + signal.getMessage());
  }

  private void lost(Channel channel, String why) {
    synchronized (consumerLock) {
      if (stopping || channel != consumer || notConsuming != null) {
        return; // our own doing, or a channel already replaced
      }
      notConsuming = why;
    }
    LOG.error("not consuming {}: consumer {}; consuming again on a new channel", topology.queue(), why);
  }

  private void receive(Channel channel, Delivery delivery) {
    Receipt receipt = new Receipt(channel, generation.get(), delivery);
    ParsedMessage parsed = MessageParser.parse(delivery.getEnvelope().getRoutingKey(), delivery.getBody());
    if (parsed instanceof ParsedMessage.Change change) {
      buffer.add(new Received(change, receipt));
      return;
    }
    Poison poison = new Poison(receipt, ((ParsedMessage.Poison) parsed).reason());
    if (!deadLetterPoison(poison)) {
      poisonNotDeadLettered.add(poison);
    }
  }

  private boolean deadLetterPoison(Poison poison) {
    try {
      deadLetterNow(poison.receipt(), poison.reason());
    } catch (SyncException e) {
      LOG.warn("could not dead-letter poison message {} yet; it stays unacknowledged and is tried again: {}",
          poison.receipt().delivery().getProperties().getMessageId(), e.getMessage());
      return false;
    }
    metrics.deadLettered();
    LOG.warn("dead-lettered message {}: {}", poison.receipt().delivery().getProperties().getMessageId(),
        poison.reason());
    return true;
  }

  @Override
  public List<Received> poll(int max, Duration linger) throws InterruptedException {
    maintain();
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
    // Delivered on a channel closed or replaced since: the broker redelivers it.
    batch.removeIf(received -> stale(receipt(received)));
    return batch;
  }

  /** Between batches: consumes again if the consumer was lost, retries poison messages. */
  private void maintain() {
    if (stopping || System.nanoTime() - nextRetry < 0) {
      return;
    }
    boolean retryLater = false;
    if (notConsuming != null && connection.isOpen()) {
      try {
        restartConsumer();
      } catch (IOException | RuntimeException e) {
        LOG.warn("cannot consume {} again yet: {}", topology.queue(), e.getMessage());
        retryLater = true;
      }
    }
    Poison poison;
    while (!retryLater && (poison = poisonNotDeadLettered.peek()) != null) {
      if (stale(poison.receipt()) || deadLetterPoison(poison)) {
        poisonNotDeadLettered.remove(poison);
      } else {
        retryLater = true;
      }
    }
    if (retryLater) {
      nextRetry = System.nanoTime() + RETRY_INTERVAL.toNanos();
    }
  }

  private void restartConsumer() throws IOException {
    Channel old = consumer;
    if (old != null) {
      discard(old); // whatever it still held goes back to the queue
    }
    if (!queueExists()) {
      declarations.add(topology.declare(connection));
      LOG.warn("queue {} was gone: declared it again", topology.queue());
    }
    consume();
    metrics.consumerRestarted();
    LOG.warn("consuming {} again, on a new channel", topology.queue());
  }

  private boolean queueExists() throws IOException {
    Channel probe = connection.createChannel();
    if (probe == null) {
      throw new IOException("no channel left on the connection");
    }
    try {
      probe.queueDeclarePassive(topology.queue());
      return true;
    } catch (IOException e) {
      return false; // the broker closed the probe channel (404)
    } finally {
      closeQuietly(probe);
    }
  }

  @Override
  public void acknowledge(List<Received> done) {
    int skipped = 0;
    for (Received received : done) {
      Receipt receipt = receipt(received);
      if (stale(receipt)) {
        skipped++;
        continue;
      }
      try {
        receipt.channel().basicAck(receipt.tag(), false);
      } catch (IOException | RuntimeException e) {
        // The channel is down: the broker redelivers these and they are applied again, harmlessly.
        LOG.info("acknowledgement lost ({}); the messages will be redelivered", e.getMessage());
        return;
      }
    }
    if (skipped > 0) {
      LOG.info("{} messages not acknowledged: their channel closed since they were received; "
          + "the broker redelivers them", skipped);
    }
  }

  @Override
  public boolean deadLetter(Received change, String reason) {
    Receipt receipt = receipt(change);
    if (stale(receipt)) {
      LOG.info("not dead-lettering message {} now: its channel closed since it was received, and the broker "
          + "redelivers it", receipt.delivery().getProperties().getMessageId());
      return false;
    }
    deadLetterNow(receipt, reason);
    return true;
  }

  /** Publishes the dead letter (confirmed), then acknowledges the delivery (best effort). */
  private void deadLetterNow(Receipt receipt, String reason) {
    Delivery delivery = receipt.delivery();
    AMQP.BasicProperties original = delivery.getProperties();
    Map<String, Object> headers = new HashMap<>();
    if (original.getHeaders() != null) {
      headers.putAll(original.getHeaders());
    }
    headers.put("x-error", reason);
    headers.put("x-original-routing-key", delivery.getEnvelope().getRoutingKey());
    headers.put("x-dead-lettered-at", java.time.Instant.now().toString());
    AMQP.BasicProperties properties = original.builder().headers(headers).build();
    deadLetters.publish(
        topology.deadLetterExchange(), delivery.getEnvelope().getRoutingKey(), properties, delivery.getBody());
    try {
      receipt.channel().basicAck(receipt.tag(), false);
    } catch (IOException | RuntimeException e) {
      // Its channel closed after the dead letter was confirmed: the broker redelivers the message,
      // which is then dead-lettered a second time. Rare, and better than losing it.
      LOG.warn("dead letter of message {} confirmed but its acknowledgement lost ({})",
          delivery.getProperties().getMessageId(), e.getMessage());
    }
  }

  /** True when the delivery can no longer be settled: the broker has requeued it or will. */
  private boolean stale(Receipt receipt) {
    return receipt.channel() != consumer || receipt.generation() != generation.get() || !receipt.channel().isOpen();
  }

  @Override
  public long backlog() {
    synchronized (depthLock) {
      try {
        if (depth == null || !depth.isOpen()) {
          if (!connection.isOpen()) {
            return -1;
          }
          if (depth != null) {
            discard(depth); // closed by a channel error (a queue deleted under it): open another
          }
          depth = connection.createChannel();
        }
        return depth.messageCount(topology.queue());
      } catch (IOException | RuntimeException e) {
        return -1;
      }
    }
  }

  @Override
  public void stopConsuming() {
    stopping = true;
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
    closeQuietly(consumer);
    deadLetters.close();
    synchronized (depthLock) {
      closeQuietly(depth);
    }
    declarations.forEach(AmqpChangeSource::closeQuietly);
  }

  private static Receipt receipt(Received received) {
    return (Receipt) received.receipt();
  }

  private static void closeQuietly(Channel channel) {
    if (channel == null) {
      return;
    }
    try {
      if (channel.isOpen()) {
        channel.close();
      } else {
        channel.abort(); // also takes it off the connection's recovery list
      }
    } catch (IOException | TimeoutException | RuntimeException e) {
      LOG.debug("channel close: {}", e.getMessage());
    }
  }

  private static void discard(Channel channel) {
    try {
      channel.abort();
    } catch (IOException | RuntimeException e) {
      // closed already
    }
  }
}
