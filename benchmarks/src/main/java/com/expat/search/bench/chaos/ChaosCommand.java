package com.expat.search.bench.chaos;

import com.expat.search.bench.BenchMain;
import com.expat.search.bench.Durations;
import com.expat.search.bench.indexing.DbOptions;
import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.indexer.source.DbSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.solr.client.solrj.SolrClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench chaos}: the reliability figures under faults, on a generated world with the whole
 * stack as real processes (docs/reliability.md). Phases, each skipped when its count is 0:
 * (a) changes while each service is killed or cut in turn, then convergence and {@code verify};
 * (b) malformed messages; (c) hostile API requests; (d) privacy probes under changing blocks,
 * hides and contacts. Prints each figure and writes them all to {@code --out}/result.json. The
 * exit status is 0 when every figure is what the contract wants (nothing lost, every malformed
 * message dead-lettered with a reason, no 5xx, no syntax interpreted, no leak), 1 otherwise.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true, usageHelpWidth = 120,
    description = {
      "Reliability under faults, with Solr, memcached, the indexer and the query service as processes of its own and",
      "MariaDB and RabbitMQ reached through TCP proxies it cuts (the machine's services are never stopped).",
      "Sizes are options, so that a small run fits a test and the full one (the defaults) is done by hand."
    })
public final class ChaosCommand implements Callable<Integer> {
  @Option(names = "--members", defaultValue = "20000", description = "members of the generated world (${DEFAULT-VALUE})")
  int members;

  @Option(names = "--events", defaultValue = "2000", description = "events of the generated world (${DEFAULT-VALUE})")
  int events;

  @Option(names = "--seed", defaultValue = "42", description = "seed of the world and of every random draw (${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--reuse-world", description = "keep the database and the Solr home of a previous run")
  boolean reuseWorld;

  @Option(names = "--changes", defaultValue = "100000", description = "(a) changes published under faults (${DEFAULT-VALUE})")
  int changes;

  @Option(names = "--writers", defaultValue = "4", description = "(a) publisher threads (${DEFAULT-VALUE})")
  int writers;

  @Option(names = "--rate", defaultValue = "250",
      description = "(a) changes per second, so that every fault falls while changes flow; 0: as fast as possible (${DEFAULT-VALUE})")
  double rate;

  @Option(names = "--outage", defaultValue = "5s", converter = Durations.class,
      description = "(a) how long each service stays down (${DEFAULT-VALUE})")
  Duration outage;

  @Option(names = "--converge-limit", defaultValue = "10m", converter = Durations.class,
      description = "(a) how long to wait for the index to catch up (${DEFAULT-VALUE})")
  Duration convergeLimit;

  @Option(names = "--malformed", defaultValue = "1000", description = "(b) malformed messages (${DEFAULT-VALUE})")
  int malformed;

  @Option(names = "--hostile", defaultValue = "10000", description = "(c) hostile API requests (${DEFAULT-VALUE})")
  int hostile;

  @Option(names = "--probes", defaultValue = "100000", description = "(d) privacy probes (${DEFAULT-VALUE})")
  int probes;

  @Option(names = "--viewers", defaultValue = "200", description = "(d) viewers whose matches are probed (${DEFAULT-VALUE})")
  int viewers;

  @Option(names = "--change-every", defaultValue = "20ms", converter = Durations.class,
      description = "(d) pause between two privacy changes (${DEFAULT-VALUE})")
  Duration changeEvery;

  @Option(names = "--threads", defaultValue = "4", description = "(c, d) client threads (${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--db-url", defaultValue = "jdbc:mariadb://127.0.0.1:3306/expat_chaos",
      description = "the world's database, replaced unless --reuse-world (${DEFAULT-VALUE})")
  String dbUrl;

  @Option(names = "--amqp-uri", defaultValue = "${env:AMQP_URI:-amqp://guest:guest@127.0.0.1:5672/}",
      description = "RabbitMQ (${DEFAULT-VALUE})")
  URI amqpUri;

  @Option(names = "--names", defaultValue = "chaos",
      description = "suffix of this run's exchanges and queues, so it shares none (${DEFAULT-VALUE})")
  String suffix;

  @Option(names = "--solr-port", defaultValue = "18601", description = "${DEFAULT-VALUE}")
  int solrPort;

  @Option(names = "--http-port", defaultValue = "18602", description = "the query service's port (${DEFAULT-VALUE})")
  int httpPort;

  @Option(names = "--memcached-port", defaultValue = "18603", description = "${DEFAULT-VALUE}")
  int memcachedPort;

  @Option(names = "--solr-jar", defaultValue = "solr-config/target/solr-config.jar", description = "${DEFAULT-VALUE}")
  Path solrJar;

  @Option(names = "--work", defaultValue = "data/chaos",
      description = "Solr home and process logs (${DEFAULT-VALUE})")
  Path work;

