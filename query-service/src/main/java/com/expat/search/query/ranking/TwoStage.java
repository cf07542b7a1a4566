package com.expat.search.query.ranking;

import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.Ranked;
import com.expat.search.ranking.signals.Candidate;
import com.expat.search.ranking.solr.SolrPrerank;
import com.expat.search.vocabulary.IndexFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The two stages of every ranked endpoint (ranking/README.md, "Integration"). Solr applies the
 * filters and fetches a window of candidates ordered by the model's Solr-side part (or the text
 * score); Java ranks the window with the whole model and the page is a slice of that. With an
 * explicit sort, or a page beyond the window, Solr's order stands and Java only scores that page.
 *
 * <p>The window carries only what the ranker reads ({@link SolrPrerank#fields()}, all docValues),
 * never the stored texts: reading and sending stored fields for 300 candidates cost Solr more than
 * a second request for the page's 20 (docs/benchmarks.md). That second request, {@link #pageFetch},
 * repeats every filter of the window, so a member hidden between the two is left out, not shown.
 * Immutable.
 *
 * @param start Solr's {@code start}
 * @param rows Solr's {@code rows}
 * @param javaOrder whether the page is a slice of the Java ranking ({@code false}: Solr's order)
 */
public record TwoStage(int page, int size, int start, int rows, boolean javaOrder) {
  /** Candidates ranked in Java for a first page, unless {@code RANK_WINDOW} says. */
  public static final int WINDOW = 300;
  /** The smallest window: a first page of the default size. */
  public static final int MIN_WINDOW = 20;
  /** The largest window; deeper pages keep Solr's order. */
  public static final int MAX_WINDOW = 1000;
  /** The parameter that holds the pre-rank function ({@code q={!func v=$rank}}). */
  static final String RANK_PARAM = "rank";

  /** One ranked document of the page. */
  public record Hit<S>(SolrDocument doc, Ranked<S> ranked) {}

  /** The documents of a page, with the item fields, by id; ids it cannot find are left out. */
  @FunctionalInterface
  public interface PageFetch {
    Map<Long, SolrDocument> documents(List<Long> ids);
  }

  /**
   * @param byScore whether the request is ordered by score (relevance) rather than a sort of its own
   * @param window candidates to rank in Java ({@link #WINDOW}); a deeper page ranks as many as it ends at
   */
  public static TwoStage of(int page, int size, boolean byScore, int window) {
    int end = page * size;
    if (byScore && end <= MAX_WINDOW) {
      return new TwoStage(page, size, 0, Math.max(window, end), true);
    }
    return new TwoStage(page, size, (page - 1) * size, size, false);
  }

  /**
   * Sets the score (the pre-rank function without text; with text the caller's edismax {@code q}
   * stays the score), the pre-rank's parameters and fields, and the rows to fetch. When the window
   * is the page itself (Solr's order), it asks for {@code itemFields} too and no second request is
   * made; otherwise they come from {@link #pageFetch}. The pre-rank is its native function when
   * {@code form} sends it and the pre-rank has one; run the window with {@link PrerankForm#window}.
   */
  public void prepare(ModifiableSolrParams params, SolrPrerank prerank, boolean text, List<String> itemFields,
      PrerankForm form) {
    if (!text) {
      params.set("q", "{!func v=$" + RANK_PARAM + "}");
      params.set(RANK_PARAM, prerank.nativeFunction().filter(f -> form.sendsNative()).orElse(prerank.function()));
    }
    prerank.params().forEach(params::set);
    prerank.fields().forEach(field -> params.add("fl", field));
    if (!javaOrder) {
      itemFields.stream().filter(field -> !prerank.fields().contains(field)).forEach(field -> params.add("fl", field));
    }
    params.add("fl", "score");
    params.set("start", start);
    params.set("rows", rows);
  }

  /**
   * The page: the documents read as signals by {@code read}, ranked by {@code rank} (best first;
   * it may leave some out) and sliced, or in Solr's order. A slice of the Java ranking takes its
   * documents from {@code fetch}; Solr's order keeps the window's own.
   *
   * @param text whether the score is the text score: then {@code textRelevance = score / maxScore}
   */
  public <S> List<Hit<S>> page(SolrDocumentList docs, boolean text, Function<SolrDocument, S> read,
      ToLongFunction<S> id, Function<List<Candidate<S>>, List<Ranked<S>>> rank, PageFetch fetch) {
    float maxScore = docs.getMaxScore() == null ? 0 : docs.getMaxScore();
    // Solr's order keeps the window's documents; a Java-ordered page fetches its own.
    Map<Long, SolrDocument> byId = javaOrder ? Map.of() : new LinkedHashMap<>();
    List<Candidate<S>> candidates = new ArrayList<>(docs.size());
    for (SolrDocument doc : docs) {
      S signals = read.apply(doc);
      if (!javaOrder) {
        byId.put(id.applyAsLong(signals), doc);
      }
      candidates.add(new Candidate<>(signals, text ? textRelevance(doc, maxScore) : 0));
    }
    List<Ranked<S>> ranked = rank.apply(candidates);
    List<Hit<S>> hits = new ArrayList<>(size);
    if (javaOrder) {
      int from = Math.min((page - 1) * size, ranked.size());
      List<Ranked<S>> slice = ranked.subList(from, Math.min(from + size, ranked.size()));
      if (slice.isEmpty()) {
        return hits;
      }
      Map<Long, SolrDocument> shown = fetch.documents(slice.stream().map(item -> id.applyAsLong(item.item())).toList());
      for (Ranked<S> item : slice) {
        SolrDocument doc = shown.get(id.applyAsLong(item.item()));
        if (doc != null) {
          hits.add(new Hit<>(doc, item));
        }
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

  /**
   * Fetches a page's documents with {@code itemFields} from {@code core}: the window's request with
   * every filter it had, narrowed to {@code ids}, unscored and unsorted. Filters that depend on the
   * viewer stay in, so the page never shows a member the window's filters would now exclude.
   *
   * @param window the window's parameters, as sent (not modified)
   */
  public static PageFetch pageFetch(SolrIndex index, String core, ModifiableSolrParams window, List<String> itemFields) {
    return ids -> {
      ModifiableSolrParams params = new ModifiableSolrParams(window);
      for (String name : List.of("q", "qq", RANK_PARAM, "sort", "start", "rows", "fl", "facet", "facet.field",
          "facet.limit", "facet.mincount")) {
        params.remove(name);
      }
      params.set("q", "*:*");
      params.add("fq", "{!terms f=" + IndexFields.ID + " v=$page_ids cache=false}");
      params.set("page_ids", ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
      params.set("rows", ids.size());
      params.set("fl", String.join(",", itemFields));
      Map<Long, SolrDocument> byId = new HashMap<>();
      for (SolrDocument doc : index.query(core, params).getResults()) {
        byId.put(Long.parseLong(doc.getFirstValue(IndexFields.ID).toString()), doc);
      }
      return byId;
    };
  }

  private static double textRelevance(SolrDocument doc, float maxScore) {
    Object score = doc.getFirstValue("score");
    if (!(score instanceof Number number) || maxScore <= 0) {
      return 0;
    }
    return Math.min(1, Math.max(0, number.doubleValue() / maxScore));
  }
}
