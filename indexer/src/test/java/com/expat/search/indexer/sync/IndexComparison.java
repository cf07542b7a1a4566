package com.expat.search.indexer.sync;

import com.expat.search.indexer.mapping.EventDocuments;
import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.indexer.mapping.MemberDocuments;
import com.expat.search.indexer.source.RebuildSource;
import com.expat.search.indexer.source.Table;
import com.expat.search.indexer.source.RowSources;
import com.expat.search.indexer.world.Catalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/** The index against what MariaDB says it should hold, document for document. */
final class IndexComparison {
  static final List<String> MEMBER_FIELDS = List.of("id", "doc_version", "display_name", "searchable", "city_id",
      "city_name", "languages", "language_levels", "interests", "contact_ids", "blocked_ids", "occupation");
  static final List<String> EVENT_FIELDS = List.of("id", "doc_version", "title", "city_id", "attendee_count",
      "going_ids", "interested_ids", "interests", "language");

  private IndexComparison() {}

  /** Every difference, as readable lines; empty when the index equals the database. */
  static List<String> differences(DataSource db, SolrClient solr, String membersCore, String eventsCore)
      throws Exception {
    RebuildSource rows = RowSources.mariaDb(db);
    Catalog catalog = rows.catalog();
    Map<String, Map<String, Object>> expectedMembers = new TreeMap<>();
    List<Long> memberIds = all(rows, Table.MEMBERS);
    for (var profile : rows.members(memberIds).values()) {
      if (MemberDocuments.change(profile, catalog) instanceof IndexChange.Upsert upsert) {
        expectedMembers.put(upsert.id(), project(upsert.document(), MEMBER_FIELDS));
      }
    }
    Map<String, Map<String, Object>> expectedEvents = new TreeMap<>();
    for (var details : rows.events(all(rows, Table.EVENTS)).values()) {
      if (EventDocuments.change(details, catalog) instanceof IndexChange.Upsert upsert) {
        expectedEvents.put(upsert.id(), project(upsert.document(), EVENT_FIELDS));
      }
    }
    List<String> differences = new ArrayList<>();
    compare("member", expectedMembers, actual(solr, membersCore, MEMBER_FIELDS), differences);
    compare("event", expectedEvents, actual(solr, eventsCore, EVENT_FIELDS), differences);
    return differences;
  }

  private static List<Long> all(RebuildSource rows, Table table) {
    return rows.ids(table, 0, 1_000_000, null);
  }

  private static void compare(String what, Map<String, Map<String, Object>> expected,
      Map<String, Map<String, Object>> actual, List<String> out) {
    TreeSet<String> ids = new TreeSet<>(expected.keySet());
    ids.addAll(actual.keySet());
    for (String id : ids) {
      Map<String, Object> want = expected.get(id);
      Map<String, Object> got = actual.get(id);
      if (!java.util.Objects.equals(want, got)) {
        out.add(what + " " + id + ": database " + want + " index " + got);
      }
    }
  }

  private static Map<String, Map<String, Object>> actual(SolrClient solr, String core, List<String> fields)
      throws Exception {
    SolrQuery query = new SolrQuery("*:*").setRows(100_000).setFields(fields.toArray(String[]::new));
    Map<String, Map<String, Object>> docs = new TreeMap<>();
    for (SolrDocument doc : solr.query(core, query).getResults()) {
      Map<String, Object> projected = new TreeMap<>();
      for (String field : fields) {
        Collection<Object> values = doc.getFieldValues(field);
        if (values != null && !values.isEmpty()) {
          projected.put(field, normalize(values));
        }
      }
      docs.put((String) doc.getFirstValue("id"), projected);
    }
    return docs;
  }

  private static Map<String, Object> project(SolrInputDocument doc, List<String> fields) {
    Map<String, Object> projected = new TreeMap<>();
    for (String field : fields) {
      Collection<Object> values = doc.getFieldValues(field);
      if (values != null && !values.isEmpty()) {
        projected.put(field, normalize(values));
      }
    }
    return projected;
  }

  private static Object normalize(Collection<Object> values) {
    TreeSet<String> set = new TreeSet<>();
    values.forEach(value -> set.add(String.valueOf(value)));
    return set.size() == 1 ? set.first() : List.copyOf(set);
  }
}
