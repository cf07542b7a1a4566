package com.expat.search.solr.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.solr.search.DocIterator;
import org.apache.solr.search.DocSet;
import org.apache.solr.search.ExtendedQuery;
import org.apache.solr.search.PostFilter;
import org.apache.solr.search.QueryCommand;
import org.apache.solr.search.QueryUtils;
import org.apache.solr.search.SolrIndexSearcher;
import org.apache.solr.search.WrappedQuery;

/**
 * The exact number of documents a text search matches under its filters, counted without scoring
 * them: for a text window that told the scorers its floor ({@link MatchesCollector}), which then skip
 * whole blocks of postings that cannot reach it, so that the collected documents are no longer all
 * of them. The main query's matches become one bit set over the index: the terms of edismax's
 * shapes (a word over several fields, every word required, or the text or an interest or a city)
 * straight from their postings, without frequencies, norms or a priority queue; any other query
 * through its own matching iterator. The count is that set against the cached filters' bit set
 * (the filter cache's, which the search has just used), less the documents the uncached negative
 * filters name (a viewer, who blocks them and whom they block: a handful), and within any other
 * uncached filter. One per request; not thread-safe.
 */
final class TextMatchCount {
  /**
   * Skipping pays from this many candidates per window place on: below, the window rarely fills
   * early enough to skip much, and a scorer that may skip (impacts) costs more per document than one
   * that may not, as does the count (docs/benchmarks.md, "Member search's text window skips what cannot
   * reach it").
   */
  static final int CANDIDATES_PER_PLACE = 20;
  /**
   * The count reads every term's postings, where the search reads those of its rarest required
   * word and advances the others: with more postings per match than this (common words required
   * beside a rarer one) the count would cost more than the skips save.
   */
  static final int POSTINGS_PER_MATCH = 4;

  private final IndexSearcher searcher;
  /** The main query, rewritten (once: the estimate and the count read the same). */
  private final Query mainQuery;
  /** Solr's filter as a set, if the command has one. */
  private final DocSet filter;
  /** The filters Solr caches: their documents are in its filter cache once it has searched. */
  private final List<Query> cached;
  private final List<Query> uncached;

  private TextMatchCount(IndexSearcher searcher, Query mainQuery, DocSet filter, List<Query> cached,
      List<Query> uncached) {
    this.searcher = searcher;
    this.mainQuery = mainQuery;
    this.filter = filter;
    this.cached = cached;
    this.uncached = uncached;
  }

  /**
   * A count for this search, or null when the window must collect every match itself: Solr also
   * collects the matching set (facets), a post filter sees the collected documents, or the search
   * may stop early or in parallel (time, CPU or memory limits, early termination, a hit limit,
   * cancellation, several threads), any of which a skipping scorer would change.
   */
  static TextMatchCount of(Query mainQuery, QueryCommand cmd, IndexSearcher searcher,
      boolean limited, int window) throws IOException {
    if (!(searcher instanceof SolrIndexSearcher solr) || limited || cmd.isNeedDocSet() || cmd.getTimeAllowed() > 0
        || cmd.getMinExactCount() != Integer.MAX_VALUE || cmd.getTerminateEarly() || cmd.getSegmentTerminateEarly()
        || cmd.isQueryCancellable() || cmd.getMaxHitsAllowed() != Integer.MAX_VALUE || cmd.getMultiThreaded()) {
      return null;
    }
    List<Query> cached = new ArrayList<>();
    List<Query> uncached = new ArrayList<>();
    for (Query query : cmd.getFilterList() == null ? List.<Query>of() : cmd.getFilterList()) {
      if (query instanceof PostFilter) {
        return null;
      }
      (query instanceof ExtendedQuery extended && !extended.getCache() ? uncached : cached).add(query);
    }
    double enough = (double) CANDIDATES_PER_PLACE * window;
    // The filters taken as independent of the text and of each other: a city's share of the index,
    // say. Their sets are in the filter cache: Solr has processed them before it asks for this
    // collector (SolrIndexSearcher.getDocListNC). Their shares bound the candidates before any
    // term is looked up: with a city's few hundred members no text can bring enough.
    double share = 1;
    for (Query query : cached) {
      if (!QueryUtils.isNegative(unwrapped(query))) {
        share *= solr.getDocSet(query).size() / (double) Math.max(1, solr.maxDoc());
      }
    }
    if (share * solr.maxDoc() < enough) {
      return null;
    }
    Query rewritten = solr.rewrite(mainQuery);
    Estimate text = Estimate.of(rewritten, solr);
    if (text.matches() < enough || text.postings() > (long) POSTINGS_PER_MATCH * text.matches()
        || text.matches() * share < enough) {
      return null;
    }
    return new TextMatchCount(solr, rewritten, cmd.getFilter(), cached, uncached);
  }

