package com.expat.search.indexer.solr;

import com.expat.search.common.solr.BoundedCalls;
import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.vocabulary.IndexFields;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.UpdateParams;

/** {@link SearchIndex} over SolrJ. Thread-safe (SolrJ clients are). */
public final class SolrSearchIndex implements SearchIndex {
  /**
   * The live sync's {@link #writeDeadline}: its writes are a batch of a few documents and a soft
   * commit, and a stuck write must become a retry soon. A rebuild passes its own, longer one
   * ({@code ReindexSettings.writeDeadline}, {@code REINDEX_WRITE_DEADLINE_S}).
   */
  static final Duration DEFAULT_WRITE_DEADLINE = Duration.ofSeconds(10);

  /** The longest a force-merge may take: about 10 s per million members here (docs/benchmarks.md). */
  static final Duration MERGE_DEADLINE = Duration.ofMinutes(15);

  private final SolrClient client;
  private final Duration writeDeadline;
  /** Runs each call so that its caller can give up at the deadline; one per index. */
  private final BoundedCalls calls = new BoundedCalls("solr-write");

  /** An index with the live sync's write deadline, 10 s. */
  public SolrSearchIndex(SolrClient client) {
    this(client, DEFAULT_WRITE_DEADLINE);
  }

  /**
   * @param writeDeadline the longest any write or commit may take before it counts as failed. The
   *     JDK HTTP client can wait forever when the connection breaks while a request body streams
   *     (seen with Solr killed mid-update), whatever its request timeout; this bounds it.
   */
  public SolrSearchIndex(SolrClient client, Duration writeDeadline) {
    this.client = client;
    this.writeDeadline = writeDeadline;
  }

  /**
   * Upserts and deletes travel in one update request. A delete is sent as the tombstone Solr's
   * version constraint would itself leave for a versioned delete ({@code id}, {@code doc_version},
   * {@code tombstone=true}): the processor orders it against the indexed version exactly like a
   * delete with {@code del_version}, and unlike a delete-by-id it needs no request parameter of its
   * own, so a whole batch is one request. {@code /select} hides tombstones.
   */
  @Override
  public void apply(String core, List<IndexChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    List<SolrInputDocument> documents = new ArrayList<>(changes.size());
    for (IndexChange change : changes) {
      if (change instanceof IndexChange.Upsert upsert) {
        documents.add(upsert.document());
      } else {
        documents.add(tombstone(change.id(), change.version()));
      }
    }
    add(core, documents);
  }

