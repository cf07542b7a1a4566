package com.expat.search.query.search;

import com.expat.search.query.solr.QueryText;
import com.expat.search.vocabulary.MemberFields;
import java.util.Optional;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The free-text part of a member or event search. User text reaches Solr only as the value of
 * {@code qq}, escaped, read by edismax with no field access ({@code uf=-*}) and every word
 * required. When the whole text names an interest in any language ({@code wandern}, {@code
 * randonnée}, {@code 徒步}: {@link CatalogLookup#interestNamed}), items with that interest match
 * too, beside those whose text has the words; when it names a city ({@code München}, {@code
 * Wien}, {@code Москва}: {@link CatalogLookup#cityNamed}), items in that city do. Slug and id come
 * from the catalog and are passed by reference. Stateless.
 */
public final class TextQuery {
  private TextQuery() {}

  /** Members and events index their interests' slugs and their city's id in the same fields. */
  public static void set(ModifiableSolrParams params, String q, String queryFields, Optional<String> interest,
      Optional<Long> city) {
    params.set("qq", QueryText.escape(q));
    params.set("qf", queryFields);
    params.set("uf", "-*");
    params.set("mm", "100%");
    params.set("sow", true);
    if (interest.isEmpty() && city.isEmpty()) {
      params.set("q", "{!edismax v=$qq}");
      return;
    }
    StringBuilder query = new StringBuilder("{!bool should=$q_text");
    params.set("q_text", "{!edismax v=$qq}");
    if (interest.isPresent()) {
      query.append(" should=$q_interest");
      params.set("q_interest", "{!term f=" + MemberFields.INTERESTS + " v=$q_slug}");
      params.set("q_slug", interest.get());
    }
    if (city.isPresent()) {
      query.append(" should=$q_city");
      params.set("q_city", "{!term f=" + MemberFields.CITY_ID + " v=$q_city_id}");
      params.set("q_city_id", String.valueOf(city.get()));
    }
    params.set("q", query.append("}").toString());
  }
}
