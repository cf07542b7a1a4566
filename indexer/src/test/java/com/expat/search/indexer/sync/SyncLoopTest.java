package com.expat.search.indexer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.indexer.solr.IndexAdmin;
import com.expat.search.indexer.solr.IndexWriteException;
import com.expat.search.indexer.solr.SearchIndex;
import com.expat.search.indexer.source.RowReader;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.EventDetails;
import com.expat.search.indexer.world.MemberProfile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;

/**
 * How the worker settles the messages of a batch, over fakes of its boundaries (ChannelFailureIT
 * runs the same story against RabbitMQ, MariaDB and Solr).
 */
class SyncLoopTest {
  private final Clock clock = Clock.systemUTC();

  @Test
  void batchRetriedAfterPartOfItWasDeadLetteredSettlesEveryMessageExactlyOnce() {
    // Rows 1 and 2 are refused by the index; the dead letter of row 2 is not confirmed once.
    SettlementLog source = new SettlementLog(2);
    SyncLoop loop = loop(source, Set.of("1", "2"));

    loop.handle(List.of(received(1), received(2), received(3), received(4)));

    assertThat(source.deadLettered).containsExactly("member 1", "member 2");
    assertThat(source.acknowledged).containsExactlyInAnyOrder("member 3", "member 4");
    assertThat(loop.healthy()).isTrue();
  }

  @Test
  void twoMessagesOfOneRefusedRowAreEachDeadLetteredOnceWhenTheSecondOneFailsOnce() {
    SettlementLog source = new SettlementLog(2);
    SyncLoop loop = loop(source, Set.of("5"));
    Received first = received(5);
    Received second = received(5);
    Received other = received(6);

    loop.handle(List.of(first, second, other));

    assertThat(source.settled).containsExactly(first, second, other);
    assertThat(source.deadLettered).containsExactly("member 5", "member 5");
    assertThat(source.acknowledged).containsExactly("member 6");
  }

  @Test
  void batchWhoseSoftCommitSolrIgnoredWhileReplayingItsLogIsNotAcknowledgedUntilSearchesShowIt() {
    // ChaosCommandIT, once: Solr killed, then restarted; the indexer wrote the batch it held while
    // Solr replayed its update log, and Solr answered success to the commit it ignored.
    SettlementLog source = new SettlementLog(0);
    ReplayingIndex index = new ReplayingIndex(Map.of("7", 3L), 1);
    SyncLoop loop = loop(source, index);
    List<String> shownAtAcknowledgement = new ArrayList<>();
    source.onAcknowledge = () -> shownAtAcknowledgement.addAll(index.searchable.keySet());

    loop.handle(List.of(received(7)));

    assertThat(source.acknowledged).containsExactly("member 7");
    assertThat(shownAtAcknowledgement).as("searches still showed the deleted member when it was acknowledged")
        .doesNotContain("7");
    assertThat(index.commitsIgnored).isEqualTo(1);
  }

  private SyncLoop loop(ChangeSource source, Set<String> refusedIds) {
    return loop(source, new Refusing(refusedIds));
  }

