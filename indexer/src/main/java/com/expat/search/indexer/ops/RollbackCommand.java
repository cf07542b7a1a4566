package com.expat.search.indexer.ops;

import com.expat.search.common.ExpatSearchException;
import com.expat.search.common.config.Env;
import com.expat.search.common.solr.IndexNames;
import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.indexer.solr.CoreNames;
import com.expat.search.indexer.solr.IndexAdmin;
import com.expat.search.indexer.solr.SolrIndexVersions;
import com.expat.search.indexer.solr.SolrSearchIndex;
import com.expat.search.indexer.source.DbSettings;
import com.expat.search.indexer.source.JobLock;
import com.expat.search.indexer.source.RowReader;
import com.expat.search.indexer.source.RowSources;
import com.expat.search.indexer.sync.Entity;
import com.expat.search.indexer.sync.LiveWrites;
import com.expat.search.indexer.sync.Topology;
import com.rabbitmq.client.Connection;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.solr.client.solrj.SolrClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rollback members|events}: makes the index the last rebuild replaced live again. The
 * composition root of the rollback. Steps: take the core's job lock (no rebuild or other rollback
 * of it runs meanwhile); find the newest {@code <live>__prev_<stamp>}, or refuse; bring it up to
 * date with MariaDB (it has missed every live change since it was replaced: {@link Verifier} with
 * repair, writing to it through the live write path); switch ({@link IndexAdmin#restore}: SWAP, or
 * on SolrCloud the alias moved), keeping the replaced index as the new {@code __prev_}; then verify
 * and repair the live core again for the changes made during the switch.
 */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 120,
    description = {
      "Make the index the last rebuild replaced (<core>__prev_<stamp>) live again, atomically: a core SWAP on a",
      "standalone node, the alias moved on SolrCloud. The replaced index is kept as <core>__prev_<now>, so a second",
      "rollback undoes the first and the next rebuild drops it. Refuses when there is no previous index.",
      "The previous index missed the live changes since it was replaced: it is brought up to date from MariaDB",
      "through the live write path before the switch, and the live core is verified and repaired after it.",
      "Holds the core's job lock (the nightly reindex takes the same one) while it runs.",
      "",
      "Exit status: 0 rolled back and in sync; 3 rolled back but drift remains; 4 rolled back, rows rejected;",
      "1 not rolled back (nothing to roll back to, lock held, a service unreachable); 2 bad usage.",
      "",
      "Environment:",
      "  SOLR_URL, SOLR_ZK_HOSTS   Solr node, or SolrCloud (the live names are then aliases)",
      "  DB_URL, DB_USER, DB_PASSWORD   MariaDB (jdbc:mariadb://127.0.0.1:3306/expat, root, empty)",
      "  AMQP_URI, INVALIDATION_EXCHANGE   RabbitMQ and the exchange of invalidation notices",
      "  VERIFY_GRACE_MS           see verify --help (2000)",
      "  EXPAT_MEMBERS_CORE, EXPAT_EVENTS_CORE   core or alias names (members, events)"
    })
public final class RollbackCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);

  @Parameters(index = "0", description = "members or events.")
  String what;

  @Option(names = "--no-repair", description = "Switch only: do not bring the previous index up to date (it then lacks"
      + " the changes since it was replaced until verify --repair runs).")
  boolean noRepair;

  @Override
  public Integer call() throws InterruptedException {
    Entity entity = switch (what) {
      case "members" -> Entity.MEMBER;
      case "events" -> Entity.EVENT;
      default -> throw new ExpatSearchException("unknown target '" + what + "': members or events");
    };
    Env env = Env.system();
    IndexNames cores = IndexNames.from(env);
    String live = entity == Entity.MEMBER ? cores.members() : cores.events();
    Duration grace = Duration.ofMillis(env.integer("VERIFY_GRACE_MS", 2_000, 0, 600_000));
    URI amqp = env.uri("AMQP_URI", "amqp", "amqps").orElse(URI.create(VerifyCommand.DEFAULT_AMQP_URI));
    Topology topology = Topology.from(env);
    SolrSettings solr = SolrSettings.from(env).withRequestTimeout(Duration.ofMinutes(2));
    DbSettings db = DbSettings.from(env);

    try (JobLock lock = JobLock.acquire(db, live, "rollback");
        HikariDataSource pool = RowSources.pool(db, "rollback", Duration.ofSeconds(30));
        SolrClient client = SolrClients.create(solr)) {
      IndexAdmin admin = IndexAdmin.forSolr(solr, client);
      String previous = previous(admin, live);
      String keep = CoreNames.previousPrefix(live) + STAMP.format(Clock.systemUTC().instant());
      RowReader rows = RowSources.mariaDb(pool);
      Verifier verifier = new Verifier(rows, RowSources.versions(pool), new SolrIndexVersions(client), grace, 10);
      if (noRepair) {
        admin.restore(live, previous, keep);
        System.out.println(live + ": " + previous + " is live again; the replaced index is kept as " + keep);
        System.out.println(live + ": not brought up to date (--no-repair): run verify " + what + " --repair");
        return 0;
      }
      Report last;
      try (Connection connection = VerifyCommand.connect(amqp, "rollback")) {
        SolrSearchIndex index = new SolrSearchIndex(client, Duration.ofSeconds(60));
        System.out.println(live + ": bringing " + previous + " up to date with MariaDB");
        try (LiveWrites toPrevious = writesTo(rows, index, admin, entity, previous, connection, topology)) {
          print(verifier.run(entity, previous, toPrevious));
        }
        admin.restore(live, previous, keep);
        System.out.println(live + ": " + previous + " is live again; the replaced index is kept as " + keep);
        try (LiveWrites toLive = writesTo(rows, index, admin, entity, live, connection, topology)) {
          print(verifier.run(entity, live, toLive));
        }
      }
      last = print(verifier.run(entity, live, null));
      return last.drifted() ? VerifyCommand.DRIFT : last.rejected() ? VerifyCommand.REJECTED : 0;
    } catch (IOException e) {
      throw new ExpatSearchException("error while closing: " + e.getMessage(), e);
    }
  }

  /** The newest index a rebuild kept for {@code live}, or a refusal saying there is none. */
  static String previous(IndexAdmin admin, String live) {
    String prefix = CoreNames.previousPrefix(live);
    List<String> kept = admin.cores().stream().filter(name -> name.startsWith(prefix)).toList();
    return kept.stream().max(Comparator.naturalOrder()).orElseThrow(() -> new ExpatSearchException(live
        + ": nothing to roll back to: there is no " + prefix + "<stamp> index (a rebuild keeps the index it replaces"
        + " under that name; none has switched " + live + " since, or it was dropped)"));
  }

  private static LiveWrites writesTo(RowReader rows, SolrSearchIndex index, IndexAdmin admin, Entity entity,
      String core, Connection connection, Topology topology) {
    return entity == Entity.MEMBER
        ? new LiveWrites(rows, index, admin, core, "-", connection, topology, Clock.systemUTC())
        : new LiveWrites(rows, index, admin, "-", core, connection, topology, Clock.systemUTC());
  }

  private static Report print(Report report) {
    report.lines().forEach(System.out::println);
    return report;
  }
}
