package com.expat.search.indexer.mapping;

import static com.expat.search.indexer.mapping.MemberDocuments.setIfPresent;
import static com.expat.search.vocabulary.CatalogFields.*;

import com.expat.search.indexer.world.City;
import com.expat.search.indexer.world.Interest;
import org.apache.solr.common.SolrInputDocument;

/**
 * Cities and interests to catalog documents, for type-ahead and facet labels. The catalog is
 * rebuilt whole, so its documents carry the version of the build that wrote them.
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
    return doc;
  }
}
