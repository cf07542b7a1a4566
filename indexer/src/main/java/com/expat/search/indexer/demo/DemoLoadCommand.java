package com.expat.search.indexer.demo;

import com.expat.search.common.config.Env;
import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.indexer.reindex.ReindexSettings;
import com.expat.search.indexer.solr.SolrIndexAdmin;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.vocabulary.Cores;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.solr.client.solrj.SolrClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo-load}: puts a generated world straight into Solr, without MariaDB, through the same
 * document mapping the indexer uses for rows read from MariaDB. Does nothing when a complete demo
 * world is already indexed, so a second demo start answers within seconds.
 */
@Command(
    name = "demo-load",
    mixinStandardHelpOptions = true,
    description = {
      "Index a generated sample world straight into Solr (no MariaDB), unless one is there.",
      "Reads SOLR_URL (the launcher sets it to the bundled Solr)."
    })
public final class DemoLoadCommand implements Callable<Integer> {

  @Option(names = "--members", defaultValue = "30000", description = "Members (default ${DEFAULT-VALUE}).")
  int members;

  @Option(names = "--events", defaultValue = "3000", description = "Events (default ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the world (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--force", description = "Index again even when a demo world is present.")
  boolean force;

  @Override
  public Integer call() {
    SolrSettings settings =
        SolrSettings.from(Env.system()).withRequestTimeout(Duration.ofSeconds(60));
    try (SolrClient client = SolrClients.create(settings)) {
      DemoWorldLoader loader =
          new DemoWorldLoader(
              new SolrSearchIndex(client, ReindexSettings.DEFAULT_WRITE_DEADLINE), new SolrIndexAdmin(client), Cores.MEMBERS, Cores.EVENTS, Cores.CATALOG);
      loader.load(members, events, seed, force, System.err);
      return 0;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
