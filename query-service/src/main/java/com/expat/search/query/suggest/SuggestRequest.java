package com.expat.search.query.suggest;

import com.expat.search.query.http.QueryParams;
import com.expat.search.query.solr.QueryText;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A validated, normalized {@code GET /v1/suggest}; the record is the cache key.
 *
 * @param q normalized text typed so far, never empty
 * @param types what to suggest (default all)
 * @param viewer whose blocks hide members
 * @param size at most this many items in all, 1..50 (default 10)
 * @param locale the language labels are in ({@link com.expat.search.query.http.DisplayLanguage})
 */
public record SuggestRequest(String q, Set<SuggestType> types, Optional<Long> viewer, int size, String locale) {
  public static final int MAX_QUERY_LENGTH = 100;

  public SuggestRequest {
    types = Set.copyOf(EnumSet.copyOf(types));
  }

  /**
   * @throws com.expat.search.query.http.ProblemException 400 naming every bad parameter
   */
  public static SuggestRequest parse(QueryParams params) {
    Optional<String> raw = params.text("q", MAX_QUERY_LENGTH);
    String q = QueryText.normalize(raw.orElse(""));
    if (q.isEmpty() && params.isValid()) {
      params.reject("q", "is required: the text typed so far");
    }
    EnumSet<SuggestType> types = EnumSet.noneOf(SuggestType.class);
    for (String value : params.codes("types", v -> v, java.util.regex.Pattern.compile("(?s).*"), "", 10)) {
      SuggestType.parse(value).ifPresentOrElse(types::add,
          () -> params.reject("types", "must be a comma list of city, interest, member"));
    }
    if (types.isEmpty()) {
      types = EnumSet.allOf(SuggestType.class);
    }
    OptionalLong viewer = params.id("viewer");
    int size = params.integer("size", 10, 1, 50);
    String locale = params.displayLanguage();
    params.throwIfInvalid();
    return new SuggestRequest(q, types,
        viewer.isPresent() ? Optional.of(viewer.getAsLong()) : Optional.empty(), size, locale);
  }

  @Override
  public String toString() {
    return "SuggestRequest[q=" + q.length() + " chars, types=" + types + ", viewer=" + viewer + ", size=" + size + ", locale=" + locale + "]";
  }
}
