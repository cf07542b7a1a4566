package com.expat.search.query.ranking;

import com.expat.search.common.config.ConfigException;
import com.expat.search.query.solr.IndexQueryException;
import com.expat.search.query.solr.SolrIndex;
import java.util.Locale;
import java.util.Optional;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether matches and member search rank inside Solr in one request (the configset's {@code
 * expat_matches} query parser and transformer, solr-config's jar with the ranking module; {@link
 * MembersInSolr}) or in two stages ({@link TwoStage}). In {@link Mode#AUTO} (the default, {@code RANK_IN_SOLR}) the service ranks in Solr
 * until Solr says it does not know the parser, then in two stages from that request on: a node
 * without the jar, or without {@code -Dexpat.nativePrerank=true}, answers the same, only at the
 * old cost. {@link Mode#OFF} keeps the two stages (to measure before against after in one run).
 * Thread-safe; one per service.
 */
public final class RankInSolr {
  private static final Logger LOG = LoggerFactory.getLogger(RankInSolr.class);
  /** The query parser and document transformer the configset registers. */
  public static final String PLUGIN = "expat_matches";

  /** {@code RANK_IN_SOLR}. */
  public enum Mode {
    /** In Solr while Solr has the plugin, else two stages. */
    AUTO,
    /** Two stages only. */
    OFF;

    /**
     * @throws ConfigException naming {@code variable} when {@code text} is neither
     */
    public static Mode parse(String variable, String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(variable + "='" + text + "' must be auto or off");
      }
    }
  }

  private final Mode mode;
  private final boolean cloud;
  private volatile boolean missing;

  /**
   * @param cloud whether Solr is a SolrCloud cluster ({@code SOLR_ZK_HOSTS}), whose collections may
   *     have several shards
   */
  public RankInSolr(Mode mode, boolean cloud) {
    this.mode = mode;
    this.cloud = cloud;
  }

  public RankInSolr(Mode mode) {
    this(mode, false);
  }

  /** Whether a request should now rank in Solr. */
  public boolean enabled() {
    return mode == Mode.AUTO && !missing;
  }

  /**
   * Whether a member search with query text should now rank in Solr: as {@link #enabled()}, but
   * not on SolrCloud, where each shard would read text relevance against its own best text score
   * and the merged order would not be one core's (solr-config README, "Several shards").
   */
  public boolean enabledWithText() {
    return enabled() && !cloud;
  }

  /**
   * Runs a request that ranks in Solr; empty when Solr lacks the plugin (remembered, and logged
   * once naming the jar and the configset), so the caller ranks in two stages instead.
   *
   * @throws IndexQueryException for any other failure
   */
  public Optional<QueryResponse> query(SolrIndex index, String core, ModifiableSolrParams params) {
    try {
      return Optional.of(index.query(core, params));
    } catch (IndexQueryException e) {
      String message = String.valueOf(e.getMessage());
      if (!message.contains("query parser '" + PLUGIN + "'") && !message.contains(PLUGIN + " is not registered")
          && !message.contains("Unknown DocTransformer: " + PLUGIN)) {
        throw e;
      }
      if (!missing) {
        missing = true;
        LOG.warn("Solr core {} lacks the {} query parser (solr-config's jar in Solr's lib and"
            + " -Dexpat.nativePrerank=true, configset expat): ranking matches and member search in two stages from"
            + " now on, at the old cost", core, PLUGIN);
      }
      return Optional.empty();
    }
  }
}
