package com.expat.search.solr.rank;

import com.expat.search.ranking.signals.Corpus;
import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;

/**
 * The ranking model's {@link Corpus} of one core: findable members ({@code searchable}, live) and
 * how many of them have each interest, counted over the {@link MemberColumns}. The same statistics
 * the query service's {@code InterestRarity} takes from a facet query, and refreshed as rarely (at
 * most once per {@code ttl}): rarity moves slowly. Thread-safe.
 */
final class FindableCorpus {
  private final ColumnCache columns;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private volatile Stamped current;

  private record Stamped(Corpus corpus, long atNanos) {}

  FindableCorpus(ColumnCache columns, Duration ttl, LongSupplier nanoTime) {
    this.columns = columns;
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The statistics, counted over {@code searcher} when none are younger than the TTL. */
  Corpus corpus(IndexSearcher searcher) throws IOException {
    Stamped stamped = current;
    long now = nanoTime.getAsLong();
    if (stamped == null || now - stamped.atNanos() > ttlNanos) {
      synchronized (this) {
        stamped = current;
        if (stamped == null || now - stamped.atNanos() > ttlNanos) {
          stamped = new Stamped(count(searcher), now);
          current = stamped;
        }
      }
    }
    return stamped.corpus();
  }

  private Corpus count(IndexSearcher searcher) throws IOException {
    long members = 0;
    Map<String, Long> bySlug = new HashMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      MemberColumns segment = columns.columns(leaf.reader());
      SortedDocValues searchable = DocValues.getSorted(leaf.reader(), MemberFields.SEARCHABLE);
      int trueOrd = searchable.lookupTerm(new org.apache.lucene.util.BytesRef("T"));
      if (trueOrd < 0) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      long[] perOrd = new long[segment.interests.length];
      for (int doc = searchable.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = searchable.nextDoc()) {
        if (searchable.ordValue() != trueOrd || (live != null && !live.get(doc))) {
          continue;
        }
        members++;
        for (int i = segment.interestStart[doc]; i < segment.interestStart[doc + 1]; i++) {
          perOrd[segment.interestOrds[i]]++;
        }
      }
      for (int ord = 0; ord < perOrd.length; ord++) {
        if (perOrd[ord] > 0) {
          bySlug.merge(segment.interests[ord], perOrd[ord], Long::sum);
        }
      }
    }
    return Corpus.of(members, bySlug);
  }
}
