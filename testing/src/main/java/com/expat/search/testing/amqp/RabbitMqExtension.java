package com.expat.search.testing.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a real RabbitMQ ({@code AMQP_URI}, default
 * {@code amqp://guest:guest@127.0.0.1:5672/}) and names of its own: {@code @ExtendWith(RabbitMqExtension.class)},
 * then take a {@link RabbitMq} parameter. After the class its queues and exchanges are deleted.
 * If the broker is not reachable the class fails at once, saying where it looked.
 */
public final class RabbitMqExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  static final String DEFAULT_URI = "amqp://guest:guest@127.0.0.1:5672/";
  private static final Namespace NAMESPACE = Namespace.create(RabbitMqExtension.class);
  private static final String KEY = "rabbitmq";

  @Override
  public void beforeAll(ExtensionContext context) {
    String raw = System.getenv("AMQP_URI");
    URI uri = URI.create(raw == null || raw.isBlank() ? DEFAULT_URI : raw.trim());
    ConnectionFactory factory = new ConnectionFactory();
    Connection connection;
    try {
      factory.setUri(uri);
      if (factory.getVirtualHost().isEmpty()) {
        factory.setVirtualHost("/"); // amqp://host:5672/ means the default vhost to everyone
      }
      factory.setAutomaticRecoveryEnabled(true);
      connection = factory.newConnection("test-" + context.getRequiredTestClass().getSimpleName());
    } catch (Exception e) {
      throw new ExtensionConfigurationException("RabbitMQ is not reachable at " + uri + " (" + e.getMessage()
          + "). Start it (scripts/ensure-services), or point AMQP_URI at a broker.", e);
    }
    String base = "t." + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT) + "."
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    RabbitMq rabbit = new RabbitMq(uri, connection, base + ".changes", base + ".indexer",
        base + ".indexer.dlx", base + ".indexer.dead", base + ".invalidations");
    context.getStore(NAMESPACE).put(KEY, rabbit);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    RabbitMq rabbit = context.getStore(NAMESPACE).remove(KEY, RabbitMq.class);
    if (rabbit == null) {
      return;
    }
    try (Connection connection = rabbit.connection()) {
      for (String queue : List.of(rabbit.queue(), rabbit.deadLetterQueue())) {
        try (Channel channel = connection.createChannel()) {
          channel.queueDelete(queue);
        } catch (Exception e) {
          // already gone
        }
      }
      for (String exchange : List.of(rabbit.exchange(), rabbit.deadLetterExchange(), rabbit.invalidationExchange())) {
        try (Channel channel = connection.createChannel()) {
          channel.exchangeDelete(exchange);
        } catch (Exception e) {
          // already gone
        }
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RabbitMq.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    for (ExtensionContext at = context; at != null; at = at.getParent().orElse(null)) {
      RabbitMq rabbit = at.getStore(NAMESPACE).get(KEY, RabbitMq.class);
      if (rabbit != null) {
        return rabbit;
      }
    }
    throw new ExtensionConfigurationException("register RabbitMqExtension on the test class");
  }
}
