package com.expat.search.query.suggest;

import java.util.List;

/** The answer of {@code GET /v1/suggest}: {@code {"items":[...]}}. Immutable. */
public record Suggestions(List<SuggestItem> items) {
  public Suggestions {
    items = List.copyOf(items);
  }

  /** Ids of the members suggested, for cache invalidation. */
  public List<Long> memberIds() {
    return items.stream().filter(item -> "member".equals(item.type())).map(SuggestItem::id).toList();
  }
}
