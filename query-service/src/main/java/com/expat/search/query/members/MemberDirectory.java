package com.expat.search.query.members;

import static com.expat.search.vocabulary.MemberFields.*;

import com.expat.search.query.cache.Dependencies;
import com.expat.search.query.cache.Freshness;
import com.expat.search.query.http.ProblemException;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.ranking.solr.IndexDocs;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.solr.common.SolrDocument;

/**
 * Looks members up by id with real-time get, so a change the indexer has just written counts at
 * once. The members core holds exactly the active members: absent means unknown or inactive.
 *
 * <p>{@link #cached} keeps the members it found, so a viewer who asks again (the next page, their
 * events, a search) costs no Solr request. A kept member is used only while {@link Freshness}
 * says an answer computed from it may be served: the invalidation notices that drop cached answers
 * about a member (announced before the indexer writes, settled after) drop it too, and without
 * the feed it lives no longer than {@code ttl}. Privacy never rests on it alone: the filters also
 * test the candidates' own documents, which list blocks and contacts from both sides
 * ({@link Visibility}). Thread-safe.
 */
public final class MemberDirectory {
  /** What filters need, and what the ranking model reads of a viewer. */
  private static final String[] FIELDS = fields();

  private final SolrIndex index;
  private final String core;
  private final Freshness freshness;
  /** Found members with the time their read started; null when nothing is kept. */
  private final Cache<Long, Found> found;

  private record Found(KnownMember member, long readAt) {}

  /** A directory that reads every member from Solr each time. */
  public MemberDirectory(SolrIndex index, String core) {
    this(index, core, null, null);
  }

  private MemberDirectory(SolrIndex index, String core, Freshness freshness, Cache<Long, Found> found) {
    this.index = index;
    this.core = core;
    this.freshness = freshness;
    this.found = found;
  }

  /**
   * A directory that keeps up to {@code maxEntries} members for at most {@code ttl}, each only while
   * {@code freshness} confirms it; uncached when either is zero.
   */
  public static MemberDirectory cached(SolrIndex index, String core, Freshness freshness, Duration ttl,
      long maxEntries, Ticker ticker) {
    if (ttl.isZero() || maxEntries <= 0) {
      return new MemberDirectory(index, core);
    }
    return new MemberDirectory(index, core, freshness,
        Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).ticker(ticker).build());
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
    if (found == null) {
      return read(id);
    }
    Found kept = found.getIfPresent(id);
    if (kept != null && freshness.isFresh(kept.readAt(), Dependencies.members(List.of(id)))) {
      return Optional.of(kept.member());
    }
    // Stamped before the read: a change heard of while it runs makes the result stale at once.
    long readAt = freshness.now();
    Optional<KnownMember> member = read(id);
    member.ifPresentOrElse(known -> found.put(id, new Found(known, readAt)), () -> found.invalidate(id));
    return member;
  }

  private Optional<KnownMember> read(long id) {
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
