package com.expat.search.indexer.reindex;

import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.config.Env;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.indexer.solr.IndexAdmin;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.indexer.source.DbSettings;
import com.expat.search.indexer.source.RowSources;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.solr.client.solrj.SolrClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reindex [members|events|all]}: the nightly rebuild into new cores, then the atomic switch.
 * The composition root of the rebuild: reads its configuration, builds the pool, the Solr client
 * and the {@link IndexAdmin} of the mode in use (CoreAdmin, or the Collections API when
 * {@code SOLR_ZK_HOSTS} is set), and runs a {@link Reindexer} per core. Exits non-zero when any
 * rebuild failed or was refused; the live index of that core is then untouched.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 120,
    description = {
      "Rebuild members, events (and the catalog) from MariaDB into new cores, then switch atomically",
      "(SolrCloud: into new collections, then move the aliases).",
      "",
      "Environment:",
      "  SOLR_ZK_HOSTS             SolrCloud's ZooKeeper (e.g. 127.0.0.1:9983), enough alone: collections behind",
      "                            aliases, switched by CREATEALIAS",
      "  SOLR_URL                  Solr node, without SOLR_ZK_HOSTS (the launcher sets it to the bundled Solr)",
      "  DB_URL, DB_USER, DB_PASSWORD   MariaDB (jdbc:mariadb://127.0.0.1:3306/expat, root, empty)",
      "  DB_POOL_SIZE              connections to MariaDB (4)",
      "  REINDEX_PAGE_SIZE         ids per page and per Solr update (1000)",
      "  REINDEX_ORDER             place: write rows place by place, so that neighbours are close in the",
      "                            index (faster queries); id: in id order (fewer random database reads) (place)",
      "  REINDEX_MAX_SEGMENTS      merge the new index down to this many segments before the switch, 0: no merge (1)",
      "  REINDEX_THREADS           pages loaded in parallel (4)",
      "  REINDEX_MIN_RATIO         least new/live document ratio to switch (0.9)",
      "  REINDEX_DISCOVERY_WAIT_MS wait for live indexers to find the new core (2 x INDEXER_DISCOVERY_MS + 1000)",
      "  REINDEX_CATCHUP_MARGIN_S  clock skew allowed for the catch-up of updated_at (60)",
      "  REINDEX_PROGRESS_S        interval of progress lines (5)",
      "  EXPAT_MEMBERS_CORE, EXPAT_EVENTS_CORE, EXPAT_CATALOG_CORE   core or alias names (members, events, catalog)"
    })
public final class ReindexCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", defaultValue = "all",
      description = "members, events or all (all also rebuilds the catalog; default ${DEFAULT-VALUE}).")
  String what;

  @Option(names = "--min-ratio", description = "Least new/live document ratio to switch (overrides REINDEX_MIN_RATIO).")
  Double minRatio;

  @Option(names = "--force", description = "Switch whatever the document count (same as --min-ratio 0).")
  boolean force;

  @Override
  public Integer call() {
    List<Target> targets = switch (what) {
      case "members" -> List.of(Target.MEMBERS, Target.CATALOG);
      case "events" -> List.of(Target.EVENTS);
      case "all" -> List.of(Target.CATALOG, Target.MEMBERS, Target.EVENTS);
      default -> throw new ReindexException("unknown target '" + what + "': members, events or all");
    };
    Env env = Env.system();
    ReindexSettings settings = ReindexSettings.from(env);
    if (minRatio != null) {
      settings = settings.withMinRatio(minRatio);
    }
    if (force) {
      settings = settings.withMinRatio(0);
    }
    SolrSettings solr = SolrSettings.from(env).withRequestTimeout(Duration.ofMinutes(15));
    List<String> failures = new ArrayList<>();
    try (HikariDataSource pool = RowSources.pool(DbSettings.from(env), "reindex");
        SolrClient client = SolrClients.create(solr)) {
      Reindexer reindexer = new Reindexer(RowSources.mariaDb(pool), new SolrSearchIndex(client),
          IndexAdmin.forSolr(solr, client), settings, Clock.systemUTC(), System.out);
      for (Target target : targets) {
        try {
          reindexer.rebuild(target);
        } catch (ReindexException e) {
          System.err.println("reindex: " + e.getMessage());
          failures.add(target.name().toLowerCase(java.util.Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!failures.isEmpty()) {
      throw new ReindexException("failed: " + String.join(", ", failures) + " (their live index is unchanged)");
    }
    return 0;
  }
}
