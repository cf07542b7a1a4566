package com.expat.search.solr.index;

import org.apache.solr.common.SolrException;
import org.apache.solr.core.SolrCore;
import org.apache.solr.handler.RequestHandlerBase;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.response.SolrQueryResponse;
import org.apache.solr.security.AuthorizationContext;
import org.apache.solr.update.CommitTracker;
import org.apache.solr.update.DirectUpdateHandler2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /expat/soft-commits}: pauses and resumes the core's automatic soft commits while it runs,
 * without a core property. A rebuild pauses them on its build core (no new searcher every
 * {@code autoSoftCommit} interval while it loads in bulk) and resumes them before the core goes
 * live, so the live core soft-commits as configured ({@code ${expat.softCommitMs:500}}). The
 * pause lives in memory only: a restart or a reload brings the configured interval back, never
 * a core stuck without soft commits (what the core property {@code expat.softCommitMs=-1} did to
 * every core a rebuild switched in).
 *
 * <p>{@code action=pause}, {@code action=resume}, or {@code action=status} (the default); every
 * answer says {@code configured_ms} (solrconfig.xml's value for this core, -1 for none) and
 * {@code current_ms} (in force now). One core, one replica: on SolrCloud, ask each replica's core.
 */
public final class SoftCommitsHandler extends RequestHandlerBase {
  private static final Logger LOG = LoggerFactory.getLogger(SoftCommitsHandler.class);

  @Override
  public void handleRequestBody(SolrQueryRequest req, SolrQueryResponse rsp) {
    SolrCore core = req.getCore();
    if (!(core.getUpdateHandler() instanceof DirectUpdateHandler2 updates)) {
      throw new SolrException(SolrException.ErrorCode.SERVER_ERROR,
          "core " + core.getName() + " has no DirectUpdateHandler2, so no soft commit tracker to pause or resume");
    }
    CommitTracker tracker = updates.getSoftCommitTracker();
    int configured = core.getSolrConfig().getUpdateHandlerInfo().autoSoftCommmitMaxTime;
    String action = req.getParams().get("action", "status");
    switch (action) {
      case "pause" -> set(core, tracker, -1, "paused");
      case "resume" -> set(core, tracker, configured, "resumed at the configured " + configured + " ms");
      case "status" -> { }
      default -> throw new SolrException(SolrException.ErrorCode.BAD_REQUEST,
          "action=" + action + ": expected pause, resume or status");
    }
    rsp.add("configured_ms", configured);
    rsp.add("current_ms", tracker.getTimeUpperBound());
  }

  private static void set(SolrCore core, CommitTracker tracker, long millis, String what) {
    // Under the tracker's own lock, which its scheduling of a commit takes.
    synchronized (tracker) {
      tracker.setTimeUpperBound(millis);
    }
    LOG.info("{}: automatic soft commits {}", core.getName(), what);
  }

  @Override
  public String getDescription() {
    return "pauses and resumes the core's automatic soft commits in memory (a rebuild's bulk load)";
  }

  @Override
  public Name getPermissionName(AuthorizationContext request) {
    return Name.CORE_EDIT_PERM;
  }
}
