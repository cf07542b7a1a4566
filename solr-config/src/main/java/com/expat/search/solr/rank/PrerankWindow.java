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
  }

  private final int capacity;
  private final TieBreaks tieBreaks;
  /** Whether an entry's tie-breaks are read ({@link #tieBreaks}); always with {@link #offer(int, float, long, long)}. */
  private boolean[] known;
  private boolean[] known2;
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
  private final int[] order;
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
    lastActive = new long[length];
    id = new long[length];
    doc2 = new int[length];
    score2 = new float[length];
    lastActive2 = new long[length];
    id2 = new long[length];
    order = new int[length];
    known = new boolean[length];
    known2 = new boolean[length];
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
        long docLastActive = tieBreaks.lastActive(docId);
        long docMemberId = tieBreaks.id(docId);
        int floor = capacity - 1;
        read(floor);
        if (!better(docScore, docLastActive, docMemberId, docId, floorScore, lastActive[floor], id[floor], doc[floor])) {
          return;
        }
        lastActive[size] = docLastActive;
        id[size] = docMemberId;
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

  void offer(int docId, float docScore, long docLastActive, long docMemberId) {
    if (capacity == 0) {
      return;
    }
    if (cut && !better(docScore, docLastActive, docMemberId, docId, floorScore, lastActive[capacity - 1],
        id[capacity - 1], doc[capacity - 1])) {
      return;
    }
    doc[size] = docId;
    score[size] = docScore;
    lastActive[size] = docLastActive;
    id[size] = docMemberId;
    known[size] = true;
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
      order[i] = i;
    }
    if (size > kept) {
      select(0, size - 1, kept - 1);
    }
    sort(0, kept - 1);
    int[] result = new int[kept];
    for (int i = 0; i < kept; i++) {
      result[i] = doc[order[i]];
      scores[i] = score[order[i]];
    }
    size = 0;
    cut = false;
    return result;
  }

  /** Cuts the entries down to the best {@code capacity}; the worst of them becomes the floor. */
  private void keepBest() {
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    select(0, size - 1, capacity - 1);
    for (int i = 0; i < capacity; i++) {
      int from = order[i];
      doc2[i] = doc[from];
      score2[i] = score[from];
      lastActive2[i] = lastActive[from];
      id2[i] = id[from];
      known2[i] = known[from];
    }
    boolean[] knowns = known;
    known = known2;
    known2 = knowns;
    int[] docs = doc;
    doc = doc2;
    doc2 = docs;
    float[] scores = score;
    score = score2;
    score2 = scores;
    long[] actives = lastActive;
    lastActive = lastActive2;
    lastActive2 = actives;
    long[] ids = id;
    id = id2;
    id2 = ids;
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
    read(a);
    read(b);
    return better(score[a], lastActive[a], id[a], doc[a], score[b], lastActive[b], id[b], doc[b]);
  }

  /**
   * Reorders {@code order[from..to]} so that {@code order[k]} is the entry that a full sort would
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

  /** Sorts {@code order[from..to]} best first. */
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
      int entry = order[i];
      int j = i - 1;
      while (j >= from && before(entry, order[j])) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = entry;
    }
  }

  /**
   * Partitions {@code order[from..to]} around the median of its first, middle and last entries:
   * the better entries before it, the others after; returns where the pivot ends.
   */
  private int partition(int from, int to) {
    int middle = (from + to) >>> 1;
    if (before(order[middle], order[from])) {
      swap(middle, from);
    }
    if (before(order[to], order[from])) {
      swap(to, from);
    }
    if (before(order[to], order[middle])) {
      swap(to, middle);
    }
    // Median now at middle: park it at the end.
    swap(middle, to);
    int pivot = order[to];
    int store = from;
    for (int i = from; i < to; i++) {
      if (before(order[i], pivot)) {
        swap(i, store++);
      }
    }
    swap(store, to);
    return store;
  }

  /** Reads entry {@code entry}'s tie-breaks if it was offered without them. */
  private void read(int entry) {
    if (!known[entry]) {
      lastActive[entry] = tieBreaks.lastActive(doc[entry]);
      id[entry] = tieBreaks.id(doc[entry]);
      known[entry] = true;
    }
  }

  private void swap(int i, int j) {
    int entry = order[i];
    order[i] = order[j];
    order[j] = entry;
  }
}
