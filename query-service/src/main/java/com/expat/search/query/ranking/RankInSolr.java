package com.expat.search.query.ranking;

import com.expat.search.vocabulary.QueryParsers;
import com.expat.search.common.config.ConfigException;
import com.expat.search.query.members.MemberDocs;
import com.expat.search.query.solr.IndexQueryException;
import com.expat.search.query.solr.IndexUnavailableException;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.solr.RankParams;
import java.util.List;
import java.util.Optional;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members rank inside Solr, through the configset's {@code expat_matches} query parser and
 * transformer (solr-config's jar, which carries the ranking module; {@link MembersInSolr}). There
 * is no second path: a Solr without the plugin cannot rank members. {@link #requirePlugin} asks at
 * start, and the service refuses to start with a message naming the jar and the configset; a Solr
 * that did not answer then is asked with the first ranked request, and while it lacks the plugin
 * every ranked member request is a 503 whose cause, the same message, is logged. Events rank the
 * same way ({@link #EVENTS_PLUGIN}). Static: nothing to hold.
 */
public final class RankInSolr {
  private static final Logger LOG = LoggerFactory.getLogger(RankInSolr.class);
  /** The query parser and document transformer the configset registers. */
  public static final String PLUGIN = QueryParsers.MATCHES;
  /** The events' query parser and document transformer ({@code events.EventsInSolr}), from the same jar. */
  public static final String EVENTS_PLUGIN = QueryParsers.EVENTS;
  /**
   * Every part of the plugin a ranked member request names: parsers and transformers. A Solr whose
   * solr-config jar predates one of them (the viewer's filters and the page's column fields came
   * later than {@link #PLUGIN}) is refused at start as a Solr without the plugin is.
   */
  static final List<String> MEMBER_PARTS = List.of(PLUGIN, QueryParsers.LANGUAGES, QueryParsers.VIEWER_TERMS,
      QueryParsers.NEAR, QueryParsers.COLUMN_FIELD);
  /** The configset that registers {@link #PLUGIN}. */
  public static final String CONFIGSET = "expat";

  private RankInSolr() {}

  /** What the operator reads when {@code core} lacks the plugin. */
  static String missing(String core) {
    return missing(core, PLUGIN, "members");
  }

  /**
   * What the operator reads when {@code core} lacks {@code plugin}, a part of the plugin with which {@code
   * what} rank.
   */
  public static String missing(String core, String plugin, String what) {
    return "Solr core " + core + " lacks " + plugin + ", a part of the plugin (query parsers and"
        + " transformers) with which " + what + " rank; an older solr-config jar lacks the later parts:"
        + " put solr-config's jar (solr-config/target/solr-config.jar, with the ranking module) in every Solr"
        + " node's lib, start the nodes with -Dexpat.nativePrerank=true and create the core from the configset "
        + CONFIGSET + " (solr-config README, \"Deploying to a real Solr 9\")";
  }

  /**
   * At start: asks {@code core} for a ranking of no rows ({@code probe}'s parameters) that names
   * every part of {@link #MEMBER_PARTS}, parsers and transformers. A Solr that does not answer now
   * is asked again by the first ranked request.
   *
   * @throws ConfigException naming the jar and the configset when Solr answers without the plugin
   */
  public static void requirePlugin(SolrIndex index, String core, RankParams probe) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "*:*");
    params.set("rows", 0);
    params.set("rq", "{!" + PLUGIN + " window=1 size=1}");
    // The page's fields as ranked requests name them: a jar whose [expat_field] predates the page's
    // texts (id, display_name, ...) rejects them here, at start, not at the first request.
    params.set("fl", MemberDocs.rankedFieldList() + ",[" + PLUGIN + "]");
    // Viewer 1 may or may not exist: the filters parse either way, and no row is asked for.
    params.add("fq", "{!" + QueryParsers.LANGUAGES + " cache=false f=languages v=en}");
    params.add("fq", "{!" + QueryParsers.VIEWER_TERMS + " cache=false f=id viewer=1 v=blocked_ids}");
    params.add("fq", "{!" + QueryParsers.NEAR + " cache=false viewer=1 d=1}");
    probe.params().forEach(params::set);
    try {
      index.query(core, params);
    } catch (IndexQueryException e) {
      Optional<String> part = missingPart(e);
      if (part.isPresent()) {
        throw new ConfigException(missing(core, part.get(), "members"));
      }
      throw e;
    } catch (IndexUnavailableException e) {
      LOG.warn("Solr core {} did not answer at start ({}); the first ranked request checks for the {} plugin", core,
          e.getMessage().lines().findFirst().orElse(""), PLUGIN);
    }
  }

  /**
   * Runs a request that ranks in Solr.
   *
   * @throws IndexUnavailableException (a 503, its message logged) when Solr lacks the plugin; the
   *     message names the jar and the configset
   * @throws IndexQueryException for any other rejected request
   */
  public static QueryResponse query(SolrIndex index, String core, ModifiableSolrParams params) {
    return query(index, core, params, PLUGIN);
  }

  /**
   * {@link #query(SolrIndex, String, ModifiableSolrParams)} with {@code plugin}'s parser and
   * transformer ({@link #PLUGIN} or {@link #EVENTS_PLUGIN}): a Solr without it is a 503 naming the
   * jar and the configset, never a silent change of path.
   */
  public static QueryResponse query(SolrIndex index, String core, ModifiableSolrParams params, String plugin) {
    try {
      return index.query(core, params);
    } catch (IndexQueryException e) {
      // Member requests also name the plugin's filters and column fields, which Solr may miss first.
      if (plugin.equals(PLUGIN) ? lacksPlugin(e) : lacksPlugin(e, plugin)) {
        throw new IndexUnavailableException(missing(core, plugin, plugin.equals(PLUGIN) ? "members" : "events"), e);
      }
      throw e;
    }
  }

  private static boolean lacksPlugin(IndexQueryException e) {
    return missingPart(e).isPresent();
  }

  /** The part of {@link #MEMBER_PARTS} Solr says it lacks, if it says so. */
  static Optional<String> missingPart(IndexQueryException e) {
    return MEMBER_PARTS.stream().filter(part -> lacksPlugin(e, part)).findFirst();
  }

  /** Whether Solr rejected a request because it lacks {@code plugin}'s parser or transformer. */
  public static boolean lacks(IndexQueryException e, String plugin) {
    return lacksPlugin(e, plugin);
  }

  private static boolean lacksPlugin(IndexQueryException e, String plugin) {
    String message = String.valueOf(e.getMessage());
    return message.contains("query parser '" + plugin + "'") || message.contains(plugin + " is not registered")
        || message.contains("Unknown DocTransformer: " + plugin)
        // an [expat_field] that does not know one of the page's fields names the ones it knows
        || plugin.equals(QueryParsers.COLUMN_FIELD) && message.contains("as the alias, as in city_id:[");
  }
}
