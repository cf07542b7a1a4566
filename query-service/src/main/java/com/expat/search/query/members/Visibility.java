package com.expat.search.query.members;

import static com.expat.search.common.solr.MemberFields.*;

import java.util.Collection;
import java.util.stream.Collectors;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The privacy rules of contract section 4.1 as Solr filters, in one place: every query that
 * returns members to someone goes through {@link #onlySearchable} and, with a viewer, {@link
 * #hideFrom}. Deleted and deactivated members are not in the index at all.
 */
public final class Visibility {
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
    params.add("fq", "-" + ID + ":" + viewer.id() + " -" + BLOCKED_IDS + ":" + viewer.id());
    excludeIds(params, "hidden_blocked", viewer.blockedIds());
  }

  /** Excludes these member ids, passed by reference so a long list stays one parameter. */
  public static void excludeIds(ModifiableSolrParams params, String paramName, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    params.add("fq", "-{!terms f=" + ID + " v=$" + paramName + "}");
    params.set(paramName, ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
  }
}
