package com.expat.search.solr.rank;

import org.apache.lucene.util.IntroSorter;

/**
 * A segment's documents in the order of the text window's tie-breaks ({@link PrerankWindow}: last
 * activity, newest first, then member id, then doc id), as each document's place in that order:
 * two documents of one segment with equal scores compare as one int each, where the window read
 * two longs per document from the columns (random reads over the segment's members: the text
 * window's cut among tied scores was ~11 % of Solr's samples on a member search with text at 200k,
 * docs/benchmarks.md). Built once per segment ({@link MemberColumns#tieOrder()}); 4 bytes a member.
 */
final class TieOrder {
  private TieOrder() {}

  /**
   * Each document's place (0 first) when a segment's documents are sorted by {@code lastActiveAt}
   * descending ({@link MemberColumns#MISSING} last), then {@code id} ascending, then doc id.
   */
  static int[] of(long[] lastActiveAt, long[] id) {
    int n = lastActiveAt.length;
    int[] docs = new int[n];
    for (int doc = 0; doc < n; doc++) {
      docs[doc] = doc;
    }
    new IntroSorter() {
      private int pivot;

      @Override
      protected void setPivot(int i) {
        pivot = docs[i];
      }

      @Override
      protected int comparePivot(int j) {
        return TieOrder.compare(pivot, docs[j], lastActiveAt, id);
      }

      @Override
      protected int compare(int i, int j) {
        return TieOrder.compare(docs[i], docs[j], lastActiveAt, id);
      }

      @Override
      protected void swap(int i, int j) {
        int doc = docs[i];
        docs[i] = docs[j];
        docs[j] = doc;
      }
    }.sort(0, n);
    int[] place = new int[n];
    for (int at = 0; at < n; at++) {
      place[docs[at]] = at;
    }
    return place;
  }

  /** Negative when document {@code a} comes before {@code b} in the tie-breaks' order. */
  static int compare(int a, int b, long[] lastActiveAt, long[] id) {
    if (lastActiveAt[a] != lastActiveAt[b]) {
      return lastActiveAt[a] > lastActiveAt[b] ? -1 : 1;
    }
    if (id[a] != id[b]) {
      return id[a] < id[b] ? -1 : 1;
    }
    return Integer.compare(a, b);
  }
}
