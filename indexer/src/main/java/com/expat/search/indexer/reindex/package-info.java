/**
 * The nightly rebuild: {@code bin/expat-search reindex [members|events|all]}.
 *
 * <h2>Switching without a gap</h2>
 * Each core is rebuilt into a new core {@code <live>__build_<stamp>} (CoreAdmin CREATE, configset
 * {@code expat}; its automatic soft commits paused in memory through solr-config's {@code
 * /expat/soft-commits}: no searcher churn while loading, one commit at the end; resumed before the
 * switch, so the core that goes live soft-commits as configured, and no core property keeps them
 * off after it), then switched with CoreAdmin SWAP, which exchanges the two names in one
 * step: a search addressed to {@code members} hits the old index or the new one, never none and
 * never a half-built one. The replaced index is renamed {@code <live>__prev_<stamp>} and kept for
 * rollback (swap it back); older previous cores are dropped. A rebuild that fails, or whose new
 * core holds fewer than {@code REINDEX_MIN_RATIO} (0.9) of the live core's documents, drops its
 * build core, leaves the live core as it was, and the command exits non-zero ({@code --force} or
 * {@code --min-ratio} override the check).
 *
 * <h2>On SolrCloud</h2>
 * With {@code SOLR_ZK_HOSTS} set (no {@code SOLR_URL} needed), the same steps run on
 * collections and aliases ({@code IndexAdmin.forSolr} picks the Collections API implementation):
 * <ul>
 *   <li>the live names {@code members}, {@code events}, {@code catalog} must be aliases of one
 *       collection each (the local launcher's {@code --cloud} makes {@code <name>_v1});
 *   <li>the build is a collection {@code <alias>__build_<stamp>} from configset {@code expat},
 *       with the shards and the replicas per shard (by type) of the collection the alias points at,
 *       its soft commits paused and resumed on every replica's core as above; CREATE waits until
 *       every replica is active;
 *   <li>the switch is CREATEALIAS moving the alias to the build collection, one ZooKeeper write:
 *       a search of the alias gets the old collection or the new one. The build collection keeps
 *       its {@code __build_} name; once behind the alias it is no longer listed as a build, so
 *       live indexers stop writing to it twice;
 *   <li>a collection cannot be renamed, so the replaced collection is kept as it is and the alias
 *       {@code <alias>__prev_<stamp>} is pointed at it. Rollback: {@code CREATEALIAS
 *       name=<alias> collections=<the collection behind <alias>__prev_<stamp>>}. The next rebuild
 *       deletes the older {@code __prev_} alias and the collection behind it (unless another alias
 *       still points there). Keeping the replaced collection also covers the moment in which
 *       nodes that have not yet seen the moved alias still route to it;
 *   <li>a refused or failed rebuild deletes its build collection, which no alias points at; the
 *       alias is untouched.
 * </ul>
 * Live indexers discover build collections exactly as they discover build cores
 * ({@code sync.IndexTargets} lists the index names every {@code INDEXER_DISCOVERY_MS}): on
 * SolrCloud the list holds every alias and every collection no alias points at (LISTALIASES and
 * LIST), so a build collection is in it from its creation until its switch.
 *
 * <h2>Changes during the rebuild</h2>
 * Three mechanisms, each covering the others' gaps:
 * <ol>
 *   <li><b>Dual writes.</b> Live indexers look for build cores every {@code INDEXER_DISCOVERY_MS}
 *       and write every batch to them too. The rebuild waits {@code REINDEX_DISCOVERY_WAIT_MS}
 *       (more than two discovery intervals) after creating the build core before reading
 *       MariaDB, so any change committed after the bulk read of its row reaches the build core
 *       through the live indexer.
 *   <li><b>Versions.</b> Bulk and live writes carry row versions; Solr keeps the highest, so a
 *       bulk read older than a live write never overwrites it, and a live tombstone of a
 *       hard-deleted row (version {@code Long.MAX_VALUE}) blocks the bulk's stale copy.
 *   <li><b>Catch-up.</b> After the bulk load, rows with {@code updated_at} at or after the start
 *       (minus {@code REINDEX_CATCHUP_MARGIN_S} for clock skew) are read and written again; this
 *       covers changes made while no live indexer was running (their messages then wait in the
 *       queue and also reach the switched core later).
 * </ol>
 *
 * <h2>Memory and speed</h2>
 * The bulk load and the catch-up page ids by keyset ({@code id > last ORDER BY id LIMIT n}), the
 * database's fastest order; the build core is sorted by city in Solr (core property
 * {@code expat.indexSort}), so that the candidates of one city are one stretch of the index
 * whatever order the pages arrive in. Each page is read with the live sync's set-based queries by
 * one of {@code REINDEX_THREADS} readers. The bulk load then gathers the pages into runs of
 * {@code REINDEX_RUN_ROWS} rows, sorts each run by city in memory and sends it from one thread, a
 * page per update, ending it with a flush ({@code SortedRuns}):
 * the segments Solr flushes then arrive in the index sort's order and Lucene writes them without
 * sorting them, which was a third of Solr's work (docs/benchmarks.md). The catch-up's pages are
 * written by their readers, in parallel, as they come. Memory does not grow with the table: two
 * runs (about 145 MB each at 50,000 members) and {@code 2 x REINDEX_THREADS} pages; no temporary
 * files.
 *
 * <p>The version constraint stays on the build core for the bulk load too, although it costs Solr
 * a look-up per document: a row is sent up to two runs after it was read, and a live write of the
 * same row may have reached the build core meanwhile. The catch-up would repair an overwritten
 * row that still exists, but not one deleted meanwhile, whose live tombstone (version
 * {@code Long.MAX_VALUE}) is then the only trace.
 * Progress lines (rows, rows/s, ETA) every {@code REINDEX_PROGRESS_S}.
 */
package com.expat.search.indexer.reindex;
