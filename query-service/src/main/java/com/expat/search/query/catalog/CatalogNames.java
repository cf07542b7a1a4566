package com.expat.search.query.catalog;

import com.expat.search.query.i18n.Folding;
import com.expat.search.vocabulary.CatalogFields;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.common.SolrDocument;

/**
 * Every name of every catalog entry, folded ({@link Folding#words}), to the entry it names: a city
 * name to the most populous city that has it (ties: the lower catalog id), an interest name or
 * synonym to its slug, in any language. Built from one reading of the catalog core, so that
 * recognising a city or an interest in a search text costs no request. Immutable; thread-safe.
 */
final class CatalogNames {
  private final Map<String, Entry> cities;
  private final Map<String, Entry> interests;

  /** The entry a folded name points at, and what decides between two entries with that name. */
  private record Entry(String id, long popularity, String value) {
    boolean beats(Entry other) {
      return popularity != other.popularity ? popularity > other.popularity : id.compareTo(other.id) < 0;
    }
  }

  private CatalogNames(Map<String, Entry> cities, Map<String, Entry> interests) {
    this.cities = cities;
    this.interests = interests;
  }

  /**
   * @param docs catalog documents with {@code id}, {@code type}, {@code entity_id}, {@code slug},
   *     {@code name}, {@code alt_names} and {@code popularity}
   */
  static CatalogNames of(Iterable<SolrDocument> docs) {
    Map<String, Entry> cities = new HashMap<>();
    Map<String, Entry> interests = new HashMap<>();
    for (SolrDocument doc : docs) {
      String type = String.valueOf(doc.getFirstValue(CatalogFields.TYPE));
      Map<String, Entry> names = "city".equals(type) ? cities : "interest".equals(type) ? interests : null;
      Object value = "city".equals(type) ? doc.getFirstValue(CatalogFields.ENTITY_ID) : doc.getFirstValue(CatalogFields.SLUG);
      if (names == null || value == null) {
        continue;
      }
      Entry entry = new Entry(String.valueOf(doc.getFirstValue(CatalogFields.ID)),
          doc.getFirstValue(CatalogFields.POPULARITY) instanceof Number n ? n.longValue() : Long.MIN_VALUE,
          value instanceof Number n ? Long.toString(n.longValue()) : value.toString());
      for (Object name : allNames(doc)) {
        String folded = String.join(" ", Folding.words(String.valueOf(name)));
        if (!folded.isEmpty()) {
          names.merge(folded, entry, (kept, offered) -> offered.beats(kept) ? offered : kept);
        }
      }
    }
    return new CatalogNames(Map.copyOf(cities), Map.copyOf(interests));
  }

  /** The fields {@link #of} reads. */
  static String fields() {
    return String.join(",", CatalogFields.ID, CatalogFields.TYPE, CatalogFields.ENTITY_ID, CatalogFields.SLUG,
        CatalogFields.NAME, CatalogFields.ALT_NAMES, CatalogFields.POPULARITY);
  }

  /** The most populous city one of whose names is {@code folded} (already folded words, space-joined). */
  Optional<Long> city(String folded) {
    return Optional.ofNullable(cities.get(folded)).map(entry -> Long.parseLong(entry.value()));
  }

  /** The slug of the interest one of whose names or synonyms is {@code folded}. */
  Optional<String> interest(String folded) {
    return Optional.ofNullable(interests.get(folded)).map(Entry::value);
  }

  private static List<Object> allNames(SolrDocument doc) {
    Collection<Object> others = doc.getFieldValues(CatalogFields.ALT_NAMES);
    List<Object> names = new java.util.ArrayList<>();
    if (doc.getFirstValue(CatalogFields.NAME) != null) {
      names.add(doc.getFirstValue(CatalogFields.NAME));
    }
    if (others != null) {
      names.addAll(others);
    }
    return names;
  }
}
