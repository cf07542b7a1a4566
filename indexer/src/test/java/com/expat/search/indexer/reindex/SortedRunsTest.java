package com.expat.search.indexer.reindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.indexer.solr.BulkSort;
import com.expat.search.vocabulary.MemberFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;

class SortedRunsTest {

  private static IndexChange member(long id, long city) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(MemberFields.ID, Long.toString(id));
    doc.setField(MemberFields.CITY_ID, city);
    return new IndexChange.Upsert(Long.toString(id), 1, doc);
  }

  /** What the sender did, in order: a page's keys, or "flush". */
  private static final class Recorded implements SortedRuns.Writer {
    final List<Object> calls = new CopyOnWriteArrayList<>();

    @Override
    public void write(List<IndexChange> page) {
      calls.add(page.stream().map(BulkSort::key).toList());
    }

    @Override
    public void flush() {
      calls.add("flush");
    }
  }

  @Test
  void eachRunGoesOutInCityOrderAndEndsWithAFlush_tombstonesFirst() throws Exception {
    Recorded writer = new Recorded();
    AtomicLong sent = new AtomicLong();
    try (SortedRuns runs = new SortedRuns(4, 3, writer, sent::addAndGet, Thread::new)) {
      runs.add(List.of(member(1, 7), member(2, 3)));
      runs.add(List.of(new IndexChange.Delete("3", 5), member(4, 5)));
      runs.add(List.of(member(5, 2)));
      runs.finish();
    }
    assertThat(writer.calls).containsExactly(List.of(0L, 3L, 5L), List.of(7L), "flush", List.of(2L), "flush");
    assertThat(sent.get()).isEqualTo(5);
  }

  @Test
  void pagesAddedFromManyThreadsAreAllSentOnceAndEveryRunIsSorted() throws Exception {
    Recorded writer = new Recorded();
    AtomicLong sent = new AtomicLong();
    ExecutorService readers = Executors.newFixedThreadPool(4);
    Random random = new Random(42);
    List<List<IndexChange>> pages = new ArrayList<>();
    for (int page = 0; page < 100; page++) {
      List<IndexChange> changes = new ArrayList<>();
      for (int row = 0; row < 10; row++) {
        changes.add(member(page * 10L + row, 1 + random.nextInt(50)));
      }
      pages.add(changes);
    }
    try (SortedRuns runs = new SortedRuns(95, 20, writer, sent::addAndGet, Thread::new)) {
      for (List<IndexChange> page : pages) {
        readers.submit(() -> {
          runs.add(page);
          return null;
        });
      }
      readers.shutdown();
      assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      runs.finish();
    }
    assertThat(sent.get()).isEqualTo(1_000);
    List<Long> run = new ArrayList<>();
    int flushes = 0;
    for (Object call : writer.calls) {
      if (call.equals("flush")) {
        assertThat(run).isSorted();
        run.clear();
        flushes++;
      } else {
        @SuppressWarnings("unchecked")
        List<Long> keys = (List<Long>) call;
        assertThat(keys).hasSizeLessThanOrEqualTo(20);
        run.addAll(keys);
      }
    }
    assertThat(run).as("nothing sent after the last flush").isEmpty();
    assertThat(flushes).as("runs of 100 rows: pages of 10 go past 95").isEqualTo(10);
  }

  @Test
  void aFailedSendStopsTheLoad() throws Exception {
    SortedRuns.Writer refusing = new SortedRuns.Writer() {
      @Override
      public void write(List<IndexChange> page) {
        throw new IllegalStateException("Solr refused");
      }

      @Override
      public void flush() {}
    };
    try (SortedRuns runs = new SortedRuns(1, 10, refusing, sent -> {}, Thread::new)) {
      runs.add(List.of(member(1, 1)));
      assertThatThrownBy(runs::finish).isInstanceOf(IllegalStateException.class).hasMessage("Solr refused");
      assertThatThrownBy(() -> runs.add(List.of(member(2, 1)))).hasMessage("Solr refused");
    }
  }
}