  private SyncLoop loop(ChangeSource source, SearchIndex index) {
    SyncMetrics metrics = new SyncMetrics(new SimpleMeterRegistry(), clock, () -> 0);
    BatchProcessor processor = new BatchProcessor(new NoRows(), index,
        new IndexTargets(new NoBuilds(), "members", "events", Duration.ofMinutes(1), clock), clock, metrics);
    return new SyncLoop(source, processor, InvalidationSink.NONE, 100, Duration.ZERO,
        new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)), new SplittableRandom(1), metrics, clock);
  }

  private static Received received(long memberId) {
    return new Received(new ParsedMessage.Change(Entity.MEMBER, memberId, 1, Instant.now()), new ChangeSource.Receipt() {});
  }

  /**
   * Records each settlement, and refuses to settle one twice as the broker does (it closes the
   * channel). The dead letter number {@code failingDeadLetter} is not confirmed.
   */
  private static final class SettlementLog implements ChangeSource {
    final List<String> deadLettered = new ArrayList<>();
    final List<String> acknowledged = new ArrayList<>();
    final List<Received> settled = new ArrayList<>();
    private final int failingDeadLetter;
    private int deadLetterCalls;
    Runnable onAcknowledge = () -> {};

    SettlementLog(int failingDeadLetter) {
      this.failingDeadLetter = failingDeadLetter;
    }

    @Override
    public List<Received> poll(int max, Duration linger) {
      return List.of();
    }

    @Override
    public void acknowledge(List<Received> done) {
      onAcknowledge.run();
      done.forEach(received -> settle(received, acknowledged));
    }

    @Override
    public boolean deadLetter(Received change, String reason) {
      if (++deadLetterCalls == failingDeadLetter) {
        throw new SyncException("the broker did not confirm the dead letter");
      }
      settle(change, deadLettered);
      return true;
    }

    private void settle(Received received, List<String> into) {
      assertThat(settled).as("settled already: the broker would close the channel").doesNotContain(received);
      settled.add(received);
      into.add(received.change().entity().wire() + " " + received.change().id());
    }

    @Override
    public long backlog() {
      return 0;
    }

    @Override
    public void stopConsuming() {}

    @Override
    public void close() {}
  }

  /** Every row is gone from the database: each change is a tombstone. */
  private static final class NoRows implements RowReader {
    @Override
    public Map<Long, MemberProfile> members(Collection<Long> ids) {
      return Map.of();
    }

    @Override
    public Map<Long, EventDetails> events(Collection<Long> ids) {
      return Map.of();
    }

    @Override
    public Catalog catalog() {
      return new Catalog(List.of(), List.of());
    }
  }

  /**
   * An index as a Solr node that is replaying its update log after a restart: it accepts writes,
   * and answers success to the first {@code commitsToIgnore} soft commits without opening a
   * searcher. {@code searchable} is what searches show: id to version, tombstones left out.
   */
  private static final class ReplayingIndex extends QuietIndex {
    final Map<String, Long> searchable;
    private final Map<String, IndexChange> written = new HashMap<>();
    private int commitsToIgnore;
    int commitsIgnored;

    ReplayingIndex(Map<String, Long> searchable, int commitsToIgnore) {
      this.searchable = new HashMap<>(searchable);
      this.commitsToIgnore = commitsToIgnore;
    }

    @Override
    public void apply(String core, List<IndexChange> changes) {
      changes.forEach(change -> written.put(change.id(), change));
    }

    @Override
    public void softCommit(String core) {
      if (commitsToIgnore > 0) {
        commitsToIgnore--;
        commitsIgnored++;
        return;
      }
      written.values().forEach(change -> {
        if (change instanceof IndexChange.Delete) {
          searchable.remove(change.id());
        } else {
          searchable.put(change.id(), change.version());
        }
      });
    }

    @Override
    public List<IndexChange> notVisible(String core, List<IndexChange> changes) {
      return changes.stream().filter(change -> change instanceof IndexChange.Delete
          ? searchable.containsKey(change.id())
          : searchable.getOrDefault(change.id(), -1L) < change.version()).toList();
    }
  }

  /** An index that refuses (HTTP 400) any request naming one of {@code refusedIds}. */
  private static final class Refusing extends QuietIndex {
    private final Set<String> refusedIds;

    Refusing(Set<String> refusedIds) {
      this.refusedIds = refusedIds;
    }

    @Override
    public void apply(String core, List<IndexChange> changes) {
      for (IndexChange change : changes) {
        if (refusedIds.contains(change.id())) {
          throw new IndexWriteException("refused",
              new SolrException(SolrException.ErrorCode.BAD_REQUEST, "document " + change.id() + " refused"));
        }
      }
    }
  }

  /** An index that accepts everything and shows it at once; fakes override what they play. */
  private abstract static class QuietIndex implements SearchIndex {
    @Override
    public void add(String core, List<SolrInputDocument> documents) {}

    @Override
    public void softCommit(String core) {}

    @Override
    public List<IndexChange> notVisible(String core, List<IndexChange> changes) {
      return List.of();
    }

    @Override
    public void commit(String core) {}

    @Override
    public void flush(String core) {}

    @Override
    public void forceMerge(String core, int maxSegments) {}

    @Override
    public long count(String core) {
      return 0;
    }

    @Override
    public boolean contains(String core, String id) {
      return false;
    }
  }

  private static final class NoBuilds implements IndexAdmin {
    @Override
    public void createBulkCore(String name) {}

    @Override
    public boolean pauseSoftCommits(String name) {
      return true;
    }

    @Override
    public boolean resumeSoftCommits(String name) {
      return true;
    }

    @Override
    public List<String> cores() {
      return List.of();
    }

    @Override
    public boolean exists(String name) {
      return false;
    }

    @Override
    public String switchTo(String live, String build) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void restore(String live, String previous, String keepReplacedAs) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void rename(String name, String newName) {}

    @Override
    public void drop(String name) {}
  }
}
