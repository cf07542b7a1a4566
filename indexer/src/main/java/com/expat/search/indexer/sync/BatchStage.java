package com.expat.search.indexer.sync;

import java.util.Locale;

/**
 * The steps of one batch, timed apart ({@code indexer_batch_stage_seconds{stage=...}}): where the
 * time between a change's arrival and its acknowledgement goes.
 */
enum BatchStage {
  /** Both invalidation notices (pending, then visible), each confirmed by the broker. */
  NOTICE,
  /** The rows from MariaDB and their mapping. */
  READ,
  /** The update requests, build cores and live. */
  WRITE,
  /** The soft commit: until a new searcher that sees the batch is registered (warmed). */
  COMMIT,
  /** The acknowledgements. */
  ACK;

  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
