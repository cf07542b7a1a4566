package com.expat.search.query.members;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of members: {@code {"total","page","size","items"}}, plus {@code facets} (by facet name)
 * when asked for. Immutable, so that a cached page can be shared.
 */
public record MemberPage(
    long total,
    int page,
    int size,
    List<MemberItem> items,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, List<FacetCount>> facets) {

  public MemberPage {
    items = List.copyOf(items);
    facets = facets == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(facets));
  }
}
