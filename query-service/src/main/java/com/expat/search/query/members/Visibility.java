package com.expat.search.query.members;

import static com.expat.search.vocabulary.MemberFields.*;

import com.expat.search.vocabulary.QueryParsers;
import java.util.Collection;
import java.util.stream.Collectors;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The privacy rules of contract section 4.1 as Solr filters, in one place: every query that
 * returns members to someone goes through {@link #onlySearchable} and, with a viewer, {@link
 * #hideFrom}. Deleted and deactivated members are not in the index at all.
 *
 * <p>Filters that name one viewer are {@link #NOT_CACHED}: no other request shares them, and in
 * Solr's filter cache each would be a bit set over the whole core (125 kB at 1M members), computed
 * by visiting every document and pushing out the shared filters (places, languages) that do repeat.
 * Uncached, Solr applies them while it walks the candidates the cached filters leave.
 *
 * <p>The viewer's own lists are written out when the service has read the viewer ({@link
 * KnownMember}), or referenced when Solr reads the viewer itself (a viewer id: {@link Viewers}).
 */
public final class Visibility {
  /** The local params that keep a per-viewer filter out of Solr's filter cache. */
  public static final String NOT_CACHED = "{!cache=false}";

  private Visibility() {}

  /** Only members who opted in to being found. */
  public static void onlySearchable(ModifiableSolrParams params) {
    params.add("fq", SEARCHABLE + ":true");
  }

  /**
   * Hides the viewer themself and everyone blocked either way: the viewer's own list of blocks
   * (both directions) and, so that the other side's document enforces it too even when the
   * viewer's is stale, every member whose list names the viewer.
   */
  public static void hideFrom(ModifiableSolrParams params, KnownMember viewer) {
    hideSelf(params, viewer);
    hideBlocked(params, viewer);
  }

  /** {@link #hideFrom(ModifiableSolrParams, KnownMember)} for a viewer Solr reads itself ({@link Viewers}). */
  public static void hideFrom(ModifiableSolrParams params, long viewerId) {
    hideSelf(params, viewerId);
    hideBlocked(params, viewerId);
  }

  /** Hides the viewer themself; part of {@link #hideFrom}, alone only to explain an absence. */
  public static void hideSelf(ModifiableSolrParams params, KnownMember viewer) {
    hideSelf(params, viewer.id());
  }

  /** Hides the viewer themself. */
  public static void hideSelf(ModifiableSolrParams params, long viewerId) {
    params.add("fq", NOT_CACHED + "-" + ID + ":" + viewerId);
  }

  /** {@link #hideBlocked(ModifiableSolrParams, KnownMember)} for a viewer Solr reads itself. */
  public static void hideBlocked(ModifiableSolrParams params, long viewerId) {
    params.add("fq", NOT_CACHED + "-" + BLOCKED_IDS + ":" + viewerId);
    excludeListed(params, viewerId, BLOCKED_IDS);
  }

  /**
   * Excludes the members whose ids are on the viewer's own list {@code listField} ({@code
   * blocked_ids}, {@code contact_ids}), the viewer read by Solr itself ({@link Viewers}).
   */
  public static void excludeListed(ModifiableSolrParams params, long viewerId, String listField) {
    params.add("fq", NOT_CACHED + "-{!" + QueryParsers.VIEWER_TERMS + " f=" + ID + " viewer=" + viewerId + " v="
        + listField + "}");
  }

  /** Hides everyone blocked either way; part of {@link #hideFrom}, alone only to explain an absence. */
  public static void hideBlocked(ModifiableSolrParams params, KnownMember viewer) {
    params.add("fq", NOT_CACHED + "-" + BLOCKED_IDS + ":" + viewer.id());
    excludeIds(params, "hidden_blocked", viewer.blockedIds());
  }

  /** Excludes these member ids, passed by reference so a long list stays one parameter. */
  public static void excludeIds(ModifiableSolrParams params, String paramName, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    params.add("fq", NOT_CACHED + "-{!terms f=" + ID + " v=$" + paramName + "}");
    params.set(paramName, ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
  }
}
