package com.expat.search.bench.indexing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Changes a member as the website does (contract sections 1 and 2): one transaction that sets a new
 * {@code headline}, bumps {@code version} and {@code updated_at}, committed; then the
 * {@code member.changed} message, persistent, with publisher confirms, on the changes exchange.
 * One writer per thread: it owns its AMQP channel (channels are not thread-safe); connections come
 * from the pool per change.
 */
public final class ChangeWriter implements AutoCloseable {
  private static final String UPDATE = "UPDATE members SET headline = ?, version = version + 1,"
      + " updated_at = UTC_TIMESTAMP(3) WHERE id = ? AND status = 'active' AND searchable = 1";
  private static final String VERSION = "SELECT version, updated_at FROM members WHERE id = ?";
  private static final long CONFIRM_TIMEOUT_MS = 10_000;

  private final DataSource db;
  private final Channel channel;
  private final String exchange;

  /** What one change did, or why it could not be made. */
  public sealed interface Outcome {}

  /**
   * Committed and published.
   *
   * @param updatedAt the row's {@code updated_at} as committed (the document's {@code updated_at} once indexed)
   * @param publishNanos {@link System#nanoTime()} just before the message was handed to RabbitMQ
   */
  public record Published(long memberId, long version, Instant updatedAt, long publishNanos) implements Outcome {}

  /** The row could not be changed (gone, no longer active and searchable) or the update failed. */
  public record Failed(String reason) implements Outcome {}

  public ChangeWriter(DataSource db, com.rabbitmq.client.Connection amqp, String exchange) throws IOException {
    this.db = db;
    this.channel = amqp.createChannel();
    this.channel.confirmSelect();
    this.exchange = exchange;
  }

  /** Sets {@code headline} on {@code memberId}, commits, publishes; never throws. */
  public Outcome change(long memberId, String headline) {
    long version;
    Instant updatedAt;
    try (Connection connection = db.getConnection()) {
      try (PreparedStatement update = connection.prepareStatement(UPDATE);
          PreparedStatement read = connection.prepareStatement(VERSION)) {
        update.setString(1, headline);
        update.setLong(2, memberId);
        if (update.executeUpdate() != 1) {
          connection.rollback();
          return new Failed("row not active and searchable");
        }
        read.setLong(1, memberId);
        try (ResultSet row = read.executeQuery()) {
          row.next();
          version = row.getLong(1);
          updatedAt = row.getTimestamp(2).toInstant();
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      return new Failed("database: " + e.getClass().getSimpleName());
    }
    String body = "{\"entity\":\"member\",\"id\":" + memberId + ",\"version\":" + version + ",\"occurred_at\":\""
        + updatedAt.truncatedTo(ChronoUnit.MILLIS) + "\"}";
    AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
        .contentType("application/json")
        .deliveryMode(2)
        .messageId(UUID.randomUUID().toString())
        .timestamp(new Date())
        .build();
    long publishNanos = System.nanoTime();
    try {
      channel.basicPublish(exchange, "member.changed", properties, body.getBytes(StandardCharsets.UTF_8));
      channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
    } catch (IOException | TimeoutException | RuntimeException e) {
      return new Failed("publish: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Failed("publish: interrupted");
    }
    return new Published(memberId, version, updatedAt, publishNanos);
  }

  @Override
  public void close() {
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (IOException | TimeoutException e) {
      // the connection closes it anyway
    }
  }
}
