package com.expat.search.indexer.solr;

import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CursorMarkParams;

/**
 * {@link IndexVersions} over {@code /select} (which hides tombstones) with a cursor sorted by id:
 * a deep page costs what the first does, standalone or on SolrCloud, and updates between pages
 * neither repeat nor skip a document (the sort key, the id, never changes).
 */
public final class SolrIndexVersions implements IndexVersions {
  /** Documents per cursor page: ~100 requests for a million documents. */
  static final int PAGE = 10_000;

  private final SolrClient client;
  private final int page;

  public SolrIndexVersions(SolrClient client) {
    this(client, PAGE);
  }

  /** @param page documents per cursor page */
  public SolrIndexVersions(SolrClient client, int page) {
    this.client = client;
    this.page = page;
  }

  @Override
  public Iterator<DocVersion> scan(String core) {
    return new Iterator<>() {
      private final ArrayDeque<DocVersion> buffer = new ArrayDeque<>();
      private String cursor = CursorMarkParams.CURSOR_MARK_START;
      private boolean last;

      @Override
      public boolean hasNext() {
        while (buffer.isEmpty() && !last) {
          SolrQuery query = new SolrQuery("*:*").setRows(page)
              .setFields(MemberFields.ID, MemberFields.VERSION)
              .setSort(MemberFields.ID, SolrQuery.ORDER.asc);
          query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
          QueryResponse response = query(core, query, "a page of ids");
          response.getResults().forEach(doc -> buffer.add(version(doc)));
          String next = response.getNextCursorMark();
          last = next == null || next.equals(cursor);
          cursor = next;
        }
        return !buffer.isEmpty();
      }

      @Override
      public DocVersion next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return buffer.poll();
      }
    };
  }

  @Override
  public Map<String, Long> versions(String core, Collection<String> ids) {
    Map<String, Long> versions = new HashMap<>();
    if (ids.isEmpty()) {
      return versions;
    }
    SolrQuery query = new SolrQuery("*:*").setRows(ids.size())
        .setFields(MemberFields.ID, MemberFields.VERSION)
        .addFilterQuery("{!terms f=" + MemberFields.ID + " v=$ids}");
    query.set("ids", String.join(",", ids));
    for (SolrDocument doc : query(core, query, "a look-up of " + ids.size() + " ids").getResults()) {
      DocVersion version = version(doc);
      versions.put(version.id(), version.version());
    }
    return versions;
  }

  private static DocVersion version(SolrDocument doc) {
    Object version = doc.getFirstValue(MemberFields.VERSION);
    return new DocVersion((String) doc.getFirstValue(MemberFields.ID),
        version instanceof Number number ? number.longValue() : -1);
  }

  private QueryResponse query(String core, SolrQuery query, String what) {
    try {
      return client.query(core, query, org.apache.solr.client.solrj.SolrRequest.METHOD.POST);
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IndexWriteException("Solr did not answer " + what + " on " + core + ": " + e.getMessage(), e);
    }
  }
}
