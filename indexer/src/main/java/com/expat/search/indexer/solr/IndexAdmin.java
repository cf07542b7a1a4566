package com.expat.search.indexer.solr;

import com.expat.search.common.solr.SolrSettings;
import java.util.List;
import org.apache.solr.client.solrj.SolrClient;

/**
 * The indexes behind the live names, for the nightly rebuild: create an index to load in bulk,
 * then switch a live name to it atomically, and keep the replaced index for rollback. Two
 * implementations, chosen by {@link #forSolr}:
 * <ul>
 *   <li>a standalone (or bundled local) node: every index is a core, switched by CoreAdmin SWAP
 *       and kept by RENAME;
 *   <li>SolrCloud: every index is a collection and every live name an alias, switched by moving
 *       the alias (CREATEALIAS); a collection cannot be renamed, so "renaming" it points a new
 *       alias at it, and the collection is known by that alias from then on.
 * </ul>
 * In both, {@link #cores()} lists the names an index is known by, so the same naming rules
 * ({@link CoreNames}) find build and previous indexes. Implementations are thread-safe; every
 * method either completes or throws {@link IndexAdminException}.
 */
public interface IndexAdmin {

  /**
   * The implementation for the Solr in {@code settings}: SolrCloud when {@code SOLR_ZK_HOSTS} is
   * set ({@code client} then talks to any node of the cluster), a standalone node otherwise.
   */
  static IndexAdmin forSolr(SolrSettings settings, SolrClient client) {
    return settings.zkHosts().isPresent() ? new SolrCloudIndexAdmin(client) : new SolrIndexAdmin(client);
  }

  /**
   * Creates {@code name} from configset {@code expat}, with the configured soft commits (pause
   * them with {@link #pauseSoftCommits} for a bulk load) and sorted by {@link BulkSort#INDEX_SORT} (core property {@code expat.indexSort}): by city, so that a
   * city's documents are neighbours in the index whatever order the load wrote them in
   * (docs/benchmarks.md, "Place locality in the index"). Documents without a city (tombstones, the
   * catalog) sort together.
   * On SolrCloud the collection gets the shards and replicas of the live collection it is built
   * for (the alias {@code name} is a build of, see {@link CoreNames}), or one shard of one replica
   * when there is none.
   */
  void createBulkCore(String name);

  /**
   * Pauses the automatic soft commits of {@code name} in memory (solr-config's {@code
   * /expat/soft-commits} on each of its cores), so that a bulk load opens no searcher every
   * interval and commits once at the end. Nothing is persisted: a restart or a reload brings the
   * configured interval back.
   *
   * @return false when Solr has no such handler (a node without solr-config's plugin): soft commits
   *     then stay as configured, which costs the load searchers but loses nothing
   */
  boolean pauseSoftCommits(String name);

  /**
   * Brings back the configured automatic soft commits of {@code name} (after {@link
   * #pauseSoftCommits}), before it goes live, so the live index soft-commits as solrconfig.xml says.
   *
   * @return false when Solr has no such handler (then nothing was paused either)
   */
  boolean resumeSoftCommits(String name);

  /**
   * The names the indexes are known by: on a standalone node every core; on SolrCloud every
   * alias, and every collection that no alias points at (a collection behind an alias is known
   * by the alias). A build index is listed until it is switched live.
   */
  List<String> cores();

  /**
   * True when an index answers to {@code name}. Standalone: asks the core itself, because after
   * a SWAP, Solr 9's core listing can go on showing the pre-swap names until the node restarts.
   */
  boolean exists(String name);

  /**
   * Makes {@code live} answer with the index built as {@code build}, in one step: a search
   * addressed to {@code live} sees the old index or the new one, never none and never a
   * half-built one. Standalone: CoreAdmin SWAP, after which {@code build} names the replaced
   * index. SolrCloud: CREATEALIAS moves the alias {@code live} (which must exist and point at one
   * collection) to the collection {@code build}; the replaced collection keeps its name.
   *
   * @return the name the replaced index answers to now
   */
  String switchTo(String live, String build);

  /**
   * Makes {@code live} answer with the index known as {@code previous} again, in one step (as
   * {@link #switchTo}), and keeps the index it replaces as {@code keepReplacedAs}; {@code previous}
   * is no longer a name afterwards. Standalone: SWAP {@code live} and {@code previous}, then
   * RENAME {@code previous} (now the replaced core) to {@code keepReplacedAs}. SolrCloud: the
   * alias {@code live} is moved to the collection behind the alias {@code previous}, the alias
   * {@code keepReplacedAs} pointed at the collection {@code live} had, and {@code previous}
   * deleted.
   */
  void restore(String live, String previous, String keepReplacedAs);

  /**
   * Makes the index known as {@code name} answer to {@code newName} instead. Standalone: CoreAdmin
   * RENAME. SolrCloud: the alias {@code newName} is pointed at the collection {@code name} (or, for
   * an alias {@code name}, at its collections, and {@code name} is deleted).
   */
  void rename(String name, String newName);

  /**
   * Deletes an index and its files. Standalone: unloads the core. SolrCloud: deletes the
   * collection, or for an alias, the alias and every collection it pointed at that no other
   * alias points at.
   */
  void drop(String name);
}
