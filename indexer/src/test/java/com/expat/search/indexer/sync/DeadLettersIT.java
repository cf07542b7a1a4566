package com.expat.search.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.indexer.ToolRun;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.testing.amqp.RabbitMq;
import com.expat.search.testing.amqp.RabbitMqExtension;
import com.expat.search.testing.db.MariaDbExtension;
import com.expat.search.testing.db.TestDatabase;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code dead-letters list|replay} as the operator runs it, on what a real live sync
 * dead-lettered: a row Solr refuses (a data bug, counted as rejected) and a message that is not
 * JSON; replayed once the bug is fixed.
 */
@ExtendWith({SolrExtension.class, RabbitMqExtension.class})
class DeadLettersIT {
  @RegisterExtension static final MariaDbExtension DB = MariaDbExtension.withSchema("db/schema.sql");

  @Test
  void listShowsWhyAndKeepsThemAndReplayAfterTheFixIndexesTheRow(TestDatabase db, SolrCores solr, RabbitMq rabbit)
      throws Exception {
    TestWorld world = new TestWorld(db.dataSource(), new Random(3));
    world.createCatalog();
    TestWorld.Message refused = world.insertMember().get(0);
    String refusedId = refused.body().replaceAll(".*\"id\":(\\d+).*", "$1");
    Map<String, String> env = ToolRun.env(db, solr, rabbit);
    try (Channel channel = rabbit.connection().createChannel()) {
      try (var spoiled = SyncFixture.start(rabbit, db.dataSource(),
          new SpoiledRows(new SolrSearchIndex(solr.client()), Set.of(refusedId)), solr.client(),
          SyncFixture.settings(rabbit, solr.members(), solr.events()))) {
        publish(channel, rabbit, refused.routingKey(), "row-" + refusedId, refused.body());
        publish(channel, rabbit, "member.changed", "poison-1", "not json at all\u0001");
        await(() -> SyncFixture.depth(rabbit, rabbit.deadLetterQueue()) == 2);
        assertThat(spoiled.registry().get("indexer.rows.rejected").tag("entity", "member").counter().count())
            .isEqualTo(1);
      }

      ToolRun list = ToolRun.run(env, "dead-letters", "list");
      assertThat(list.status()).as(list.output()).isZero();
      assertThat(list.output())
          .contains(rabbit.deadLetterQueue() + ": 2 dead letter(s)")
          .contains("row-" + refusedId + "  member.changed")
          .contains("x-error: Solr refuses member " + refusedId)
          .contains("poison-1  member.changed")
          .contains("x-error: body is not JSON")
          .contains("body: not json at all\\u0001")
          .containsPattern("dead-lettered 20\\d\\d-\\d\\d-\\d\\dT");
      assertThat(SyncFixture.depth(rabbit, rabbit.deadLetterQueue())).as("list removes nothing").isEqualTo(2);

      try (var fixed = SyncFixture.start(rabbit, db.dataSource(), solr.client(), solr.members(), solr.events())) {
        ToolRun replay = ToolRun.run(env, "dead-letters", "replay", "row-" + refusedId, "no-such-id");
        assertThat(replay.status()).as(replay.output()).isEqualTo(3);
        assertThat(replay.output()).contains("1 dead letter(s) replayed").contains("not in "
            + rabbit.deadLetterQueue() + ": no-such-id");
        await(() -> solr.client().query(solr.members(), new SolrQuery("id:" + refusedId)).getResults().size() == 1);
        assertThat(SyncFixture.depth(rabbit, rabbit.deadLetterQueue())).isEqualTo(1);

        ToolRun all = ToolRun.run(env, "dead-letters", "replay", "--all");
        assertThat(all.status()).as(all.output()).isZero();
        assertThat(all.output()).contains("replayed #1 poison-1 (member.changed)");
        // Still poison: the live sync dead-letters it again, with its reason.
        await(() -> SyncFixture.depth(rabbit, rabbit.deadLetterQueue()) == 1);
      }
    }
    ToolRun neither = ToolRun.run(env, "dead-letters", "replay");
    assertThat(neither.status()).isEqualTo(1);
    assertThat(neither.output()).contains("replay needs either --all or message ids");
    ToolRun unknown = ToolRun.run(env, "dead-letters", "purge");
    assertThat(unknown.status()).isEqualTo(1);
    assertThat(unknown.output()).contains("unknown action 'purge': list or replay");
  }

  private static void publish(Channel channel, RabbitMq rabbit, String routingKey, String messageId, String body)
      throws Exception {
    AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
        .messageId(messageId).timestamp(new java.util.Date()).deliveryMode(2).build();
    channel.basicPublish(rabbit.exchange(), routingKey, properties, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void await(Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!condition.call()) {
      assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
      Thread.sleep(200);
    }
  }
}
