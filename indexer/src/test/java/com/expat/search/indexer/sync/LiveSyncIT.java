package com.expat.search.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.testing.amqp.RabbitMq;
import com.expat.search.testing.amqp.RabbitMqExtension;
import com.expat.search.testing.db.MariaDbExtension;
import com.expat.search.testing.db.TestDatabase;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live sync against real RabbitMQ, MariaDB and Solr. */
@ExtendWith({SolrExtension.class, RabbitMqExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveSyncIT {
  @RegisterExtension static final MariaDbExtension DB = MariaDbExtension.withSchema("db/schema.sql");

  static TestWorld world;

  @BeforeAll
  static void catalog(TestDatabase db) throws Exception {
    world = new TestWorld(db.dataSource(), new Random(42));
    world.createCatalog();
  }

  @Test
  @Order(1)
  void indexConvergesToTheDatabaseWhateverTheOrderAndDuplicationOfMessages(
      TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    Random random = new Random(1234);
    try (var indexer = SyncFixture.start(rabbit, db.dataSource(), solr.client(), solr.members(), solr.events());
        Channel channel = rabbit.connection().createChannel()) {
      List<TestWorld.Message> delayed = new ArrayList<>();
      for (int round = 0; round < 6; round++) {
        List<TestWorld.Message> messages = new ArrayList<>(delayed);
        delayed.clear();
        for (int i = 0; i < 50; i++) {
          for (TestWorld.Message message : world.randomChange()) {
            messages.add(message);
            if (random.nextInt(3) == 0) {
              messages.add(message); // duplicated
            }
            if (random.nextInt(5) == 0) {
              delayed.add(message); // and late, after the next round of changes
            }
          }
        }
        Collections.shuffle(messages, random);
        for (TestWorld.Message message : messages) {
          message.publish(channel, rabbit.exchange());
        }
        Thread.sleep(random.nextInt(300));
      }
      Collections.shuffle(delayed, random);
      for (TestWorld.Message message : delayed) {
        message.publish(channel, rabbit.exchange());
      }
      SyncFixture.awaitConverged(Duration.ofSeconds(90),
          () -> IndexComparison.differences(db.dataSource(), solr.client(), solr.members(), solr.events()));
      assertThat(SyncFixture.drainDeadLetters(rabbit)).isEmpty();
      assertThat(indexer.registry().get("indexer.messages.processed").counter().count()).isPositive();
    }
  }

  @Test
  @Order(2)
  void poisonMessagesAreDeadLetteredWithAReasonWhileGoodOnesAroundThemAreApplied(
      TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    Map<String, String> poison = Map.of(
        "member.changed|not json at all", "body is not JSON",
        "member.changed|{\"entity\":\"group\",\"id\":5,\"version\":1}", "unknown entity",
        "member.changed|{\"entity\":\"member\",\"id\":\"abc\",\"version\":1}", "id is not a positive integer",
        "member.changed|{\"entity\":\"member\",\"id\":-3,\"version\":1}", "id is not a positive integer",
        "member.changed|{\"entity\":\"member\",\"id\":2.5,\"version\":1}", "id is not a positive integer",
        "event.changed|{\"entity\":\"member\",\"id\":1,\"version\":1}", "does not match entity",
        "member.changed|{\"entity\":\"member\",\"id\":1,\"pad\":\"" + "x".repeat(70_000) + "\"}", "over the 65536-byte limit");
    try (var indexer = SyncFixture.start(rabbit, db.dataSource(), solr.client(), solr.members(), solr.events());
        Channel channel = rabbit.connection().createChannel()) {
      SyncFixture.drainDeadLetters(rabbit);
      List<Long> good = new ArrayList<>();
      for (Map.Entry<String, String> entry : poison.entrySet()) {
        TestWorld.Message message = world.insertMember().get(0);
        good.add(Long.parseLong(message.body().replaceAll(".*\"id\":(\\d+).*", "$1")));
        message.publish(channel, rabbit.exchange());
        String[] parts = entry.getKey().split("\\|", 2);
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
            .contentType("application/json").messageId("poison-" + entry.getValue()).build();
        channel.basicPublish(rabbit.exchange(), parts[0], properties, parts[1].getBytes(StandardCharsets.UTF_8));
      }
      SyncFixture.awaitConverged(Duration.ofSeconds(60),
          () -> IndexComparison.differences(db.dataSource(), solr.client(), solr.members(), solr.events()));
      for (long id : good) {
        assertThat(count(solr, "id:" + id)).as("member " + id).isEqualTo(1);
      }
      List<GetResponse> dead = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (dead.size() < poison.size() && System.nanoTime() < deadline) {
        dead.addAll(SyncFixture.drainDeadLetters(rabbit));
        Thread.sleep(100);
      }
      assertThat(dead).hasSize(poison.size());
      for (GetResponse response : dead) {
        String error = String.valueOf(response.getProps().getHeaders().get("x-error"));
        String expected = response.getProps().getMessageId().substring("poison-".length());
        assertThat(error).as("x-error of " + response.getProps().getMessageId()).contains(expected);
        assertThat(response.getProps().getContentType()).isEqualTo("application/json");
      }
      assertThat(SyncFixture.depth(rabbit, rabbit.queue())).isZero();
    }
  }

  @Test
  @Order(3)
  void hiddenMemberIsAnnouncedOnTheInvalidationExchangeOnlyOnceSearchesNoLongerSeeThem(
      TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    try (var indexer = SyncFixture.start(rabbit, db.dataSource(), solr.client(), solr.members(), solr.events());
        Channel channel = rabbit.connection().createChannel()) {
      String notices = channel.queueDeclare().getQueue();
      channel.queueBind(notices, rabbit.invalidationExchange(), "");
      BlockingQueue<String> received = new LinkedBlockingQueue<>();
      BlockingQueue<String> announced = new LinkedBlockingQueue<>();
      channel.basicConsume(notices, true, (tag, delivery) -> {
        String body = new String(delivery.getBody(), StandardCharsets.UTF_8);
        boolean pending = body.contains("\"phase\":\"pending\"");
        try {
          // What a query service would see the moment it gets the notice.
          String id = body.replaceAll(pending ? ".*\"changed\":\\[(\\d+).*" : ".*\"removed\":\\[(\\d+).*", "$1");
          (pending ? announced : received).add(body + " visible=" + count(solr, "id:" + id));
        } catch (Exception e) {
          received.add(body + " error " + e);
        }
      }, tag -> {});
      TestWorld.Message created = world.insertMember().get(0);
      long id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
      created.publish(channel, rabbit.exchange());
      assertThat(received.poll(20, TimeUnit.SECONDS)).contains("\"changed\":[" + id + "]");

      world.sql("UPDATE members SET status = 'deactivated', version = version + 1 WHERE id = " + id);
      world.memberMessage(id, "changed").publish(channel, rabbit.exchange());
      String notice = received.poll(20, TimeUnit.SECONDS);
      assertThat(notice).contains("\"members\":{\"removed\":[" + id + "],\"changed\":[]}").endsWith("visible=0");
      // Each batch was announced, under the id its visible notice carries, before that notice.
      assertThat(announced.poll(1, TimeUnit.SECONDS)).contains("\"changed\":[" + id + "]", "\"phase\":\"pending\"");
      String beforeDeactivation = announced.poll(1, TimeUnit.SECONDS);
      assertThat(beforeDeactivation).contains("\"changed\":[" + id + "]", "\"phase\":\"pending\"");
      String batch = beforeDeactivation.replaceAll(".*\"batch\":\"([^\"]+)\".*", "$1");
      assertThat(notice).contains("\"batch\":\"" + batch + "\"", "\"phase\":\"visible\"");
    }
  }

  static long count(SolrCores solr, String q) throws Exception {
    return solr.client().query(solr.members(), new SolrQuery(q).setRows(0)).getResults().getNumFound();
  }
}
