package com.expat.search.bench.chaos;

import com.expat.search.vocabulary.MemberFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;

/** What the live members core holds for rows the benchmark changed: their {@code doc_version}. */
final class IndexedVersions {
  private final SolrClient solr;
  private final String core;

  IndexedVersions(SolrClient solr, String core) {
    this.solr = solr;
    this.core = core;
  }

  /** Changed rows whose document is missing or older than the last version published. */
  List<Long> behind(Map<Long, Long> lastVersion) {
    List<Long> behind = new ArrayList<>();
    List<Long> ids = new ArrayList<>(lastVersion.keySet());
    ids.sort(null);
    for (int from = 0; from < ids.size(); from += 500) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      Map<Long, Long> indexed;
      try {
        indexed = query(chunk);
      } catch (Exception e) {
        return ids; // Solr not answering yet: nothing confirmed
      }
      for (Long id : chunk) {
        Long version = indexed.get(id);
        if (version == null || version < lastVersion.get(id)) {
          behind.add(id);
        }
      }
    }
    return behind;
  }

  /** The indexed {@code doc_version} of each of {@code ids} that has a document; empty when Solr fails. */
  Map<Long, Long> versions(List<Long> ids) {
    try {
      return ids.isEmpty() ? Map.of() : query(ids);
    } catch (Exception e) {
      return Map.of();
    }
  }

  private Map<Long, Long> query(List<Long> ids) throws Exception {
    SolrQuery query = new SolrQuery("{!terms f=" + MemberFields.ID + "}" + join(ids))
        .setFields(MemberFields.ID, MemberFields.VERSION).setRows(ids.size() * 2);
    Map<Long, Long> versions = new java.util.HashMap<>();
    for (SolrDocument doc : solr.query(core, query).getResults()) {
      versions.put(Long.parseLong(doc.getFirstValue(MemberFields.ID).toString()),
          ((Number) doc.getFirstValue(MemberFields.VERSION)).longValue());
    }
    return versions;
  }

  /** Documents among the changed rows beyond one per id (Solr's uniqueKey should make this 0). */
  long duplicates(Map<Long, Long> lastVersion) {
    List<Long> ids = new ArrayList<>(lastVersion.keySet());
    long extra = 0;
    try {
      for (int from = 0; from < ids.size(); from += 500) {
        List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
        SolrQuery query = new SolrQuery("{!terms f=" + MemberFields.ID + "}" + join(chunk))
            .setFields(MemberFields.ID).setRows(chunk.size() * 2);
        var found = solr.query(core, query).getResults();
        extra += found.getNumFound() - found.stream().map(doc -> doc.getFirstValue(MemberFields.ID)).distinct().count();
      }
    } catch (Exception e) {
      return -1;
    }
    return extra;
  }

  private static String join(List<Long> ids) {
    StringBuilder text = new StringBuilder();
    for (Long id : ids) {
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(id);
    }
    return text.toString();
  }
}
