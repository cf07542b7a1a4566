package com.expat.search.indexer.ops;

import com.expat.search.common.ExpatSearchException;
import com.expat.search.common.config.Env;
import com.expat.search.common.solr.IndexNames;
import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.indexer.solr.IndexAdmin;
import com.expat.search.indexer.solr.SolrIndexVersions;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.indexer.source.DbSettings;
import com.expat.search.indexer.source.RowReader;
import com.expat.search.indexer.source.RowSources;
import com.expat.search.indexer.sync.AmqpConnector;
import com.expat.search.indexer.sync.Entity;
import com.expat.search.indexer.sync.LiveWrites;
import com.expat.search.indexer.sync.Topology;
import com.rabbitmq.client.Connection;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.apache.solr.client.solrj.SolrClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code verify [members|events|all] [--repair]}: compares MariaDB with the live index by id and
 * version ({@link Verifier}) and prints what differs; with {@code --repair}, re-indexes exactly
 * the drifted rows through the live write path ({@link LiveWrites}) and compares again. The
 * composition root of the check.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 120,
    description = {
      "Compare MariaDB with the live index by id and version, streaming both sides in id order (memory does not",
      "grow with the tables). Every difference is checked again after VERIFY_GRACE_MS, so changes in flight are",
      "not reported. Prints, per core, the counts of rows missing from the index, stale in it (another version),",
      "documents that should be gone (row deleted, deactivated or unpublished) and rows the live write path",
      "rejects (the mapping refuses them; with --repair also those Solr answers 400 for), and the first ids of each.",
      "",
      "--repair re-indexes exactly the drifted rows as the live sync would (versioned writes, so nothing newer is",
      "overwritten; build cores of a running rebuild too; an invalidation notice for the query services), then",
      "compares again and reports that second pass.",
      "",
      "Exit status: 0 in sync; 3 drift (missing, stale or should-be-gone documents; after --repair: still);",
      "4 no drift but rejected rows (data to fix in MariaDB); 1 verify could not run; 2 bad usage.",
      "",
      "Environment:",
      "  SOLR_URL, SOLR_ZK_HOSTS   Solr node, or SolrCloud (the live names are then aliases)",
      "  DB_URL, DB_USER, DB_PASSWORD   MariaDB (jdbc:mariadb://127.0.0.1:3306/expat, root, empty)",
      "  AMQP_URI                  RabbitMQ, for --repair's invalidation notices (amqp://guest:guest@127.0.0.1:5672/)",
      "  INVALIDATION_EXCHANGE     where the notices go (expat.search.invalidations)",
      "  VERIFY_GRACE_MS           how old a difference must be before it is checked again and counted (2000)",
      "  VERIFY_METRICS_FILE       write the outcome in Prometheus text format there (node_exporter's textfile",
      "                            collector), e.g. /var/lib/node_exporter/textfile/expat_verify.prom; unset: none",
      "  EXPAT_MEMBERS_CORE, EXPAT_EVENTS_CORE   core or alias names (members, events)"
    })
public final class VerifyCommand implements Callable<Integer> {
  /** Exit status when documents are missing, stale or should be gone. */
  public static final int DRIFT = 3;
  /** Exit status when the only differences are rows the live write path rejects. */
  public static final int REJECTED = 4;

  static final String DEFAULT_AMQP_URI = "amqp://guest:guest@127.0.0.1:5672/";

  @Parameters(index = "0", arity = "0..1", defaultValue = "all",
      description = "members, events or all (default ${DEFAULT-VALUE}).")
  String what;

  @Option(names = "--repair", description = "Re-index the drifted rows through the live write path, then verify again.")
  boolean repair;

  @Option(names = "--show", defaultValue = "10", paramLabel = "N",
      description = "How many ids of each kind to print (default ${DEFAULT-VALUE}).")
  int show;