  /** A count of {@code mainQuery}'s live matches without any filter: for tests over a bare Lucene index. */
  static TextMatchCount unfiltered(IndexSearcher searcher, Query mainQuery) throws IOException {
    return new TextMatchCount(searcher, searcher.rewrite(mainQuery), null, List.of(), List.of());
  }

  /**
   * What the terms' document frequencies (deleted documents included) tell of a query: how many
   * documents it matches at least (the most of a disjunction's, since its fields overlap: the
   * stemmed copy holds the others' words; the least of a conjunction's) and how many postings the
   * count reads (every term's); the whole index for both with a query of another shape.
   */
  record Estimate(long matches, long postings) {
    static Estimate of(Query query, IndexSearcher searcher) throws IOException {
      if (query instanceof BoostQuery boost) {
        return of(boost.getQuery(), searcher);
      } else if (query instanceof ConstantScoreQuery constant) {
        return of(constant.getQuery(), searcher);
      } else if (query instanceof TermQuery term) {
        long docs = searcher.getIndexReader().docFreq(term.getTerm());
        return new Estimate(docs, docs);
      } else if (query instanceof DisjunctionMaxQuery dismax) {
        long most = 0;
        long postings = 0;
        for (Query disjunct : dismax.getDisjuncts()) {
          Estimate each = of(disjunct, searcher);
          most = Math.max(most, each.matches());
          postings += each.postings();
        }
        return new Estimate(most, postings);
      } else if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0) {
        long required = Long.MAX_VALUE;
        long optional = 0;
        long postings = 0;
        for (BooleanClause clause : bool.clauses()) {
          Estimate each = of(clause.getQuery(), searcher);
          postings += each.postings();
          if (clause.isRequired()) {
            required = Math.min(required, each.matches());
          } else if (clause.getOccur() == BooleanClause.Occur.SHOULD) {
            optional = Math.max(optional, each.matches());
          }
        }
        return new Estimate(required == Long.MAX_VALUE ? optional : required, postings);
      }
      long all = searcher.getIndexReader().maxDoc();
      return new Estimate(all, all);
    }
  }

  /** The number of live documents that match the main query and every filter. */
  int count() throws IOException {
    FixedBitSet matches = new FixedBitSet(searcher.getIndexReader().maxDoc());
    orInto(mainQuery, matches);
    for (Query query : uncached) {
      Query bare = unwrapped(query);
      if (QueryUtils.isNegative(bare)) {
        for (BooleanClause clause : ((BooleanQuery) bare).clauses()) {
          if (clause.getOccur() == BooleanClause.Occur.MUST_NOT) {
            clearMatches(searcher.rewrite(clause.getQuery()), matches);
          }
        }
      } else {
        FixedBitSet within = new FixedBitSet(matches.length());
        orMatches(searcher.rewrite(QueryUtils.makeQueryable(bare)), within);
        matches.and(within);
      }
    }
    DocSet answer = cached.isEmpty() && filter == null ? null
        : ((SolrIndexSearcher) searcher).getProcessedFilter(filter, cached).answer;
    if (answer == null) {
      return live(matches);
    }
    if (answer.getBits() instanceof FixedBitSet bits && bits.length() == matches.length()) {
      return (int) FixedBitSet.intersectionCount(matches, bits);
    }
    int count = 0;
    for (DocIterator docs = answer.iterator(); docs.hasNext(); ) {
      if (matches.get(docs.nextDoc())) {
        count++;
      }
    }
    return count;
  }

  private static Query unwrapped(Query query) {
    Query bare = query;
    while (bare instanceof WrappedQuery wrapped) {
      bare = wrapped.getWrappedQuery();
    }
    return bare;
  }

  /** Sets the bits of {@code query}'s matches (deleted documents included) in {@code into}. */
  private void orInto(Query query, FixedBitSet into) throws IOException {
    if (query instanceof BoostQuery boost) {
      orInto(boost.getQuery(), into);
    } else if (query instanceof ConstantScoreQuery constant) {
      orInto(constant.getQuery(), into);
    } else if (query instanceof TermQuery term) {
      orTerm(term.getTerm(), into);
    } else if (query instanceof DisjunctionMaxQuery dismax) {
      for (Query disjunct : dismax.getDisjuncts()) {
        orInto(disjunct, into);
      }
    } else if (query instanceof MatchAllDocsQuery) {
      into.set(0, into.length());
    } else if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0) {
      orBoolean(bool, into);
    } else {
      orMatches(query, into);
    }
  }

  /** Required clauses all, else any optional one; less the prohibited ones. */
  private void orBoolean(BooleanQuery bool, FixedBitSet into) throws IOException {
    if (bool.clauses().stream().allMatch(clause -> clause.getOccur() == BooleanClause.Occur.SHOULD)) {
      // The text or an interest or a city: straight into the set.
      for (BooleanClause clause : bool.clauses()) {
        orInto(clause.getQuery(), into);
      }
      return;
    }
    FixedBitSet matched = new FixedBitSet(into.length());
    boolean required = false;
    for (BooleanClause clause : bool.clauses()) {
      if (clause.isRequired()) {
        if (!required) {
          orInto(clause.getQuery(), matched);
          required = true;
        } else {
          FixedBitSet also = new FixedBitSet(into.length());
          orInto(clause.getQuery(), also);
          matched.and(also);
        }
      }
    }
    if (!required) {
      for (BooleanClause clause : bool.clauses()) {
        if (clause.getOccur() == BooleanClause.Occur.SHOULD) {
          orInto(clause.getQuery(), matched);
        }
      }
    }
    for (BooleanClause clause : bool.clauses()) {
      if (clause.isProhibited()) {
        FixedBitSet not = new FixedBitSet(into.length());
        orInto(clause.getQuery(), not);
        matched.andNot(not);
      }
    }
    into.or(matched);
  }

  private void orTerm(Term term, FixedBitSet into) throws IOException {
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(term.field());
      if (terms == null) {
        continue;
      }
      TermsEnum termsEnum = terms.iterator();
      if (!termsEnum.seekExact(term.bytes())) {
        continue;
      }
      PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
      long[] words = into.getBits();
      int base = leaf.docBase;
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        int bit = base + doc;
        words[bit >> 6] |= 1L << bit;
      }
    }
  }

  /** Any query, through its own matching iterator (two-phase included). */
  private void orMatches(Query query, FixedBitSet into) throws IOException {
    forEachMatch(query, into::set);
  }

  /** Clears the bits of {@code query}'s matches: a negative filter's few (the viewer's blocks). */
  private void clearMatches(Query query, FixedBitSet matches) throws IOException {
    forEachMatch(query, matches::clear);
  }

  private void forEachMatch(Query query, IntConsumer action) throws IOException {
    Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
      DocIdSetIterator docs = twoPhase == null ? scorer.iterator() : TwoPhaseIterator.asDocIdSetIterator(twoPhase);
      int base = leaf.docBase;
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        action.accept(base + doc);
      }
    }
  }

  /** The set bits of live documents (no cached filter: nothing has taken the deleted ones out). */
  private int live(FixedBitSet matches) {
    int count = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      int base = leaf.docBase;
      int end = base + leaf.reader().maxDoc();
      for (int doc = base < end ? matches.nextSetBit(base) : DocIdSetIterator.NO_MORE_DOCS; doc < end;
          doc = doc + 1 < end ? matches.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
        if (live == null || live.get(doc - base)) {
          count++;
        }
      }
    }
    return count;
  }
}
