package com.expat.search.testing.amqp;

import java.net.URI;
import java.util.Objects;

/**
 * The RabbitMQ a test class works against, injected by {@link RabbitMqExtension}: the broker's
 * URI and names of exchanges and queues for this test class alone, standing in for the contract's
 * ({@code expat.changes}, {@code search-indexer}, {@code search-indexer.dlx},
 * {@code search-indexer.dead}, {@code expat.search.invalidations}). Nothing is declared for the
 * test: the code under test declares what it uses; the extension deletes these names afterwards.
 *
 * @param connection a connection for the test's own publishing and inspection; closed after the
 *     class, not to be closed by tests
 */
public record RabbitMq(
    URI uri,
    com.rabbitmq.client.Connection connection,
    String exchange,
    String queue,
    String deadLetterExchange,
    String deadLetterQueue,
    String invalidationExchange) {

  public RabbitMq {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(connection, "connection");
  }
}
