package com.expat.search.solr.rank;

/**
 * The best {@code size} documents by pre-rank, ties broken as the window's Solr sort did
 * ({@code score desc, last_active_at desc, id asc}): a bounded heap over parallel arrays, the worst
 * kept at the root. Not thread-safe: one per request.
 */
final class PrerankWindow {
  private final int[] doc;
  private final float[] score;
  private final long[] lastActive;
  private final long[] id;
  private int size;

  PrerankWindow(int capacity) {
    doc = new int[capacity];
    score = new float[capacity];
    lastActive = new long[capacity];
    id = new long[capacity];
  }

  void offer(int docId, float docScore, long docLastActive, long docMemberId) {
    if (size < doc.length) {
      set(size, docId, docScore, docLastActive, docMemberId);
      up(size++);
    } else if (doc.length > 0 && worse(0, docScore, docLastActive, docMemberId)) {
      set(0, docId, docScore, docLastActive, docMemberId);
      down(0);
    }
  }

  /**
   * The score a document must at least have to be kept: the worst kept one's once the window is
   * full (an equal score is kept only by the tie-breaks), negative infinity before.
   */
  float floor() {
    if (size < doc.length) {
      return Float.NEGATIVE_INFINITY;
    }
    return doc.length == 0 ? Float.POSITIVE_INFINITY : score[0];
  }

  /** The kept documents, best first; empties the window. */
  int[] bestFirst() {
    return bestFirst(new float[size]);
  }

  /**
   * The kept documents, best first, and each one's score at the same index of {@code scores} (at
   * least as long as the window holds); empties the window.
   */
  int[] bestFirst(float[] scores) {
    int[] result = new int[size];
    for (int i = size - 1; i >= 0; i--) {
      result[i] = doc[0];
      scores[i] = score[0];
      size--;
      swap(0, size);
      down(0);
    }
    return result;
  }

  /** Whether the entry at {@code i} is worse than the given document. */
  private boolean worse(int i, float otherScore, long otherLastActive, long otherId) {
    if (score[i] != otherScore) {
      return score[i] < otherScore;
    }
    if (lastActive[i] != otherLastActive) {
      return lastActive[i] < otherLastActive;
    }
    return id[i] > otherId;
  }

  private boolean worse(int i, int j) {
    return worse(i, score[j], lastActive[j], id[j]);
  }

  private void up(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(i, parent)) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void down(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int right = left + 1;
      int worst = right < size && worse(right, left) ? right : left;
      if (!worse(worst, i)) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void set(int i, int docId, float docScore, long docLastActive, long docMemberId) {
    doc[i] = docId;
    score[i] = docScore;
    lastActive[i] = docLastActive;
    id[i] = docMemberId;
  }

  private void swap(int i, int j) {
    int d = doc[i];
    doc[i] = doc[j];
    doc[j] = d;
    float s = score[i];
    score[i] = score[j];
    score[j] = s;
    long l = lastActive[i];
    lastActive[i] = lastActive[j];
    lastActive[j] = l;
    long m = id[i];
    id[i] = id[j];
    id[j] = m;
  }
}
