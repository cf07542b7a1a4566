package com.expat.search.query.members;

import static com.expat.search.vocabulary.MemberFields.*;

import com.expat.search.query.http.ProblemException;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.solr.IndexDocs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.solr.common.SolrDocument;

/**
 * Looks members up by id with real-time get, so a change the indexer has just written counts at
 * once. The members core holds exactly the active members: absent means unknown or inactive.
 */
public final class MemberDirectory {
  /** What filters need, and what the ranking model reads of a viewer. */
  private static final String[] FIELDS = fields();

  private final SolrIndex index;
  private final String core;

  public MemberDirectory(SolrIndex index, String core) {
    this.index = index;
    this.core = core;
  }

  /**
   * The member with this id.
   *
   * @param role how the request names the member, for the 404's detail ("viewer", "member")
   * @throws ProblemException 404 when no active member has this id
   */
  public KnownMember require(long id, String role) {
    return find(id).orElseThrow(
        () -> ProblemException.notFound(role + " " + id + " is not an active member"));
  }

  public Optional<KnownMember> find(long id) {
    return index.get(core, Long.toString(id), FIELDS).map(doc -> known(id, doc));
  }

  private static KnownMember known(long id, SolrDocument doc) {
    Long cityId = MemberDocs.longValue(doc.getFirstValue(CITY_ID));
    return new KnownMember(
        id,
        cityId == null ? OptionalLong.empty() : OptionalLong.of(cityId),
        GeoPoint.parse(doc.getFirstValue(LOCATION)),
        new HashSet<>(MemberDocs.strings(doc.getFieldValues(LANGUAGES))),
        MemberDocs.strings(doc.getFieldValues(INTERESTS)),
        MemberDocs.longs(doc.getFieldValues(CONTACT_IDS)),
        MemberDocs.longs(doc.getFieldValues(BLOCKED_IDS)),
        IndexDocs.member(doc));
  }

  private static String[] fields() {
    List<String> fields = new ArrayList<>(IndexDocs.MEMBER_FIELDS);
    fields.addAll(List.of(LANGUAGES, CONTACT_IDS, BLOCKED_IDS));
    return fields.toArray(String[]::new);
  }
}
