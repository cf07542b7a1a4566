package com.expat.search.query.members;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Member;
import com.expat.search.indexer.world.MemberProfile;
import com.expat.search.indexer.world.SpokenLanguage;
import com.expat.search.query.cache.Freshness;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A viewer kept by the directory is used only while the invalidation notices say nothing changed
 * about them: the notice announcing a write to their document, and the one saying it is visible,
 * each make the next look-up read Solr again; on a real Solr.
 */
@ExtendWith(SolrExtension.class)
class CachedDirectoryIT {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final Catalog CATALOG = new Catalog(
      List.of(new City(1, "Berlin", "Berlin", "DE", 52.52, 13.405, 3_600_000, "Europe/Berlin")), List.of());
  private static final long VIEWER = 7;

  private SolrCores solr;
  /** The members core keeps only newer versions of a document. */
  private long version = System.nanoTime();
  private Freshness freshness;
  private MemberDirectory directory;

  @BeforeEach
  void viewerSpeaksGerman(SolrCores solr) throws Exception {
    this.solr = solr;
    write("de");
    freshness = new Freshness(Clock.systemUTC(), Duration.ofMinutes(2), Duration.ZERO, Duration.ZERO);
    freshness.feedUp();
    Thread.sleep(2); // answers read after the feed came up are confirmable
    directory = MemberDirectory.cached(new SolrIndex(solr.client()), solr.members(), freshness,
        Duration.ofMinutes(1), 100, Ticker.systemTicker());
    assertThat(directory.require(VIEWER, "viewer").languages()).containsExactly("de");
  }

  private void write(String language) throws Exception {
    Member member = new Member(VIEWER, "Viewer", null, null, null, 1, "DE", Member.Membership.BASIC, true,
        Member.Status.ACTIVE, false, NOW, NOW, NOW, ++version);
    solr.client().add(solr.members(), MemberDocuments.document(new MemberProfile(member,
        List.of(new SpokenLanguage(language, SpokenLanguage.Level.NATIVE)), List.of(), List.of(), List.of()), CATALOG));
    solr.client().commit(solr.members());
  }

  @Test
  void aKeptViewerIsServedUntilANoticeNamesThem() throws Exception {
    write("fr");

    assertThat(directory.require(VIEWER, "viewer").languages()).as("kept, no notice yet").containsExactly("de");
    freshness.membersChanged(List.of(VIEWER + 1));
    assertThat(directory.require(VIEWER, "viewer").languages()).as("a notice about someone else").containsExactly("de");

    freshness.membersChanged(List.of(VIEWER));
    assertThat(directory.require(VIEWER, "viewer").languages()).as("read again after the notice").containsExactly("fr");
  }

  @Test
  void anAnnouncedWriteStopsTheKeptViewerBeforeItLands() throws Exception {
    freshness.pending("batch-1", List.of(VIEWER), List.of());
    write("fr");

    assertThat(directory.require(VIEWER, "viewer").languages()).containsExactly("fr");
  }

  @Test
  void withoutTheFeedAKeptViewerIsNotTrusted() throws Exception {
    freshness.feedDown();
    write("fr");

    assertThat(directory.require(VIEWER, "viewer").languages()).containsExactly("fr");
  }
}
