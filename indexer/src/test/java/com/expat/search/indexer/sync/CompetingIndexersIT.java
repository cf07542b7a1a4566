package com.expat.search.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.testing.amqp.RabbitMq;
import com.expat.search.testing.amqp.RabbitMqExtension;
import com.expat.search.testing.db.MariaDbExtension;
import com.expat.search.testing.db.TestDatabase;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.rabbitmq.client.Channel;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two real indexer processes consuming one queue, as two replicas of the indexer would: 4,000
 * changes made in MariaDB and published while both run, one of them {@code kill -9}ed halfway
 * (its unacknowledged messages go back to the queue and to the other). The index then equals the
 * database, the queue is empty and nothing is dead-lettered: versions, not arrival order, decide
 * what a document says, so two consumers racing on one member cannot leave an older state.
 */
@ExtendWith({SolrExtension.class, RabbitMqExtension.class})
class CompetingIndexersIT {
  @RegisterExtension static final MariaDbExtension DB = MariaDbExtension.withSchema("db/schema.sql");

  // Making the changes is nearly all of the test's time; 2,000 before the kill and 2,000 after
  // reach both indexers (docs/scale.md also gives a run of 10,000).
  private static final int CHANGES = 4_000;
  private static final Duration GENEROUS = Duration.ofSeconds(180);

  @Test
  void twoIndexersOnOneQueueOneKilledHalfwayLeaveTheIndexEqualToTheDatabase(
      TestDatabase db, SolrCores solr, RabbitMq rabbit) throws Exception {
    TestWorld world = new TestWorld(db.dataSource(), new Random(14));
    world.createCatalog();
    long started = System.nanoTime();
    double processedByKilled;
    try (IndexerProcess a = IndexerProcess.start("competing-a", rabbit, db, solr);
        IndexerProcess b = IndexerProcess.start("competing-b", rabbit, db, solr);
        Channel channel = rabbit.connection().createChannel()) {
      a.awaitReady(GENEROUS);
      b.awaitReady(GENEROUS);
      channel.confirmSelect();
      processedByKilled = 0;
      for (int change = 1; change <= CHANGES; change++) {
        for (TestWorld.Message message : world.randomChange()) {
          message.publish(channel, rabbit.exchange());
        }
        if (change % 100 == 0) {
          channel.waitForConfirmsOrDie(30_000);
        }
        if (change == CHANGES / 2) {
          processedByKilled = a.counter("indexer_messages_processed_total");
          a.kill();
        }
      }
      channel.waitForConfirmsOrDie(30_000);
      long published = System.nanoTime();
      SyncFixture.awaitConverged(GENEROUS,
          () -> IndexComparison.differences(db.dataSource(), solr.client(), solr.members(), solr.events()));
      long deadline = System.nanoTime() + GENEROUS.toNanos();
      while (SyncFixture.depth(rabbit, rabbit.queue()) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      double processedBySurvivor = b.counter("indexer_messages_processed_total");
      System.out.printf("competing indexers: %d changes published in %d ms, index equal to the database %d ms later;"
          + " messages applied: %.0f by the one killed at change %d, %.0f by the survivor%n", CHANGES,
          (published - started) / 1_000_000, (System.nanoTime() - published) / 1_000_000, processedByKilled,
          CHANGES / 2, processedBySurvivor);
      assertThat(processedByKilled).as("messages the killed indexer applied before it died").isPositive();
      assertThat(processedBySurvivor).as("messages the survivor applied").isPositive();
    }
    assertThat(SyncFixture.depth(rabbit, rabbit.queue())).as("messages left in the queue").isZero();
    assertThat(SyncFixture.drainDeadLetters(rabbit)).as("dead letters").isEmpty();
    assertThat(IndexComparison.differences(db.dataSource(), solr.client(), solr.members(), solr.events())).isEmpty();
  }
}
