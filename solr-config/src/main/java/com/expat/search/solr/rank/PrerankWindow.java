package com.expat.search.solr.rank;

/**
 * The best {@code size} documents by pre-rank, ties broken as the window's Solr sort did
 * ({@code score desc, last_active_at desc, id asc}, then the doc id, so that the window is one set
 * whatever the order of arrival). Kept as parallel arrays twice the window's size, filled in
 * arrival order: once full they are cut down to the best {@code size} (a selection, linear on
 * average), and the worst of those is the floor that a later document must beat to be kept at all.
 * A candidate that beats the floor costs an append, where a bounded heap cost a sift through its
 * levels, four arrays swapped at each (8 % of Solr's samples on matches at 1M, JFR of
 * 2026-12-04). Not thread-safe: one per request.
 */
final class PrerankWindow {
  /**
   * Where a window offered documents without their tie-breaks ({@link #offer(int, float)}) reads
   * them, only when a comparison needs them (equal scores): the text window's offers read two
   * columns per match otherwise (~12 % of Solr's samples on a member search with text at 200k).
   */
  interface TieBreaks {
    long lastActive(int doc);

    long id(int doc);

    /**
     * The document's segment (any number that differs between segments) in the high 32 bits and
     * its place in the segment's order of the tie-breaks ({@link TieOrder}) in the low 32: two
     * documents of one segment compare by these longs alone, without {@link #lastActive} and
     * {@link #id}, which are read only for a tie between segments.
     */
    long order(int doc);
  }

  private final int capacity;
  private final TieBreaks tieBreaks;
  /** Whether an entry's {@link #order} is read ({@link #tieBreaks}). */
  private boolean[] known;
  private boolean[] known2;
  /** With {@link #tieBreaks}: each entry's {@link TieBreaks#order}, once read; else null. */
  private long[] order;
  private long[] order2;
  private int[] doc;
  private float[] score;
  private long[] lastActive;
  private long[] id;
  // Where a cut gathers the kept entries; swapped with the arrays above.
  private int[] doc2;
  private float[] score2;
  private long[] lastActive2;
  private long[] id2;
  /** Entry indexes, for the selection and the sort. */
  private final int[] entries;
  private int size;
  /** Whether {@code capacity} kept documents are at least as good as the floor below. */
  private boolean cut;
  /** The worst kept entry's score once cut; the entry itself is at {@code capacity - 1} until the next cut. */
  private float floorScore;

  PrerankWindow(int capacity) {
    this(capacity, null);
  }

  /** A window whose {@link #offer(int, float)} reads the tie-breaks from {@code tieBreaks} when needed. */
  PrerankWindow(int capacity, TieBreaks tieBreaks) {
    this.capacity = capacity;
    this.tieBreaks = tieBreaks;
    int length = capacity == 0 ? 0 : Math.max(2 * capacity, capacity + 1);
    doc = new int[length];
    score = new float[length];
    doc2 = new int[length];
    score2 = new float[length];
    entries = new int[length];
    if (tieBreaks == null) {
      lastActive = new long[length];
      id = new long[length];
      lastActive2 = new long[length];
      id2 = new long[length];
    } else {
      order = new long[length];
      order2 = new long[length];
      known = new boolean[length];
      known2 = new boolean[length];
    }
  }

  /**
   * {@link #offer(int, float, long, long)} with the tie-breaks read from the window's {@link
   * TieBreaks} only if a comparison needs them; the same window results.
   */
  void offer(int docId, float docScore) {
    if (capacity == 0) {
      return;
    }
    boolean read = false;
    if (cut) {
      if (!(docScore >= floorScore)) {
        return;
      }
      if (docScore == floorScore) {
        long docOrder = tieBreaks.order(docId);
        int floor = capacity - 1;
        read(floor);
        if (!tieBefore(docId, docOrder, doc[floor], order[floor])) {
          return;
        }
        order[size] = docOrder;
        read = true;
      }
    }
    doc[size] = docId;
    score[size] = docScore;
    known[size] = read;
    if (++size == doc.length) {
      keepBest();
    }
  }

  /** Offers a document with its tie-breaks; only to a window without {@link TieBreaks}. */
  void offer(int docId, float docScore, long docLastActive, long docMemberId) {
    if (capacity == 0) {
      return;
    }
    if (tieBreaks != null) {
      throw new IllegalStateException("a window with TieBreaks reads them itself: offer(doc, score)");
    }
    if (cut && !better(docScore, docLastActive, docMemberId, docId, floorScore, lastActive[capacity - 1],
        id[capacity - 1], doc[capacity - 1])) {
      return;
    }
    doc[size] = docId;
    score[size] = docScore;
    lastActive[size] = docLastActive;
    id[size] = docMemberId;
    if (++size == doc.length) {
      keepBest();
    }
  }

  /**
   * The score a document must at least have to be kept: the worst kept one's once the window has
   * been cut to its size (an equal score is kept only by the tie-breaks), negative infinity before.
   */
  float floor() {
    if (capacity == 0) {
      return Float.POSITIVE_INFINITY;
    }
    return cut ? floorScore : Float.NEGATIVE_INFINITY;
  }

  /** The kept documents, best first; empties the window. */
  int[] bestFirst() {
    return bestFirst(new float[Math.min(size, capacity)]);
  }

