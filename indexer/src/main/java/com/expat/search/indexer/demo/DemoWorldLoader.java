package com.expat.search.indexer.demo;

import com.expat.search.indexer.generate.InMemoryWorld;
import com.expat.search.indexer.generate.WorldSpec;
import com.expat.search.indexer.reindex.ReindexSettings;
import com.expat.search.indexer.reindex.Reindexer;
import com.expat.search.indexer.reindex.Target;
import com.expat.search.indexer.solr.IndexAdmin;
import com.expat.search.indexer.solr.SearchIndex;
import com.expat.search.vocabulary.CatalogFields;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;

/**
 * Puts a generated world into the members, events and catalog cores through the nightly
 * rebuild: the world is read as if it were MariaDB ({@link InMemoryRowSource}), loaded into bulk
 * cores with the indexer's mapping and switched in atomically. A marker document in the catalog,
 * written last, says the load completed; its absence after an interrupted load makes the next
 * start load again.
 */
public final class DemoWorldLoader {
  static final String MARKER_ID = "meta:demo-world";

  private final SearchIndex index;
  private final IndexAdmin admin;
  private final String membersCore;
  private final String eventsCore;
  private final String catalogCore;

  public DemoWorldLoader(
      SearchIndex index, IndexAdmin admin, String membersCore, String eventsCore, String catalogCore) {
    this.index = index;
    this.admin = admin;
    this.membersCore = membersCore;
    this.eventsCore = eventsCore;
    this.catalogCore = catalogCore;
  }

  /** What a load did. {@code reused} is true when a complete world was already indexed. */
  public record Outcome(boolean reused, long members, long events, Duration took) {}

  /** Loads the world unless one is already complete (or {@code force}); logs progress to {@code log}. */
  public Outcome load(int members, int events, long seed, boolean force, PrintStream log) {
    return load(new WorldSpec(members, events, seed), force, log);
  }

  /** Loads the world of {@code spec}, unless one is already complete (or {@code force}). */
  public Outcome load(WorldSpec spec, boolean force, PrintStream log) {
    long start = System.nanoTime();
    if (!force && index.contains(catalogCore, MARKER_ID)) {
      Outcome outcome =
          new Outcome(true, index.count(membersCore), index.count(eventsCore), since(start));
      log.printf(
          "demo world present (%,d members, %,d events indexed); reusing it%n",
          outcome.members(), outcome.events());
      return outcome;
    }
    log.printf(
        "generating a world of %,d members and %,d events (seed %d)...%n",
        spec.members(), spec.events(), spec.seed());
    InMemoryWorld world = InMemoryWorld.generate(spec);
    log.printf("generated in %.1f s; indexing...%n", since(start).toMillis() / 1000.0);

    Reindexer reindexer =
        new Reindexer(new InMemoryRowSource(world, spec.now()), index, admin, settings(), Clock.systemUTC(), log);
    long members = reindexer.rebuild(Target.MEMBERS);
    long events = reindexer.rebuild(Target.EVENTS);
    reindexer.rebuild(Target.CATALOG);
    index.add(catalogCore, List.of(marker(spec, System.currentTimeMillis())));
    index.commit(catalogCore);

    Outcome outcome = new Outcome(false, members, events, since(start));
    log.printf(
        "demo world ready: %,d members and %,d events searchable, in %.1f s%n",
        members, events, outcome.took().toMillis() / 1000.0);
    return outcome;
  }

  /**
   * A rebuild with nothing live to protect: no live indexer to wait for, no changes to catch up
   * with, and whatever the cores held is replaced.
   */
  private ReindexSettings settings() {
    return new ReindexSettings(
        1_000, 2, ReindexSettings.RUN_ROWS_DEFAULT, 0.0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5), 1,
        ReindexSettings.DEFAULT_WRITE_DEADLINE, membersCore, eventsCore, catalogCore);
  }

  private static SolrInputDocument marker(WorldSpec spec, long buildVersion) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(CatalogFields.ID, MARKER_ID);
    doc.setField(CatalogFields.VERSION, buildVersion);
    doc.setField(CatalogFields.TYPE, "meta");
    doc.setField(
        CatalogFields.NAME,
        "demo world: " + spec.members() + " members, " + spec.events() + " events, seed " + spec.seed());
    return doc;
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