  @Option(names = "--out", defaultValue = "data/chaos/out", description = "result.json goes here (${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintStream console = System.out;
    Files.createDirectories(out);
    Stack.Names names = Stack.Names.suffixed(suffix);
    Stack.Settings settings = new Stack.Settings(work.toAbsolutePath(), solrJar.toAbsolutePath(),
        System.getProperty("java.class.path"), solrPort, httpPort, memcachedPort, dbUrl, amqpUri, names);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("command", BenchMain.commandLineText());
    result.put("started", Instant.now().toString());
    result.put("world", Map.of("members", members, "events", events, "seed", seed, "reused", reuseWorld));
    result.put("loadAverageAtStart", loadAverage());
    boolean clean = true;
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(amqpUri);
    if (amqpUri.getRawPath() == null || amqpUri.getRawPath().isEmpty() || amqpUri.getRawPath().equals("/")) {
      factory.setVirtualHost("/");
    }
    DbSettings db = new DbSettings(dbUrl, System.getenv().getOrDefault("DB_USER", "root"),
        System.getenv().getOrDefault("DB_PASSWORD", ""), writers + 2);
    try (Stack stack = new Stack(settings)) {
      if (!reuseWorld) {
        console.printf("generating %d members and %d events into %s%n", members, events, dbUrl);
        stack.generate(members, events, seed);
      }
      stack.startSolr();
      if (!reuseWorld || indexedMembers(stack) == 0) {
        console.println("reindexing into the stack's Solr");
        stack.reindex();
      }
      stack.startMemcached();
      stack.startIndexer();
      stack.startQuery();
      console.printf("stack up: Solr %s, query service %s, memcached :%d, indexer and query service through proxies%n",
          stack.solrUrl(), stack.queryUri(), memcachedPort);
      try (HikariDataSource website = DbOptions.writablePool(db, "chaos-website");
          com.rabbitmq.client.Connection amqp = factory.newConnection("bench-chaos");
          SolrClient solr = SolrClients.create(SolrSettings.at(URI.create(stack.solrUrl())))) {
        IndexedVersions indexed = new IndexedVersions(solr, "members");
        ChangesUnderFaults faults = new ChangesUnderFaults(stack, website, amqp, indexed, console);
        List<Long> changeable = faults.changeableMembers(Math.max(viewers * 20, 10_000));
        if (changes > 0) {
          Map<String, Object> a = faults.run(changes, writers, rate, outage.toMillis(), convergeLimit.toMillis(), changeable);
          Stack.Finished verify = stack.indexerCommand("verify", "verify", "all");
          boolean verifyBuilt = !verify.output().contains("Unmatched argument");
          a.put("verify", verifyBuilt ? Map.of("exit", verify.exit(), "output", lastLines(verify.output(), 16))
              : Map.of("exit", "not in this build"));
          console.printf("(a) verify all: %s%n%s%n", verifyBuilt ? "exit " + verify.exit() : "not in this build",
              verifyBuilt ? lastLines(verify.output(), 16) : "");
          clean &= ((Number) a.get("rowsBehindAtEnd")).longValue() == 0 && (!verifyBuilt || verify.exit() == 0);
          result.put("a_changesUnderFaults", a);
        }
        if (malformed > 0) {
          Map<String, Object> b = new MalformedMessages(stack, website, amqp, indexed, console)
              .run(malformed, changeable, seed, convergeLimit.toMillis());
          clean &= ((Number) b.get("deadLetteredWithReason")).longValue() == malformed
              && ((Number) b.get("deadLettered")).longValue() == malformed
              && ((Number) b.get("goodRowsNotApplied")).longValue() == 0;
          result.put("b_malformedMessages", b);
        }
        if (hostile > 0) {
          HostileRequests requests = new HostileRequests(stack.queryUri(), console);
          requests.warmUp();
          Map<String, Object> c = requests.run(hostile, threads, seed);
          clean &= ((Number) c.get("serverErrors")).longValue() == 0
              && ((Number) c.get("syntaxInterpreted")).longValue() == 0;
          result.put("c_hostileRequests", c);
        }
        if (probes > 0) {
          Map<String, Object> d = new PrivacyProbes(stack.queryUri(), website, amqp, names, console)
              .run(probes, threads, viewers, changeable, changeEvery.toMillis(), seed);
          clean &= ((Number) d.get("leaks")).longValue() == 0;
          result.put("d_privacyProbes", d);
        }
      }
    }
    // Once the stack is down: an indexer still running would retry its batch in hand against the
    // deleted invalidation exchange for the whole of its 30 s stop.
    try (com.rabbitmq.client.Connection amqp = factory.newConnection("bench-chaos-cleanup")) {
      deleteNames(amqp, names);
    }
    result.put("loadAverageAtEnd", loadAverage());
    result.put("finished", Instant.now().toString());
    result.put("clean", clean);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("result.json").toFile(), result);
    console.printf("%s; figures in %s%n", clean ? "every figure as the contract wants" : "SOME FIGURES ARE NOT",
        out.resolve("result.json"));
    return clean ? 0 : 1;
  }

  private static long indexedMembers(Stack stack) {
    try (SolrClient solr = SolrClients.create(SolrSettings.at(URI.create(stack.solrUrl())))) {
      return solr.query("members", new org.apache.solr.client.solrj.SolrQuery("*:*").setRows(0)).getResults().getNumFound();
    } catch (Exception e) {
      return 0;
    }
  }

  private static void deleteNames(com.rabbitmq.client.Connection amqp, Stack.Names names) {
    try (Channel channel = amqp.createChannel()) {
      channel.queueDelete(names.queue());
      channel.queueDelete(names.deadQueue());
      channel.exchangeDelete(names.exchange());
      channel.exchangeDelete(names.deadLetterExchange());
      channel.exchangeDelete(names.invalidations());
    } catch (Exception e) {
      // best effort: the names are this run's own
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String lastLines(String text, int count) {
    String[] lines = text.strip().split("\n");
    return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - count), lines.length));
  }
}
