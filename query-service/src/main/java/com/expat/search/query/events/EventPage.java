package com.expat.search.query.events;

import com.expat.search.query.members.FacetCount;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of events: {@code {"total","page","size","items"}}, plus {@code facets} when asked for.
 * Immutable, so that a cached page can be shared.
 */
public record EventPage(
    long total,
    int page,
    int size,
    List<EventItem> items,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<FacetCount>> facets) {

  public EventPage {
    items = List.copyOf(items);
    facets = facets == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(facets));
  }

  /** The ids of the events listed, for cache invalidation. */
  public List<Long> eventIds() {
    return items.stream().map(EventItem::id).toList();
  }
}
