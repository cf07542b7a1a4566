package com.expat.search.query.members;

import com.expat.search.query.http.ProblemException;
import com.expat.search.ranking.solr.RankParams;
import java.util.Optional;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.util.NamedList;

/**
 * Who reads the viewer of a ranked request (matches, member search, a member's events, event
 * search). On one Solr node ({@link #inSolr}) Solr does, inside the ranked request itself: the
 * service sends the viewer's id, the filters reference the viewer's values ({@link Visibility#hideFrom(org.apache.solr.common.params.ModifiableSolrParams, long)},
 * {@code MatchRules}) and the plugin reads the document by real-time get, with the freshness of
 * {@code /get} (solr-config's {@code RequestViewer}), one HTTP round trip and one get fewer. A
 * member's events request, and an event search's with a viewer, goes to the events core and names
 * the members core of the same node ({@code expat.viewer.core}), where Solr reads the member. On SolrCloud a shard cannot read a
 * viewer who lives on another shard (nor an events replica a member whose shard is elsewhere),
 * so the service reads the
 * viewer ({@link MemberDirectory}) and writes their values into the same rules, as before. Either
 * way the rules are the same, written once. Immutable.
 *
 * @param inSolr whether Solr reads the viewer (one node); false on SolrCloud
 */
public record Viewers(MemberDirectory directory, boolean inSolr) {
  /**
   * What Solr read of the viewer, from the response of a request that sent {@link
   * RankParams#VIEWER_ID}.
   *
   * @param role how the request names the member, for the 404's detail ("viewer", "member")
   * @throws ProblemException 404 when no active member has the id, as {@link MemberDirectory#require}
   * @return where the viewer lives, if they have a point
   */
  public static Optional<GeoPoint> requireRead(QueryResponse response, long id, String role) {
    Object section = response.getResponse().get(RankParams.VIEWER_READ);
    if (!(section instanceof NamedList<?> read)) {
      throw new IllegalStateException("Solr answered without " + RankParams.VIEWER_READ + " for viewer " + id);
    }
    if (!Boolean.TRUE.equals(read.get("found"))) {
      throw ProblemException.notFound(role + " " + id + " is not an active member");
    }
    return GeoPoint.parse(read.get("location"));
  }
}
