package com.expat.search.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.testing.amqp.RabbitMq;
import com.expat.search.testing.net.TcpProxy;
import com.expat.search.testing.amqp.RabbitMqExtension;
import com.expat.search.testing.db.MariaDbExtension;
import com.expat.search.testing.db.TestDatabase;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.micrometer.core.instrument.Counter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.solr.client.solrj.SolrClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RabbitMQ channels that die while the connection stays up, which automatic recovery does not
 * repair: a publisher channel closed after a refused confirm or a channel error, a consumer
 * channel closed by the broker, a consumer cancelled by the broker; and a batch retried after part
 * of it was dead-lettered. Each message ends applied or dead-lettered exactly once, readiness
 * tells the truth meanwhile, the indexer repairs itself and keeps consuming. Nothing is lost.
 */
@ExtendWith({SolrExtension.class, RabbitMqExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChannelFailureIT {
  @RegisterExtension static final MariaDbExtension DB = MariaDbExtension.withSchema("db/schema.sql");

  private static final Duration GENEROUS = Duration.ofSeconds(60);
  /** Members whose documents Solr refuses ({@link SpoiledRows}); left out of index comparisons. */
  private static final Set<String> SPOILED = new HashSet<>();

  static TestWorld world;

  @BeforeAll
  static void catalog(TestDatabase db) throws Exception {
    world = new TestWorld(db.dataSource(), new Random(31));
    world.createCatalog();
  }

  @Test
  @Order(1)
  void invalidationNoticeTheBrokerRefusesDoesNotLeaveItsChannelDeadAndTheBatchIsAppliedOnceItAccepts(
      TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    String refusing = rabbit.invalidationExchange() + ".refusing";
    try (var indexer = SyncFixture.start(rabbit, db.dataSource(), solr.client(), solr.members(), solr.events());
        Channel channel = rabbit.connection().createChannel()) {
      // A queue on the notice exchange that takes nothing: the broker nacks every notice, and
      // amqp-client's waitForConfirmsOrDie then closes the channel, as it does when a confirm
      // times out (a memory alarm). The connection stays up: automatic recovery does nothing.
      channel.queueDeclare(refusing, false, false, false, Map.of("x-max-length", 0, "x-overflow", "reject-publish"));
      channel.queueBind(refusing, rabbit.invalidationExchange(), "");
      publishChanges(rabbit, 10);
      // Two failed attempts: the retry met the refusal too, so it did publish again.
      await("the batch retried twice", () -> indexer.registry().get("indexer.retries").counter().count() >= 2);
      assertThat(indexer.sync().ready()).as("ready while notices are refused").isFalse();

      channel.queueDelete(refusing);
      publishChanges(rabbit, 10);
      awaitConverged(db, solr);
      await("ready again", () -> indexer.sync().ready());
      assertThat(counter(indexer, "indexer.publish.failures", "invalidations").count()).isGreaterThanOrEqualTo(2);
      assertThat(counter(indexer, "indexer.publish.failures", "dead-letters").count()).isZero();
    }
    assertThat(SyncFixture.depth(rabbit, rabbit.queue())).as("messages never acknowledged").isZero();
    assertThat(SyncFixture.drainDeadLetters(rabbit)).isEmpty();
  }

  @Test
  @Order(2)
  void deadLetterChannelClosedByTheBrokerIsReopenedAndEachPoisonMessageIsDeadLetteredOnce(
      TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    try (var indexer = SyncFixture.start(rabbit, db.dataSource(), solr.client(), solr.members(), solr.events());
        Channel channel = rabbit.connection().createChannel()) {
      SyncFixture.drainDeadLetters(rabbit);
      // The dead-letter exchange deleted under the running indexer: the broker closes the channel
      // of the next dead letter (404), the connection stays up, and nothing reopens that channel,
      // the state a confirm timeout leaves behind.
      channel.exchangeDelete(rabbit.deadLetterExchange());
      publishPoison(channel, rabbit, "poison-1");
      publishChanges(channel, rabbit, 5); // on the same channel: delivered after the poison message
      awaitConverged(db, solr);
      assertThat(indexer.sync().ready()).as("ready while a poison message is not dead-lettered").isFalse();

      channel.exchangeDeclare(rabbit.deadLetterExchange(), "fanout", true);
      channel.queueBind(rabbit.deadLetterQueue(), rabbit.deadLetterExchange(), "");
      List<GetResponse> dead = new ArrayList<>();
      awaitDeadLetters(rabbit, dead, 1);
      publishPoison(channel, rabbit, "poison-2");
      awaitDeadLetters(rabbit, dead, 2);
      await("ready again", () -> indexer.sync().ready());
      publishChanges(rabbit, 5);
      awaitConverged(db, solr);

      assertThat(dead).extracting(response -> response.getProps().getMessageId())
          .containsExactlyInAnyOrder("poison-1", "poison-2");
      assertThat(dead).allSatisfy(response ->
          assertThat(String.valueOf(response.getProps().getHeaders().get("x-error"))).contains("not JSON"));
      assertThat(counter(indexer, "indexer.publish.failures", "dead-letters").count()).isPositive();
    }
    assertThat(SyncFixture.depth(rabbit, rabbit.queue())).as("messages never acknowledged").isZero();
    assertThat(SyncFixture.drainDeadLetters(rabbit)).as("dead letters sent twice").isEmpty();
  }

  @Test
  @Order(3)
  void consumerChannelClosedByTheBrokerIsNotReadyThenConsumesAgainOnANewChannelAndLosesNothing(
      TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    URI base = URI.create(solr.baseUrl());
    try (TcpProxy proxy = new TcpProxy(base.getHost(), base.getPort());
        SolrClient viaProxy = SolrClients.create(SolrSettings.at(
            URI.create("http://127.0.0.1:" + proxy.port() + base.getPath())));
        var indexer = SyncFixture.start(rabbit, db.dataSource(), viaProxy, solr.members(), solr.events())) {
      publishChanges(rabbit, 20);
      awaitConverged(db, solr);
      // A batch in hand, failing: its messages are unacknowledged on the consumer's channel.
      proxy.cut();
      publishChanges(rabbit, 5);
      await("a batch failing", () -> indexer.registry().get("indexer.retries").counter().count() >= 1);

      // What a second acknowledgement of one delivery does: the broker closes the consumer's
      // channel (PRECONDITION_FAILED, unknown delivery tag) and requeues what it held.
      indexer.sync().source().consumerChannel().basicAck(1_000_000L, false);
      await("the broker dropped the consumer", () -> consumers(rabbit) == 0);
      assertThat(indexer.sync().source().healthy()).as("consumer reported healthy without a channel").isFalse();
      assertThat(indexer.sync().ready()).isFalse();

      proxy.restore();
      await("consuming again", () -> consumers(rabbit) == 1);
      publishChanges(rabbit, 10);
      awaitConverged(db, solr);
      await("ready again", () -> indexer.sync().ready());
      assertThat(indexer.registry().get("indexer.consumer.restarts").counter().count()).isEqualTo(1);
    }
    assertThat(SyncFixture.depth(rabbit, rabbit.queue())).as("messages never acknowledged").isZero();
    assertThat(SyncFixture.drainDeadLetters(rabbit)).isEmpty();
  }

  @Test
  @Order(4)
  void consumerCancelledByTheBrokerBecauseItsQueueWasDeletedDeclaresItAgainAndConsumesIt(
      TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    try (var indexer = SyncFixture.start(rabbit, db.dataSource(), solr.client(), solr.members(), solr.events());
        Channel channel = rabbit.connection().createChannel()) {
      publishChanges(rabbit, 10);
      awaitConverged(db, solr);
      await("idle", () -> SyncFixture.depth(rabbit, rabbit.queue()) == 0);

      channel.queueDelete(rabbit.queue()); // the broker cancels the consumer
      await("consuming again", () -> consumers(rabbit) == 1);
      publishChanges(rabbit, 10);
      awaitConverged(db, solr);
      await("ready again", () -> indexer.sync().ready());
      assertThat(indexer.registry().get("indexer.consumer.restarts").counter().count()).isEqualTo(1);
    }
    assertThat(SyncFixture.depth(rabbit, rabbit.queue())).as("messages never acknowledged").isZero();
    assertThat(SyncFixture.drainDeadLetters(rabbit)).isEmpty();
  }

  /**
   * The batch: two rows Solr refuses and six good ones, in one batch. The first refused row is
   * dead-lettered (confirmed, acknowledged); the dead letter of the second is refused by the
   * broker; the retries then meet Solr down. Once both are back, the retry must carry only
   * what was not settled yet: dead-lettering and acknowledging the first row's message again
   * would put it twice in the dead-letter queue and make the broker close the consumer's channel.
   */
  @Test
  @Order(5)
  void batchRetriedAfterPartOfItWasDeadLetteredSettlesEachMessageExactlyOnceAndKeepsConsuming(
      TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    List<TestWorld.Message> spoiled = List.of(world.insertMember().get(0), world.insertMember().get(0));
    spoiled.forEach(message -> SPOILED.add(id(message)));
    List<TestWorld.Message> good = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      good.addAll(world.insertMember());
    }
    String full = rabbit.deadLetterExchange() + ".full";
    URI base = URI.create(solr.baseUrl());
    try (Channel channel = rabbit.connection().createChannel();
        Channel publisher = rabbit.connection().createChannel();
        TcpProxy proxy = new TcpProxy(base.getHost(), base.getPort());
        SolrClient viaProxy = SolrClients.create(SolrSettings.at(
            URI.create("http://127.0.0.1:" + proxy.port() + base.getPath())))) {
      // The queue exists before the indexer starts, so that the whole batch waits in it.
      SyncFixture.topology(rabbit).declare(rabbit.connection()).close();
      SyncFixture.drainDeadLetters(rabbit);
      publisher.confirmSelect();
      for (TestWorld.Message message : spoiled) {
        message.publish(publisher, rabbit.exchange());
      }
      for (TestWorld.Message message : good) {
        message.publish(publisher, rabbit.exchange());
      }
      publisher.waitForConfirmsOrDie(10_000);
      assertThat(SyncFixture.depth(rabbit, rabbit.queue())).isEqualTo(spoiled.size() + good.size());

      SyncSettings oneBatch = SyncFixture.settings(rabbit, solr.members(), solr.events(),
          spoiled.size() + good.size(), Duration.ofSeconds(2));
      proxy.cut(); // the batch waits at Solr while the dead letters' destination is changed
      try (var indexer = SyncFixture.start(rabbit, db.dataSource(),
          new SpoiledRows(new SolrSearchIndex(viaProxy), SPOILED), viaProxy, oneBatch)) {
        await("the batch failing on Solr", () -> indexer.registry().get("indexer.retries").counter().count() >= 1);
        // The dead letters' only destination takes one message and refuses the next
        // (reject-publish): the broker nacks the second dead letter, after the first was confirmed.
        channel.queueUnbind(rabbit.deadLetterQueue(), rabbit.deadLetterExchange(), "");
        channel.queueDeclare(full, false, false, false, Map.of("x-max-length", 1, "x-overflow", "reject-publish"));
        channel.queueBind(full, rabbit.deadLetterExchange(), "");
        double solrFailures = indexer.registry().get("indexer.retries").counter().count();
        proxy.restore();
        await("one dead letter taken, the next refused",
            () -> SyncFixture.depth(rabbit, full) == 1
                && indexer.registry().get("indexer.retries").counter().count() >= solrFailures + 1);
        assertThat(indexer.sync().ready()).as("ready while the batch fails").isFalse();
        // Then Solr fails the next attempts. Once two have failed, every attempt stops at Solr,
        // before any dead letter, so the dead letters can be given room again without a race.
        proxy.cut();
        double retries = indexer.registry().get("indexer.retries").counter().count();
        await("retries failing on Solr", () -> indexer.registry().get("indexer.retries").counter().count()
            >= retries + 2);
        channel.queueBind(rabbit.deadLetterQueue(), rabbit.deadLetterExchange(), "");
        channel.queueUnbind(full, rabbit.deadLetterExchange(), "");
        List<GetResponse> dead = new ArrayList<>();
        GetResponse response;
        while ((response = channel.basicGet(full, true)) != null) {
          dead.add(response);
        }
        channel.queueDelete(full);
        assertThat(dead).as("dead letters taken before the refusal").hasSize(1);
        proxy.restore();

        awaitConverged(db, solr);
        awaitDeadLetters(rabbit, dead, spoiled.size());
        await("ready again", () -> indexer.sync().ready());
        // And the consumer is still there: new changes are applied.
        for (int i = 0; i < 10; i++) {
          for (TestWorld.Message message : i % 2 == 0 ? world.insertMember() : world.insertEvent(2)) {
            message.publish(publisher, rabbit.exchange());
          }
        }
        awaitConverged(db, solr);
        dead.addAll(SyncFixture.drainDeadLetters(rabbit));

        assertThat(dead).extracting(ChannelFailureIT::deadId).as("dead-lettered rows")
            .containsExactlyInAnyOrderElementsOf(SPOILED);
        assertThat(dead).allSatisfy(letter ->
            assertThat(String.valueOf(letter.getProps().getHeaders().get("x-error"))).contains("Solr refuses"));
        assertThat(indexer.registry().get("indexer.dead.lettered").counter().count()).isEqualTo(spoiled.size());
        assertThat(consumers(rabbit)).isEqualTo(1);
        assertThat(indexer.registry().get("indexer.consumer.restarts").counter().count()).isZero();
      }
    }
    assertThat(SyncFixture.depth(rabbit, rabbit.queue())).as("messages never acknowledged").isZero();
    assertThat(SyncFixture.drainDeadLetters(rabbit)).as("dead letters sent twice").isEmpty();
  }

  private static void publishChanges(RabbitMq rabbit, int changes) throws Exception {
    try (Channel channel = rabbit.connection().createChannel()) {
      publishChanges(channel, rabbit, changes);
    }
  }

  private static void publishChanges(Channel channel, RabbitMq rabbit, int changes) throws Exception {
    for (int i = 0; i < changes; i++) {
      for (TestWorld.Message message : world.randomChange()) {
        message.publish(channel, rabbit.exchange());
      }
    }
  }

  private static void publishPoison(Channel channel, RabbitMq rabbit, String messageId) throws Exception {
    AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
        .contentType("application/json").messageId(messageId).deliveryMode(2).build();
    channel.basicPublish(rabbit.exchange(), "member.changed", properties,
        "not json at all".getBytes(StandardCharsets.UTF_8));
  }

  /** Adds what the dead-letter queue holds to {@code dead} until it has {@code atLeast}. */
  private static void awaitDeadLetters(RabbitMq rabbit, List<GetResponse> dead, int atLeast) throws Exception {
    await(atLeast + " dead letters", () -> {
      dead.addAll(SyncFixture.drainDeadLetters(rabbit));
      return dead.size() >= atLeast;
    });
  }

  private static void awaitConverged(TestDatabase db, SolrCores solr) throws Exception {
    SyncFixture.awaitConverged(GENEROUS, () -> IndexComparison.differences(
            db.dataSource(), solr.client(), solr.members(), solr.events()).stream()
        .filter(line -> SPOILED.stream().noneMatch(id -> line.startsWith("member " + id + ":")))
        .toList());
  }

  /** Polls {@code condition} until it holds, or fails saying what never happened. */
  private static void await(String what, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never happened: " + what);
      }
      Thread.sleep(50);
    }
  }

  /** Consumers the broker has on the indexer's queue (0 when the queue is gone). */
  private static long consumers(RabbitMq rabbit) throws Exception {
    try (Channel channel = rabbit.connection().createChannel()) {
      return channel.consumerCount(rabbit.queue());
    } catch (java.io.IOException | com.rabbitmq.client.AlreadyClosedException e) {
      return 0; // the queue is gone (404)
    }
  }

  private static Counter counter(SyncFixture.Running indexer, String name, String channel) {
    Counter counter = indexer.registry().find(name).tag("channel", channel).counter();
    assertThat(counter).as(name + "{channel=" + channel + "}").isNotNull();
    return counter;
  }

  private static String id(TestWorld.Message message) {
    return message.body().replaceAll(".*\"id\":(\\d+).*", "$1");
  }

  private static String deadId(GetResponse response) {
    return new String(response.getBody(), StandardCharsets.UTF_8).replaceAll(".*\"id\":(\\d+).*", "$1");
  }
}
