package com.expat.search.indexer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.indexer.generate.InMemoryWorld;
import com.expat.search.indexer.generate.WorldSpec;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.solr.SolrIndexAdmin;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.expat.search.vocabulary.MemberFields;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SolrExtension.class)
@TestMethodOrder(OrderAnnotation.class)
class DemoWorldLoaderIT {
  static final int MEMBERS = 600;
  static final int EVENTS = 60;
  static final long SEED = 11;

  static DemoWorldLoader loader(SolrCores solr) {
    return new DemoWorldLoader(new SolrSearchIndex(solr.client()), new SolrIndexAdmin(solr.client()), solr.members(), solr.events(), solr.catalog());
  }

  @Test
  @Order(1)
  void firstLoadIndexesExactlyTheActiveMembersAndPublishedEvents(SolrCores solr) throws Exception {
    InMemoryWorld world = InMemoryWorld.generate(new WorldSpec(MEMBERS, EVENTS, SEED));
    long active = world.memberProfiles().stream().filter(p -> MemberDocuments.isIndexed(p.member())).count();
    long searchable =
        world.memberProfiles().stream()
            .filter(p -> MemberDocuments.isIndexed(p.member()) && p.member().searchable())
            .count();

    DemoWorldLoader.Outcome outcome = loader(solr).load(MEMBERS, EVENTS, SEED, false, quiet());

    assertThat(outcome.reused()).isFalse();
    assertThat(outcome.members()).isEqualTo(active);
    assertThat(count(solr, solr.members(), "*:*")).isEqualTo(active);
    assertThat(count(solr, solr.members(), MemberFields.SEARCHABLE + ":true")).isEqualTo(searchable);
    assertThat(count(solr, solr.events(), "*:*")).isEqualTo(outcome.events()).isPositive();
    assertThat(count(solr, solr.catalog(), "type:city")).isEqualTo(world.catalog().cities().size());
    assertThat(count(solr, solr.catalog(), "type:interest")).isEqualTo(world.catalog().interests().size());
  }

  @Test
  @Order(2)
  void secondLoadReusesACompleteWorld(SolrCores solr) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    DemoWorldLoader.Outcome outcome =
        loader(solr).load(MEMBERS, EVENTS, SEED, false, new PrintStream(log, true, StandardCharsets.UTF_8));

    assertThat(outcome.reused()).isTrue();
    assertThat(outcome.members()).isPositive();
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("reusing");
  }

  @Test
  @Order(3)
  void secondRebuildInOneSolrProcessSwapsWithTheLiveCoreNotOverIt(SolrCores solr) throws Exception {
    // Regression: after a SWAP, Solr's core listing showed pre-swap names, so a second rebuild
    // took the live core for absent, renamed over it and skipped the document-count check.
    long live = count(solr, solr.members(), "*:*");
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    loader(solr).load(MEMBERS, EVENTS, SEED, true, new PrintStream(log, true, StandardCharsets.UTF_8));

    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains(String.format(java.util.Locale.ROOT, "documents (was %,d)", live));
    assertThat(count(solr, solr.members(), "*:*")).isEqualTo(live);
  }

  static long count(SolrCores solr, String core, String query) throws Exception {
    return solr.client().query(core, new SolrQuery(query).setRows(0)).getResults().getNumFound();
  }

  static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