  /**
   * The kept documents, best first, and each one's score at the same index of {@code scores} (at
   * least as long as the window holds); empties the window.
   */
  int[] bestFirst(float[] scores) {
    int kept = Math.min(size, capacity);
    for (int i = 0; i < size; i++) {
      entries[i] = i;
    }
    if (size > kept) {
      select(0, size - 1, kept - 1);
    }
    sort(0, kept - 1);
    int[] result = new int[kept];
    for (int i = 0; i < kept; i++) {
      result[i] = doc[entries[i]];
      scores[i] = score[entries[i]];
    }
    size = 0;
    cut = false;
    return result;
  }

  /** Cuts the entries down to the best {@code capacity}; the worst of them becomes the floor. */
  private void keepBest() {
    for (int i = 0; i < size; i++) {
      entries[i] = i;
    }
    select(0, size - 1, capacity - 1);
    for (int i = 0; i < capacity; i++) {
      int from = entries[i];
      doc2[i] = doc[from];
      score2[i] = score[from];
    }
    if (tieBreaks == null) {
      for (int i = 0; i < capacity; i++) {
        int from = entries[i];
        lastActive2[i] = lastActive[from];
        id2[i] = id[from];
      }
      long[] actives = lastActive;
      lastActive = lastActive2;
      lastActive2 = actives;
      long[] ids = id;
      id = id2;
      id2 = ids;
    } else {
      for (int i = 0; i < capacity; i++) {
        int from = entries[i];
        order2[i] = order[from];
        known2[i] = known[from];
      }
      boolean[] knowns = known;
      known = known2;
      known2 = knowns;
      long[] orders = order;
      order = order2;
      order2 = orders;
    }
    int[] docs = doc;
    doc = doc2;
    doc2 = docs;
    float[] scores = score;
    score = score2;
    score2 = scores;
    size = capacity;
    // The selection left the capacity-th best at its place, the better ones before it.
    cut = true;
    floorScore = score[capacity - 1];
  }

  private static boolean better(float aScore, long aLastActive, long aId, int aDoc, float bScore, long bLastActive,
      long bId, int bDoc) {
    if (aScore != bScore) {
      return aScore > bScore;
    }
    if (aLastActive != bLastActive) {
      return aLastActive > bLastActive;
    }
    if (aId != bId) {
      return aId < bId;
    }
    return aDoc < bDoc;
  }

  /** Whether entry {@code a} comes before entry {@code b}. */
  private boolean before(int a, int b) {
    if (score[a] != score[b]) {
      return score[a] > score[b];
    }
    if (tieBreaks == null) {
      return better(score[a], lastActive[a], id[a], doc[a], score[b], lastActive[b], id[b], doc[b]);
    }
    read(a);
    read(b);
    return tieBefore(doc[a], order[a], doc[b], order[b]);
  }

  /**
   * Whether document {@code a} comes before {@code b} of an equal score: by their places in their
   * segment's tie order when they share it, else by the tie-breaks themselves.
   */
  private boolean tieBefore(int aDoc, long aOrder, int bDoc, long bOrder) {
    if ((aOrder >>> 32) == (bOrder >>> 32)) {
      return aOrder < bOrder;
    }
    return better(0, tieBreaks.lastActive(aDoc), tieBreaks.id(aDoc), aDoc, 0, tieBreaks.lastActive(bDoc),
        tieBreaks.id(bDoc), bDoc);
  }

  /**
   * Reorders {@code entries[from..to]} so that {@code entries[k]} is the entry that a full sort would
   * put there, the better ones before it and the others after it.
   */
  private void select(int from, int to, int k) {
    while (to > from) {
      int pivot = partition(from, to);
      if (pivot == k) {
        return;
      }
      if (k < pivot) {
        to = pivot - 1;
      } else {
        from = pivot + 1;
      }
    }
  }

  /** Sorts {@code entries[from..to]} best first. */
  private void sort(int from, int to) {
    while (to - from > 16) {
      int pivot = partition(from, to);
      // The smaller side recursively, the larger one in the loop: depth stays logarithmic.
      if (pivot - from < to - pivot) {
        sort(from, pivot - 1);
        from = pivot + 1;
      } else {
        sort(pivot + 1, to);
        to = pivot - 1;
      }
    }
    for (int i = from + 1; i <= to; i++) {
      int entry = entries[i];
      int j = i - 1;
      while (j >= from && before(entry, entries[j])) {
        entries[j + 1] = entries[j];
        j--;
      }
      entries[j + 1] = entry;
    }
  }

  /**
   * Partitions {@code entries[from..to]} around the median of its first, middle and last entries:
   * the better entries before it, the others after; returns where the pivot ends.
   */
  private int partition(int from, int to) {
    int middle = (from + to) >>> 1;
    if (before(entries[middle], entries[from])) {
      swap(middle, from);
    }
    if (before(entries[to], entries[from])) {
      swap(to, from);
    }
    if (before(entries[to], entries[middle])) {
      swap(to, middle);
    }
    // Median now at middle: park it at the end.
    swap(middle, to);
    int pivot = entries[to];
    int store = from;
    for (int i = from; i < to; i++) {
      if (before(entries[i], pivot)) {
        swap(i, store++);
      }
    }
    swap(store, to);
    return store;
  }

  /** Reads entry {@code entry}'s tie-breaks if it was offered without them. */
  private void read(int entry) {
    if (!known[entry]) {
      order[entry] = tieBreaks.order(doc[entry]);
      known[entry] = true;
    }
  }

  private void swap(int i, int j) {
    int entry = entries[i];
    entries[i] = entries[j];
    entries[j] = entry;
  }
}
