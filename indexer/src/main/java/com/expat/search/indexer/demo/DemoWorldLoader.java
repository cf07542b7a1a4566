package com.expat.search.indexer.demo;

import com.expat.search.common.solr.CatalogFields;
import com.expat.search.indexer.generate.InMemoryWorld;
import com.expat.search.indexer.generate.WorldSpec;
import com.expat.search.indexer.mapping.CatalogDocuments;
import com.expat.search.indexer.mapping.EventDocuments;
import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.solr.SearchIndex;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.MemberProfile;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.time.Duration;
import org.apache.solr.common.SolrInputDocument;

/**
 * Generates a world in memory and indexes it into the members, events and catalog cores. A
 * marker document in the catalog, written last, says the load completed; its absence after an
 * interrupted load makes the next start load again.
 */
public final class DemoWorldLoader {
  static final String MARKER_ID = "meta:demo-world";
  private static final int BATCH = 1_000;

  private final SearchIndex index;
  private final String membersCore;
  private final String eventsCore;
  private final String catalogCore;

  public DemoWorldLoader(SearchIndex index, String membersCore, String eventsCore, String catalogCore) {
    this.index = index;
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
    int members = spec.members();
    int events = spec.events();
    long seed = spec.seed();
    long start = System.nanoTime();
    if (!force && index.contains(catalogCore, MARKER_ID)) {
      Outcome outcome =
          new Outcome(true, index.count(membersCore), index.count(eventsCore), since(start));
      log.printf(
          "demo world present (%,d members, %,d events indexed); reusing it%n",
          outcome.members(), outcome.events());
      return outcome;
    }
    log.printf("generating a world of %,d members and %,d events (seed %d)...%n", members, events, seed);
    InMemoryWorld world = InMemoryWorld.generate(spec);
    Catalog catalog = world.catalog();
    log.printf("generated in %.1f s; indexing...%n", since(start).toMillis() / 1000.0);

    long indexStart = System.nanoTime();
    int memberDocs =
        applyInBatches(membersCore, world.memberProfiles(), p -> MemberDocuments.change(p, catalog), log);
    int eventDocs =
        applyInBatches(eventsCore, world.eventDetails(), d -> EventDocuments.change(d, catalog), log);
    long buildVersion = System.currentTimeMillis();
    List<SolrInputDocument> catalogDocs = catalogDocuments(catalog, world.memberProfiles(), buildVersion);
    index.add(catalogCore, catalogDocs);
    index.commit(membersCore);
    index.commit(eventsCore);
    index.commit(catalogCore);
    index.add(catalogCore, List.of(marker(members, events, seed, buildVersion)));
    index.commit(catalogCore);

    double seconds = since(indexStart).toMillis() / 1000.0;
    log.printf(
        "indexed %,d member, %,d event and %,d catalog documents in %.1f s (%,.0f docs/s)%n",
        memberDocs, eventDocs, catalogDocs.size(), seconds,
        (memberDocs + eventDocs + catalogDocs.size()) / Math.max(seconds, 0.001));
    return new Outcome(false, memberDocs, eventDocs, since(start));
  }

  private <T> int applyInBatches(
      String core, List<T> rows, Function<T, IndexChange> mapping, PrintStream log) {
    List<IndexChange> batch = new ArrayList<>(BATCH);
    int written = 0;
    for (T row : rows) {
      IndexChange change = mapping.apply(row);
      // Only live rows are written: the demo's world never changes under a seed, so a member who
      // is inactive now was never indexed, and each versioned delete would cost a round trip.
      if (!(change instanceof IndexChange.Upsert)) {
        continue;
      }
      batch.add(change);
      written++;
      if (batch.size() == BATCH) {
        index.apply(core, batch);
        batch.clear();
        if (written % 10_000 < BATCH) {
          log.printf("  %s: %,d documents%n", core, written);
        }
      }
    }
    if (!batch.isEmpty()) {
      index.apply(core, batch);
    }
    return written;
  }

  static List<SolrInputDocument> catalogDocuments(
      Catalog catalog, List<MemberProfile> members, long buildVersion) {
    Map<Integer, Integer> popularity = new HashMap<>();
    for (MemberProfile member : members) {
      if (MemberDocuments.isIndexed(member.member())) {
        member.interestIds().forEach(id -> popularity.merge(id, 1, Integer::sum));
      }
    }
    List<SolrInputDocument> docs = new ArrayList<>();
    catalog.cities().forEach(city -> docs.add(CatalogDocuments.city(city, buildVersion)));
    for (Interest interest : catalog.interests()) {
      docs.add(
          CatalogDocuments.interest(interest, popularity.getOrDefault(interest.id(), 0), buildVersion));
    }
    return docs;
  }

  private static SolrInputDocument marker(int members, int events, long seed, long buildVersion) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(CatalogFields.ID, MARKER_ID);
    doc.setField(CatalogFields.VERSION, buildVersion);
    doc.setField(CatalogFields.TYPE, "meta");
    doc.setField(
        CatalogFields.NAME,
        "demo world: " + members + " members, " + events + " events, seed " + seed);
    return doc;
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
