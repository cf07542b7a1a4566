package com.expat.search.query.ranking;

import com.expat.search.common.config.ConfigException;
import com.expat.search.query.solr.IndexQueryException;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.solr.SolrPrerank;
import com.expat.search.ranking.solr.SolrRanking;
import java.util.List;
import java.util.Locale;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which form of the pre-rank a window asks Solr for: the configset's native function ({@link
 * SolrPrerank#nativeFunction()}, one pass over the docValues, measured in docs/benchmarks.md) or
 * the same model as generic function queries, which every Solr 9 runs. In {@link Mode#AUTO} (the
 * default, {@code SOLR_PRERANK}) the service sends the native one until Solr says it does not know
 * it, then the generic one from that request on: a node without the plugin jar, or without {@code
 * -Dexpat.nativePrerank=true}, answers right, only slower. Thread-safe; one per service.
 */
public final class PrerankForm {
  private static final Logger LOG = LoggerFactory.getLogger(PrerankForm.class);
  private static final List<String> NATIVE_NAMES =
      List.of(SolrRanking.MEMBER_PRERANK_FUNCTION, SolrRanking.LANGUAGE_FIT_FUNCTION);

  /** {@code SOLR_PRERANK}. */
  public enum Mode {
    /** Native while Solr has it, else generic. */
    AUTO,
    /** Native only: a Solr without it fails the ranked requests (to measure, or to insist). */
    NATIVE,
    /** Generic functions only. */
    FUNCTION;

    /**
     * @throws ConfigException naming {@code variable} when {@code text} is none of the modes
     */
    public static Mode parse(String variable, String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(variable + "='" + text + "' must be auto, native or function");
      }
    }
  }

  private final Mode mode;
  private volatile boolean nativeMissing;

  public PrerankForm(Mode mode) {
    this.mode = mode;
  }

  /** Whether a window now asks for the native function (where the pre-rank has one). */
  public boolean sendsNative() {
    return mode == Mode.NATIVE || (mode == Mode.AUTO && !nativeMissing);
  }

  /**
   * Runs a window prepared by {@link TwoStage#prepare}. In {@link Mode#AUTO}, when Solr rejects the
   * native function as unknown, the same request is sent again with the generic one, and every
   * later window is sent that way.
   */
  public QueryResponse window(SolrIndex index, String core, ModifiableSolrParams params, SolrPrerank prerank) {
    try {
      return index.query(core, params);
    } catch (IndexQueryException e) {
      String rank = params.get(TwoStage.RANK_PARAM);
      boolean sentNative = rank != null && prerank.nativeFunction().filter(rank::equals).isPresent();
      if (mode != Mode.AUTO || !sentNative || !unknownFunction(e)) {
        throw e;
      }
      if (!nativeMissing) {
        nativeMissing = true;
        LOG.warn("Solr core {} lacks {} (solr-config's jar and -Dexpat.nativePrerank=true): ranking with the"
            + " generic functions from now on, which are slower and leave languages to the Java stage", core,
            String.join(" or ", NATIVE_NAMES));
      }
      params.set(TwoStage.RANK_PARAM, prerank.function());
      return index.query(core, params);
    }
  }

  private static boolean unknownFunction(IndexQueryException e) {
    String message = e.getMessage();
    return message != null && NATIVE_NAMES.stream().anyMatch(name -> message.contains("Unknown function " + name));
  }
}
