package com.expat.search.workbench;

import com.expat.search.lab.Evaluation;
import com.expat.search.lab.JudgmentSet;
import com.expat.search.lab.RunResult;
import com.expat.search.lab.ServiceRanker;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Both sides of a judged-set comparison, run as {@code eval run --ranker service} runs them (the
 * same {@link ServiceRanker} and {@link Evaluation}, so the page's numbers are {@code eval
 * compare}'s), kept for the last few comparisons so that sorting the table does not run them
 * again. A changed set file is run afresh. Thread-safe.
 */
final class SetRuns {
  private static final int KEPT = 8;

  private final URI queryUrl;
  private final Map<Key, Pair> recent = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Pair> eldest) {
      return size() > KEPT;
    }
  };

  SetRuns(URI queryUrl) {
    this.queryUrl = queryUrl;
  }

  record Pair(RunResult a, RunResult b) {}

  private record Key(String set, long version, Side a, Side b, int k, int relevant) {}

  /**
   * @throws com.expat.search.lab.RankerException when the query service cannot answer
   */
  Pair run(String name, long version, JudgmentSet set, Side a, Side b, int k, int relevant) {
    Key key = new Key(name, version, a, b, k, relevant);
    synchronized (recent) {
      Pair kept = recent.get(key);
      if (kept != null) {
        return kept;
      }
    }
    Pair pair = new Pair(
        Evaluation.run(set, new ServiceRanker(a.label(), queryUrl, a.apiParams()), k, relevant),
        Evaluation.run(set, new ServiceRanker(b.label(), queryUrl, b.apiParams()), k, relevant));
    synchronized (recent) {
      recent.put(key, pair);
    }
    return pair;
  }
}
