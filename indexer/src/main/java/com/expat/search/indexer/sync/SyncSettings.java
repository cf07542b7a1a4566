package com.expat.search.indexer.sync;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import com.expat.search.common.solr.IndexNames;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The live sync's configuration, read once from the environment and checked at start.
 *
 * @param amqpUri {@code AMQP_URI}
 * @param batchSize {@code INDEXER_BATCH_SIZE}: most messages per batch (default 500)
 * @param linger {@code INDEXER_LINGER_MS}: how long a batch waits to fill (default 20 ms)
 * @param prefetch {@code INDEXER_PREFETCH}: unacknowledged messages in flight (default 2 batches)
 * @param httpPort {@code INDEXER_HTTP_PORT}: health and metrics (default 8081)
 * @param backoff {@code INDEXER_RETRY_BASE_MS} (100) and {@code INDEXER_RETRY_MAX_MS} (30000)
 * @param catalogRefresh {@code INDEXER_CATALOG_REFRESH_S}: catalog cache lifetime (default 300 s)
 * @param discovery {@code INDEXER_DISCOVERY_MS}: how often rebuild cores are looked for (5000 ms)
 * @param drain {@code INDEXER_DRAIN_S}: on SIGTERM, how long the batch in hand may take (30 s)
 * @param membersCore {@code EXPAT_MEMBERS_CORE} (default {@code members})
 * @param eventsCore {@code EXPAT_EVENTS_CORE} (default {@code events})
 */
record SyncSettings(
    URI amqpUri,
    int batchSize,
    Duration linger,
    int prefetch,
    int httpPort,
    Backoff backoff,
    Duration catalogRefresh,
    Duration discovery,
    Duration drain,
    String membersCore,
    String eventsCore) {
  static final int DEFAULT_BATCH_SIZE = 500;
  static final String DEFAULT_AMQP_URI = "amqp://guest:guest@127.0.0.1:5672/";

  public SyncSettings {
    Objects.requireNonNull(amqpUri, "amqpUri");
    if (prefetch < batchSize) {
      throw new ConfigException("INDEXER_PREFETCH=" + prefetch + " must be at least INDEXER_BATCH_SIZE=" + batchSize);
    }
    Objects.requireNonNull(membersCore, "membersCore");
    Objects.requireNonNull(eventsCore, "eventsCore");
  }

  static SyncSettings from(Env env) {
    int batchSize = env.integer("INDEXER_BATCH_SIZE", DEFAULT_BATCH_SIZE, 1, 10_000);
    IndexNames cores = IndexNames.from(env);
    return new SyncSettings(
        env.uri("AMQP_URI", "amqp", "amqps").orElse(URI.create(DEFAULT_AMQP_URI)),
        batchSize,
        Duration.ofMillis(env.integer("INDEXER_LINGER_MS", 20, 0, 10_000)),
        env.integer("INDEXER_PREFETCH", 2 * batchSize, 1, 65_535),
        env.integer("INDEXER_HTTP_PORT", 8081, 0, 65_535),
        new Backoff(
            Duration.ofMillis(env.integer("INDEXER_RETRY_BASE_MS", 100, 1, 60_000)),
            Duration.ofMillis(env.integer("INDEXER_RETRY_MAX_MS", 30_000, 1, 600_000))),
        Duration.ofSeconds(env.integer("INDEXER_CATALOG_REFRESH_S", 300, 1, 86_400)),
        Duration.ofMillis(env.integer("INDEXER_DISCOVERY_MS", 5_000, 100, 600_000)),
        Duration.ofSeconds(env.integer("INDEXER_DRAIN_S", 30, 0, 3_600)),
        cores.members(),
        cores.events());
  }
}
