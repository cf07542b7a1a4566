package com.expat.search.query.ranking;

import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.solr.SolrPrerank;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The two stages of every ranked endpoint (ranking/README.md, "Integration"). Solr applies the
 * filters and fetches a window of candidates ordered by the model's Solr-side part (or the text
 * score); Java ranks the window with the whole model and the page is a slice of that. With an
 * explicit sort, or a page beyond the window, Solr's order stands and Java only scores that page.
 * Immutable.
 *
 * @param start Solr's {@code start}
 * @param rows Solr's {@code rows}
 * @param javaOrder whether the page is a slice of the Java ranking ({@code false}: Solr's order)
 */
public record TwoStage(int page, int size, int start, int rows, boolean javaOrder) {
  /** Candidates ranked in Java for a first page. */
  public static final int WINDOW = 300;
  /** The largest window; deeper pages keep Solr's order. */
  public static final int MAX_WINDOW = 1000;

  /** One ranked document of the page. */
  public record Hit<S>(SolrDocument doc, Ranked<S> ranked) {}

  /**
   * @param byScore whether the request is ordered by score (relevance) rather than a sort of its own
   */
  public static TwoStage of(int page, int size, boolean byScore) {
    int end = page * size;
    if (byScore && end <= MAX_WINDOW) {
      return new TwoStage(page, size, 0, Math.max(WINDOW, end), true);
    }
    return new TwoStage(page, size, (page - 1) * size, size, false);
  }

  /**
   * Sets the score (the pre-rank function without text; with text the caller's edismax {@code q}
   * stays the score), the pre-rank's parameters and fields, and the rows to fetch.
   */
  public void prepare(ModifiableSolrParams params, SolrPrerank prerank, boolean text) {
    if (!text) {
      params.set("q", "{!func v=$rank}");
      params.set("rank", prerank.function());
    }
    prerank.params().forEach(params::set);
    prerank.fields().forEach(field -> params.add("fl", field));
    params.add("fl", "score");
    params.set("start", start);
    params.set("rows", rows);
  }

  /**
   * The page: the documents read as signals by {@code read}, ranked by {@code rank} (best first;
   * it may leave some out) and sliced, or in Solr's order.
   *
   * @param text whether the score is the text score: then {@code textRelevance = score / maxScore}
   */
  public <S> List<Hit<S>> page(SolrDocumentList docs, boolean text, Function<SolrDocument, S> read,
      ToLongFunction<S> id, Function<List<Candidate<S>>, List<Ranked<S>>> rank) {
    float maxScore = docs.getMaxScore() == null ? 0 : docs.getMaxScore();
    Map<Long, SolrDocument> byId = new LinkedHashMap<>();
    List<Candidate<S>> candidates = new ArrayList<>(docs.size());
    for (SolrDocument doc : docs) {
      S signals = read.apply(doc);
      byId.put(id.applyAsLong(signals), doc);
      candidates.add(new Candidate<>(signals, text ? textRelevance(doc, maxScore) : 0));
    }
    List<Ranked<S>> ranked = rank.apply(candidates);
    List<Hit<S>> hits = new ArrayList<>(size);
    if (javaOrder) {
      int from = Math.min((page - 1) * size, ranked.size());
      for (Ranked<S> item : ranked.subList(from, Math.min(from + size, ranked.size()))) {
        hits.add(new Hit<>(byId.get(id.applyAsLong(item.item())), item));
      }
    } else {
      Map<Long, Ranked<S>> rankedById = new HashMap<>();
      ranked.forEach(item -> rankedById.put(id.applyAsLong(item.item()), item));
      byId.forEach((docId, doc) -> {
        Ranked<S> item = rankedById.get(docId);
        if (item != null) {
          hits.add(new Hit<>(doc, item));
        }
      });
    }
    return hits;
  }

  private static double textRelevance(SolrDocument doc, float maxScore) {
    Object score = doc.getFirstValue("score");
    if (!(score instanceof Number number) || maxScore <= 0) {
      return 0;
    }
    return Math.min(1, Math.max(0, number.doubleValue() / maxScore));
  }
}
