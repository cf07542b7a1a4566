package com.expat.search.solr.rank;

import com.expat.search.vocabulary.EventFields;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.solr.core.AbstractSolrEventListener;
import org.apache.solr.core.SolrCore;
import org.apache.solr.search.SolrIndexSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link EventColumns} of a new searcher's segments before it serves requests
 * ({@code firstSearcher} and {@code newSearcher} listener in solrconfig.xml), as {@link
 * ColumnWarmer} does for members: only segments that hold events' start times are read, so the
 * members and catalog cores, which share the configset, build nothing. A failure is logged and
 * leaves the columns to be built on first use.
 */
public final class EventColumnWarmer extends AbstractSolrEventListener {
  private static final Logger LOG = LoggerFactory.getLogger(EventColumnWarmer.class);

  public EventColumnWarmer(SolrCore core) {
    super(core);
  }

  @Override
  public void newSearcher(SolrIndexSearcher newSearcher, SolrIndexSearcher currentSearcher) {
    if (!(getCore().getQueryPlugin(EventsRankParser.NAME) instanceof EventsRankParser events)) {
      return;
    }
    long started = System.nanoTime();
    try {
      for (LeafReaderContext leaf : newSearcher.getIndexReader().leaves()) {
        LeafReader reader = leaf.reader();
        if (reader.getFieldInfos().fieldInfo(EventFields.STARTS_AT) != null) {
          events.columns().columns(reader);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("{}: could not build the event columns ahead of requests; they are built on first use",
          getCore().getName(), e);
      return;
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (millis >= 50 || LOG.isDebugEnabled()) {
      LOG.info("{}: event columns ready in {} ms: {} segment(s), ~{} MB", getCore().getName(), millis,
          events.columns().segments(), events.columns().bytes() >> 20);
    }
  }
}