  /** The document a versioned delete leaves behind; see solr-config's solrconfig.xml. */
  static SolrInputDocument tombstone(String id, long version) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(IndexFields.ID, id);
    doc.setField(IndexFields.VERSION, version);
    doc.setField(IndexFields.TOMBSTONE, true);
    return doc;
  }

  @Override
  public void softCommit(String core) {
    try {
      bounded(() -> client.commit(core, false, true, true));
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IndexWriteException("Solr refused a soft commit on " + core + ": " + e.getMessage(), e);
    }
  }

  /**
   * One {@code /select} by id (tombstones hidden) for the whole batch; only for upserts it does not
   * find, one real-time get, which sees tombstones, to tell a newer delete from a write not yet
   * visible.
   */
  @Override
  public List<IndexChange> notVisible(String core, List<IndexChange> changes) {
    if (changes.isEmpty()) {
      return List.of();
    }
    Map<String, Long> searched = new HashMap<>();
    for (SolrDocument doc : lookUp(core, "/select", changes, false)) {
      searched.put(doc.getFirstValue(IndexFields.ID).toString(), version(doc));
    }
    List<IndexChange> hidden = new ArrayList<>();
    List<IndexChange> unfound = new ArrayList<>();
    for (IndexChange change : changes) {
      Long shown = searched.get(change.id());
      if (change instanceof IndexChange.Delete) {
        if (shown != null && shown < change.version()) {
          hidden.add(change);
        }
      } else if (shown == null) {
        unfound.add(change);
      } else if (shown < change.version()) {
        hidden.add(change);
      }
    }
    if (!unfound.isEmpty()) {
      Map<String, Long> deletedAt = new HashMap<>();
      for (SolrDocument doc : lookUp(core, "/get", unfound, true)) {
        if (Boolean.TRUE.equals(doc.getFirstValue(IndexFields.TOMBSTONE))) {
          deletedAt.put(doc.getFirstValue(IndexFields.ID).toString(), version(doc));
        }
      }
      for (IndexChange change : unfound) {
        Long deleted = deletedAt.get(change.id());
        if (deleted == null || deleted < change.version()) {
          hidden.add(change);
        }
      }
    }
    return hidden;
  }

  private List<SolrDocument> lookUp(String core, String handler, List<IndexChange> changes, boolean realTime) {
    StringBuilder ids = new StringBuilder();
    for (IndexChange change : changes) {
      ids.append(ids.length() == 0 ? "" : ",").append(change.id());
    }
    SolrQuery query = new SolrQuery();
    query.setRequestHandler(handler);
    query.setFields(IndexFields.ID, IndexFields.VERSION, IndexFields.TOMBSTONE);
    if (realTime) {
      query.set("ids", ids.toString());
    } else {
      query.setQuery("*:*").addFilterQuery("{!terms f=" + IndexFields.ID + " v=$ids}").setRows(changes.size());
      query.set("ids", ids.toString());
    }
    try {
      return calls.call(() -> client.query(core, query, SolrRequest.METHOD.POST), writeDeadline.toNanos()).getResults();
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IndexWriteException("Solr did not answer a look-up of " + changes.size() + " ids on " + core
          + " (" + handler + "): " + e.getMessage(), e);
    }
  }

  private static long version(SolrDocument doc) {
    return ((Number) doc.getFirstValue(IndexFields.VERSION)).longValue();
  }

  @Override
  public void add(String core, List<SolrInputDocument> documents) {
    UpdateRequest request = new UpdateRequest();
    request.add(documents);
    process(core, request, "add of " + documents.size() + " documents");
  }

  @Override
  public void commit(String core) {
    try {
      bounded(() -> client.commit(core, true, true));
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IndexWriteException("Solr refused a commit on " + core + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void flush(String core) {
    UpdateRequest request = new UpdateRequest();
    request.setAction(UpdateRequest.ACTION.COMMIT, true, false);
    request.setParam(UpdateParams.OPEN_SEARCHER, "false");
    process(core, request, "flush (commit without a searcher)");
  }

  @Override
  public void forceMerge(String core, int maxSegments) {
    try {
      bounded(() -> client.optimize(core, true, true, maxSegments), MERGE_DEADLINE);
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IndexWriteException("Solr refused to merge " + core + " to " + maxSegments + " segments: "
          + e.getMessage(), e);
    }
  }

  @Override
  public long count(String core) {
    try {
      return client.query(core, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IndexWriteException("Solr did not answer a count on " + core + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean contains(String core, String id) {
    try {
      SolrQuery query = new SolrQuery("*:*").addFilterQuery("{!term f=id v=$id}").setRows(0);
      query.set("id", id);
      return client.query(core, query).getResults().getNumFound() > 0;
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IndexWriteException("Solr did not answer a lookup on " + core + ": " + e.getMessage(), e);
    }
  }

  private void process(String core, UpdateRequest request, String what) {
    try {
      bounded(() -> request.process(client, core));
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IndexWriteException("Solr did not accept the " + what + " on " + core + ": " + e.getMessage(), e);
    }
  }

  private interface Call {
    Object call() throws SolrServerException, IOException;
  }

  private void bounded(Call call) throws SolrServerException, IOException {
    bounded(call, writeDeadline);
  }

  private void bounded(Call call, Duration deadline) throws SolrServerException, IOException {
    calls.call(call::call, deadline.toNanos());
  }
}