  @Override
  public Integer call() throws InterruptedException {
    List<Entity> entities = switch (what) {
      case "members" -> List.of(Entity.MEMBER);
      case "events" -> List.of(Entity.EVENT);
      case "all" -> List.of(Entity.MEMBER, Entity.EVENT);
      default -> throw new ExpatSearchException("unknown target '" + what + "': members, events or all");
    };
    if (show < 0 || show > 10_000) {
      throw new ExpatSearchException("--show " + show + " is outside 0..10000");
    }
    Env env = Env.system();
    Duration grace = Duration.ofMillis(env.integer("VERIFY_GRACE_MS", 2_000, 0, 600_000));
    Optional<Path> metricsFile = env.optional("VERIFY_METRICS_FILE").map(Path::of);
    IndexNames cores = IndexNames.from(env);
    String membersCore = cores.members();
    String eventsCore = cores.events();
    URI amqp = env.uri("AMQP_URI", "amqp", "amqps").orElse(URI.create(DEFAULT_AMQP_URI));
    Topology topology = Topology.from(env);
    SolrSettings solr = SolrSettings.from(env).withRequestTimeout(Duration.ofMinutes(2));
    DbSettings db = DbSettings.from(env);

    long started = System.currentTimeMillis();
    List<Report> first = new ArrayList<>();
    List<Report> last = new ArrayList<>();
    try (HikariDataSource pool = RowSources.pool(db, "verify", Duration.ofSeconds(30));
        SolrClient client = SolrClients.create(solr)) {
      RowReader rows = RowSources.mariaDb(pool);
      Verifier verifier = new Verifier(rows, RowSources.versions(pool), new SolrIndexVersions(client), grace, show);
      if (repair) {
        try (Connection connection = connect(amqp, "verify --repair");
            LiveWrites writes = new LiveWrites(rows, new SolrSearchIndex(client, Duration.ofSeconds(60)), IndexAdmin.forSolr(solr, client),
                membersCore, eventsCore, connection, topology, Clock.systemUTC())) {
          for (Entity entity : entities) {
            first.add(print("", verifier.run(entity, core(entity, membersCore, eventsCore), writes)));
          }
        }
      }
      for (Entity entity : entities) {
        last.add(print(repair ? "after repair, " : "", verifier.run(entity, core(entity, membersCore, eventsCore), null)));
      }
    } catch (IOException e) {
      throw new ExpatSearchException("error while closing: " + e.getMessage(), e);
    }
    int status = last.stream().anyMatch(Report::drifted) ? DRIFT : last.stream().anyMatch(Report::rejected) ? REJECTED : 0;
    metricsFile.ifPresent(file -> metrics(first, last, status, started).writeTo(file));
    return status;
  }

  private static Report print(String prefix, Report report) {
    List<String> lines = report.lines();
    System.out.println(prefix + lines.get(0));
    lines.subList(1, lines.size()).forEach(System.out::println);
    return report;
  }

  private static String core(Entity entity, String membersCore, String eventsCore) {
    return entity == Entity.MEMBER ? membersCore : eventsCore;
  }

  /**
   * One connection for a tool's invalidation notices, no retries: a tool run should say at once
   * that RabbitMQ is not there, before it changes anything.
   */
  static Connection connect(URI amqp, String job) {
    var factory = AmqpConnector.factory(amqp);
    factory.setAutomaticRecoveryEnabled(false);
    try {
      return factory.newConnection("expat-search " + job);
    } catch (IOException | TimeoutException e) {
      throw new ExpatSearchException(job + " needs RabbitMQ for its invalidation notices, and " + factory.getHost()
          + ":" + factory.getPort() + " is not reachable (" + e.getMessage() + "); nothing was changed", e);
    }
  }

  private static TextfileMetrics metrics(List<Report> first, List<Report> last, int status, long started) {
    TextfileMetrics metrics = new TextfileMetrics();
    for (Report report : last) {
      for (Drift drift : Drift.values()) {
        metrics.gauge("expat_verify_rows", "rows in each kind of drift at the last verify (after --repair: what remains)",
            report.count(drift), "core", report.core(), "kind", drift.metric());
      }
    }
    for (Report report : last) {
      metrics.gauge("expat_verify_database_rows", "rows of the table at the last verify", report.rows(),
          "core", report.core());
      metrics.gauge("expat_verify_index_documents", "documents of the live core at the last verify",
          report.documents(), "core", report.core());
    }
    for (Report report : first) {
      metrics.gauge("expat_verify_repaired_rows", "rows re-indexed by the last verify --repair", report.repaired(),
          "core", report.core());
    }
    metrics.gauge("expat_verify_exit_code", "exit status of the last verify (0 in sync, 3 drift, 4 rejected rows)",
        status);
    metrics.gauge("expat_verify_duration_seconds", "how long the last verify took",
        (System.currentTimeMillis() - started) / 1000.0);
    metrics.gauge("expat_verify_last_run_timestamp_seconds", "when the last verify ended (Unix time)",
        System.currentTimeMillis() / 1000.0);
    return metrics;
  }
}
