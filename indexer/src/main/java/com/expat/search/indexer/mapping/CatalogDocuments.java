package com.expat.search.indexer.mapping;

import static com.expat.search.indexer.mapping.MemberDocuments.setIfPresent;
import static com.expat.search.vocabulary.CatalogFields.*;

import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Interest;
import com.expat.search.indexer.world.LocalNames;
import com.expat.search.indexer.world.LocalNames.LocalName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.solr.common.SolrInputDocument;

/**
 * Cities and interests to catalog documents, for type-ahead and facet labels. The catalog is
 * rebuilt whole, so its documents carry the version of the build that wrote them. Besides the
 * table's one name, a document carries the names people use in other languages ({@link
 * LocalNames}, shipped with the indexer, keyed by GeoNames id and slug): all of them in {@code
 * alt_names} (found by type-ahead and the name parameters), and the ones to show per language in
 * {@code labels}.
 */
public final class CatalogDocuments {
  private CatalogDocuments() {}

  public static String cityId(long cityId) {
    return "city:" + cityId;
  }

  public static String interestId(String slug) {
    return "interest:" + slug;
  }

  public static SolrInputDocument city(City city, long buildVersion) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(ID, cityId(city.id()));
    doc.setField(VERSION, buildVersion);
    doc.setField(TYPE, "city");
    doc.setField(ENTITY_ID, city.id());
    setIfPresent(doc, NAME, Values.text(city.name()));
    setIfPresent(doc, COUNTRY_CODE, Values.upperCode(city.countryCode()));
    setIfPresent(doc, LOCATION, Values.point(city.latitude(), city.longitude()));
    doc.setField(POPULARITY, Math.max(0, city.population()));
    setNames(doc, city.name(), LocalNames.shipped().city(city.id()));
    return doc;
  }

  /**
   * @param members how many members have this interest, which ranks it in type-ahead
   */
  public static SolrInputDocument interest(Interest interest, int members, long buildVersion) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(ID, interestId(interest.slug()));
    doc.setField(VERSION, buildVersion);
    doc.setField(TYPE, "interest");
    doc.setField(ENTITY_ID, (long) interest.id());
    setIfPresent(doc, NAME, Values.text(interest.name()));
    doc.setField(SLUG, interest.slug());
    setIfPresent(doc, CATEGORY, Values.text(interest.category()));
    doc.setField(POPULARITY, Math.max(0, members));
    setNames(doc, interest.name(), LocalNames.shipped().interest(interest.slug()));
    return doc;
  }

  private static void setNames(SolrInputDocument doc, String name, List<LocalName> names) {
    Set<String> others = new LinkedHashSet<>();
    List<String> labels = new ArrayList<>();
    for (LocalName local : names) {
      String text = Values.text(local.name());
      if (text == null) {
        continue;
      }
      if (!text.equals(name)) {
        others.add(text);
      }
      if (local.label()) {
        labels.add(local.language() + ":" + text);
      }
    }
    if (!others.isEmpty()) {
      doc.setField(ALT_NAMES, List.copyOf(others));
    }
    if (!labels.isEmpty()) {
      doc.setField(LABELS, labels);
    }
  }
}
