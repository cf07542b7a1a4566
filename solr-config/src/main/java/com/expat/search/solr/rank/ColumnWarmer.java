package com.expat.search.solr.rank;

import com.expat.search.ranking.MemberParameters;
import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.features.HalfLifeDecay;
import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.solr.core.AbstractSolrEventListener;
import org.apache.solr.core.SolrCore;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SolrIndexSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link MemberColumns} of a new searcher's segments before it serves requests
 * ({@code firstSearcher} and {@code newSearcher} listener in solrconfig.xml). Without it the first
 * matches request after a start, a rebuild's switch or a large merge builds them itself: seconds
 * at a million members, past the query service's time limit, so that request would be a 503.
 * Segments already built (the ones a soft commit keeps) cost a map look-up. Only segments that hold
 * members' language levels are read, so the events and catalog cores, which share the configset,
 * build nothing. The decays of the bundled profiles' half-lives are built with them. A failure is logged and leaves the columns to be built on first use.
 */
public final class ColumnWarmer extends AbstractSolrEventListener {
  private static final Logger LOG = LoggerFactory.getLogger(ColumnWarmer.class);
  private static final List<MemberParameters> PROFILES = bundledProfiles();

  private static List<MemberParameters> bundledProfiles() {
    RankingProfiles profiles = RankingProfiles.load();
    return profiles.names().stream().map(name -> profiles.profile(name).members()).toList();
  }

  /** The count of documents without the page's docValues copies last warned about (0: none). */
  private volatile long warnedWithoutCopies;

  public ColumnWarmer(SolrCore core) {
    super(core);
  }

  @Override
  public void newSearcher(SolrIndexSearcher newSearcher, SolrIndexSearcher currentSearcher) {
    QParserPlugin plugin = getCore().getQueryPlugin(MatchesRankParser.NAME);
    if (!(plugin instanceof MatchesRankParser matches)) {
      return;
    }
    long started = System.nanoTime();
    long withoutCopies = 0;
    try {
      for (LeafReaderContext leaf : newSearcher.getIndexReader().leaves()) {
        LeafReader reader = leaf.reader();
        if (reader.getFieldInfos().fieldInfo(MemberFields.LANGUAGE_LEVELS) != null) {
          withoutCopies += PageText.documentsWithoutCopies(reader);
          MemberColumns columns = matches.columns().columns(reader);
          columns.tieOrder();
          for (MemberParameters profile : PROFILES) {
            columns.activity(HalfLifeDecay.rate(profile.activityHalfLife()));
            columns.newness(HalfLifeDecay.rate(profile.newnessHalfLife()));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: could not build the member columns ahead of requests; they are built on first use",
          getCore().getName(), e);
      return;
    }
    if (withoutCopies > 0 && withoutCopies != warnedWithoutCopies) {
      LOG.warn("{}: {} member documents were indexed before the schema's page_text copies (configset expat): "
          + "their page texts are read from the stored fields, slower; `reindex all` rebuilds the core with them",
          getCore().getName(), withoutCopies);
    }
    warnedWithoutCopies = withoutCopies;
    long millis = (System.nanoTime() - started) / 1_000_000;
    // Every soft commit opens a searcher; only a build worth noticing is logged at INFO.
    if (millis >= 50 || LOG.isDebugEnabled()) {
      LOG.info("{}: member columns ready in {} ms: {} segment(s), ~{} MB", getCore().getName(), millis,
          matches.columns().segments(), matches.columns().bytes() >> 20);
    }
  }
}
