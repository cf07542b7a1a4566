package com.expat.search.bench.lab.hand;

import com.expat.search.common.solr.IndexNames;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.lab.Evaluation;
import com.expat.search.lab.JudgmentSet;
import com.expat.search.lab.LabJson;
import com.expat.search.lab.PopularityRanker;
import com.expat.search.lab.RandomRanker;
import com.expat.search.lab.Ranker;
import com.expat.search.lab.RunResult;
import com.expat.search.lab.ServiceRanker;
import com.expat.search.query.QueryService;
import com.expat.search.query.QueryServiceConfig;
import com.expat.search.ranking.RankingProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;

/**
 * The hand-written judged set end to end: {@link HandWrittenWorld} indexed into three Solr cores
 * through the indexer's mapping, a query service started in-process on a free loopback port over
 * those cores, and every shipped ranking profile ({@code profile:<name>}, through the API like
 * {@code eval run}) and the baselines ({@code random}, {@code popularity}) scored on
 * {@code lab/handwritten/judgments.json} with the lab's {@link Evaluation}. Used by
 * {@code eval handwritten} and by {@code HandWrittenSetIT}. Not thread-safe; one run at a time.
 */
public final class HandWrittenLab {
  /** Seed of the random baseline. */
  public static final long RANDOM_SEED = 1;

  private HandWrittenLab() {}

  /** The shipped judgments. */
  public static JudgmentSet judgments() {
    try (InputStream in = HandWrittenLab.class.getClassLoader().getResourceAsStream(HandWrittenWorld.JUDGMENTS)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + HandWrittenWorld.JUDGMENTS + " is missing");
      }
      return LabJson.parseJudgments(new String(in.readAllBytes(), StandardCharsets.UTF_8), HandWrittenWorld.JUDGMENTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replaces whatever {@code cores} hold with the hand-written world placed at {@code now}, and
   * makes it visible.
   */
  public static HandWrittenWorld index(SolrClient solr, IndexNames cores, Instant now) {
    HandWrittenWorld world = HandWrittenWorld.load(now);
    try {
      replace(solr, cores.catalog(), world.catalogDocuments());
      replace(solr, cores.members(), world.memberDocuments());
      replace(solr, cores.events(), world.eventDocuments());
    } catch (SolrServerException | IOException e) {
      throw new IllegalStateException("cannot index the hand-written world: " + e.getMessage(), e);
    }
    return world;
  }

  private static void replace(SolrClient solr, String core, List<org.apache.solr.common.SolrInputDocument> docs)
      throws SolrServerException, IOException {
    solr.deleteByQuery(core, "*:*");
    solr.add(core, docs);
    solr.commit(core);
  }

  /** Documents in {@code core}. */
  public static long count(SolrClient solr, String core) {
    try {
      return solr.query(core, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
    } catch (SolrServerException | IOException e) {
      throw new IllegalStateException("cannot count " + core + ": " + e.getMessage(), e);
    }
  }

  /**
   * Indexes the world at the current minute, starts a query service over {@code cores} of the Solr
   * at {@code solrUrl}, and runs every ranker; the service is stopped before returning.
   *
   * @return one run per ranker: {@code random}, {@code popularity}, then {@code profile:<name>} for
   *     every shipped profile, by name
   */
  public static List<RunResult> run(SolrClient solr, String solrUrl, IndexNames cores, int k, int relevant) {
    HandWrittenWorld world = index(solr, cores, Instant.now().truncatedTo(ChronoUnit.MINUTES));
    JudgmentSet set = judgments();
    List<RunResult> runs = new ArrayList<>();
    runs.add(Evaluation.run(set, new RandomRanker(RANDOM_SEED), k, relevant));
    runs.add(Evaluation.run(set, new PopularityRanker(world.memberPopularity(), world.eventPopularity()), k, relevant));
    Duration ttl = Duration.ofSeconds(60);
    QueryServiceConfig config = new QueryServiceConfig(0, SolrSettings.at(URI.create(solrUrl)), cores, ttl, ttl, 1_000,
        Duration.ofMinutes(10));
    try (QueryService service = QueryService.start(config)) {
      java.net.URI url = java.net.URI.create("http://127.0.0.1:" + service.port());
      for (String profile : new TreeSet<>(RankingProfiles.load().names())) {
        Ranker ranker = new ServiceRanker("profile:" + profile, url, Map.of("profile", profile));
        runs.add(Evaluation.run(set, ranker, k, relevant));
      }
    }
    return runs;
  }
}
