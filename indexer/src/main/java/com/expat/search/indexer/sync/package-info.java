/**
 * Live sync: {@code bin/expat-search index} consumes {@code expat.changes} and keeps Solr equal to
 * MariaDB.
 *
 * <h2>Flow</h2>
 * {@link com.expat.search.indexer.sync.AmqpChangeSource} consumes the durable queue with manual
 * acknowledgements and a prefetch of two batches, and checks every message on arrival
 * ({@code MessageParser}): a poison message (not JSON, unknown entity, id not a positive integer,
 * body over 64 kB, routing key and entity disagreeing) is copied with its properties plus
 * {@code x-error} to the dead-letter exchange, confirmed, then acknowledged, at once. Valid
 * changes are batched ({@code INDEXER_BATCH_SIZE}, {@code INDEXER_LINGER_MS}) and coalesced by row
 * ({@code Coalesced}); {@code BatchProcessor} reads the rows with a few set-based queries in one
 * snapshot, maps them with the shared mapping, writes each core in one update request, soft
 * commits, checks that searches show the batch (Solr answers success to a commit it ignores, as it
 * does while it replays its update log after a restart: docs/reliability.md), and {@code SyncLoop}
 * then publishes the invalidation notice (confirmed) and acknowledges; a batch searches do not show
 * is retried like any passing failure. A passing failure (Solr, MariaDB, RabbitMQ) retries the whole batch with
 * exponential backoff and jitter, forever: nothing is dead-lettered or acknowledged meanwhile,
 * and the prefetch limit stops deliveries, so nothing is lost. A row the mapping or Solr refuses
 * for what it holds (HTTP 400) is dead-lettered with the reason; the rest of the batch proceeds.
 * Every message is settled (acknowledged or dead-lettered) exactly once: a retry after part of a
 * batch was dead-lettered carries only the rest, since a second acknowledgement of one delivery
 * tag is a protocol error for which the broker closes the consumer's channel.
 *
 * <h2>Channels that die while the connection lives</h2>
 * amqp-client's automatic recovery reopens channels only after the connection failed. A channel
 * can also be closed alone: by the client when a publisher confirm times out or is nacked
 * ({@code waitForConfirmsOrDie}, e.g. during a memory alarm or on a full queue with
 * {@code reject-publish}), or by the broker on a channel error (an exchange deleted: 404; an
 * unknown delivery tag acknowledged; the delivery acknowledgement timeout). So:
 * <ul>
 *   <li>the invalidation-notice and dead-letter channels ({@code ConfirmingPublisher}) drop a
 *       channel whose publish failed and open a new one on the next publish; each failure counts
 *       in {@code indexer_publish_failures_total} and is logged, and readiness is off until a
 *       publish is confirmed again (a failed notice fails the batch, which is retried; a poison
 *       message not dead-lettered stays unacknowledged and is tried again about every second);
 *   <li>a consumer whose channel the broker closed, or that the broker cancelled (its queue
 *       deleted), is logged at error level, turns readiness off, and is re-established between
 *       batches on a new channel (the queue declared again if it is gone), counted in
 *       {@code indexer_consumer_restarts_total}. The broker requeued what the old channel held and
 *       redelivers it to the new consumer; deliveries from the old channel are neither
 *       acknowledged nor dead-lettered, as their tags mean nothing on the new one.
 * </ul>
 * {@code /health/ready} is therefore 200 only while the connection is open, a consumer is
 * registered, every poison message was dead-lettered, the last notice was confirmed and the batch
 * in hand (if any) is not failing.
 *
 * <h2>Order, duplicates, versions</h2>
 * A message only says "look again at this row"; the indexer always writes what MariaDB holds
 * when it reads, with the row's {@code version} as the document's external version
 * ({@code doc_version}). Solr's DocBasedVersionConstraintsProcessor keeps, per id, the highest
 * version it was ever given, tombstones included, and drops any write that is not newer. So the
 * order of messages does not matter: the last message of a row is processed after the last
 * change of that row was committed, its read sees that change, and nothing older can replace it.
 * Duplicates are re-reads of the same state and are dropped by version. A row turned inactive
 * (deactivated, deleted, unpublished) is written as a tombstone at the row's version; when it
 * comes back, its version is higher and wins.
 *
 * <p>Deletes travel as tombstone documents ({@code id}, {@code doc_version}, {@code tombstone=true})
 * in the same update request as the upserts. That is exactly the document the processor leaves
 * for a versioned delete, ordered the same way, but a whole batch stays one request instead of one
 * delete request per id (each delete would need its own {@code del_version} parameter).
 *
 * <h2>Hard deletes</h2>
 * A row gone from MariaDB has no version left to read. Any indexer may still hold a read of it
 * from before the delete (a batch in flight, a second instance, a slow retry) and write it later
 * with a version up to the row's last one, which we do not know; the message's version cannot be
 * trusted to be the last one either (messages are late and out of order). So a gone row is
 * written as a tombstone at {@code Long.MAX_VALUE} ({@code BatchProcessor.GONE_ROW_VERSION}): no
 * stale re-add can beat it, in any order, from any instance. The price: if the website ever
 * re-inserted a row under an id it had hard-deleted, that id would stay out of the live core until
 * the next nightly rebuild (a new core has no tombstones). Primary keys are not reused, so we
 * accept it; a soft delete ({@code status}) has no such limit.
 *
 * <h2>Two indexers racing</h2>
 * Both consume the same queue (competing consumers), so two messages of one row may be processed
 * at the same time by two instances reading at different moments. Each writes the version it read;
 * Solr keeps the higher; the instance that read later read the newer state. Snapshot reads
 * (REPEATABLE READ, parent row first) guarantee a document never pairs a version with related
 * rows of another version. Hard deletes are covered above. Acknowledgements are per message, after
 * Solr accepted and a soft commit made the batch visible, so a crash between write and ack only
 * causes a redelivery and an idempotent rewrite.
 *
 * <h2>During a nightly rebuild</h2>
 * {@code IndexTargets} lists the node's cores every {@code INDEXER_DISCOVERY_MS} and writes each
 * batch to the rebuild's {@code <live>__build_<stamp>} cores as well as the live one; versions
 * keep the bulk load from overwriting a newer live change and vice versa. Build cores are written
 * before the live core: a SWAP between the two writes then still leaves the batch in the core that
 * went live (live first, both writes could land in the old core). A build core that disappears
 * (switched, renamed, dropped) is forgotten. Solr 9's core listing can show pre-swap names until
 * the node restarts, so listings only find candidate build cores; whether a core exists is asked
 * of the core itself. See the reindex package.
 *
 * <h2>Invalidation notices</h2>
 * After each batch is visible to searches, a JSON notice on the fan-out exchange
 * {@code expat.search.invalidations} lists the member and event ids whose document was removed
 * or rewritten (docs/contract-additions.md), so the query service drops or filters cached answers.
 */
package com.expat.search.indexer.sync;
