package com.expat.search.solr.rank;

import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.IndexDocs;
import com.expat.search.ranking.solr.RankParams;
import com.expat.search.vocabulary.IndexFields;
import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.geo.GeoEncodingUtils;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.SolrInputField;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.core.SolrCore;
import org.apache.solr.schema.LatLonPointSpatialField;
import org.apache.solr.handler.component.RealTimeGetComponent;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.request.SolrRequestInfo;
import org.apache.solr.search.SolrIndexSearcher;
import org.apache.solr.search.SolrReturnFields;
import org.apache.solr.search.SyntaxError;
import org.apache.solr.util.RefCounted;

/**
 * The viewer of a ranked request (matches, member search, a member's events), read inside Solr
 * with the freshness of {@code /get}:
 * {@link RealTimeGetComponent#getInputDocument} looks in the update log first, then in the
 * realtime searcher, so a block written a moment ago applies. Read once per request and viewer (the
 * filters that reference the viewer and the ranking share it, through the request's context). A
 * tombstone is no member. The document holds what the filters read ({@code languages}, {@code
 * contact_ids}, {@code blocked_ids}, {@code city_id}, {@code location}) and what the model reads of a
 * viewer ({@link IndexDocs#MEMBER_FIELDS}). Immutable.
 *
 * @param doc the document's values by field (one value, or a collection); null when no active
 *     member has the id
 */
record RequestViewer(long id, Map<String, Object> doc) {
  /** What is read of the viewer. */
  static final Set<String> FIELDS = fields();
  /**
   * What of {@link #FIELDS} a viewer read from the index takes from Solr's document fetcher rather
   * than from {@link MemberColumns}, which do not hold them.
   */
  static final List<String> FROM_INDEX = List.of(MemberFields.LANGUAGES, MemberFields.CONTACT_IDS,
      MemberFields.BLOCKED_IDS, IndexFields.TOMBSTONE);

  boolean found() {
    return doc != null;
  }

  /** The values of one of the viewer's fields, as text; empty when absent. */
  List<String> values(String field) {
    Object value = doc == null ? null : doc.get(field);
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(value));
  }

  /** The viewer's {@code location} as the document holds it ({@code "lat,lon"}), null without one. */
  String location() {
    List<String> values = values(MemberFields.LOCATION);
    return values.isEmpty() ? null : values.get(0);
  }

  /**
   * The viewer {@code idText} names, read once per request: from the request's own core, or with
   * {@link RankParams#VIEWER_CORE} from that core of the same node (a member's events: the events
   * core reads the member from the members core, with the same freshness).
   *
   * @throws SyntaxError when {@code idText} is not a member id, or the core named is none of this node's
   */
  static RequestViewer of(SolrQueryRequest req, String idText) throws SyntaxError {
    long id = parseId(idText);
    String coreName = req.getParams().get(RankParams.VIEWER_CORE);
    Object key = new Key(id, coreName);
    if (req.getContext().get(key) instanceof RequestViewer read) {
      return read;
    }
    RequestViewer read;
    if (coreName == null || coreName.equals(req.getCore().getName())) {
      read = read(req.getCore(), id);
    } else {
      try (SolrCore core = req.getCore().getCoreContainer().getCore(coreName)) {
        if (core == null) {
          throw new SyntaxError(RankParams.VIEWER_CORE + " must name a core of this Solr node, was " + coreName);
        }
        read = read(core, id);
      }
    }
    req.getContext().put(key, read);
    return read;
  }

  /**
   * Tells the service in the response what was read: found, and the location it measures from
   * (and {@link RankParams#VIEWER_ORIGIN}, when the request measures from there instead).
   */
  void report(SolrQueryRequest req) {
    SolrRequestInfo info = SolrRequestInfo.getRequestInfo();
    if (info == null || info.getReq() != req || info.getRsp() == null
        || info.getRsp().getValues().get(RankParams.VIEWER_READ) != null) {
      return;
    }
    SimpleOrderedMap<Object> section = new SimpleOrderedMap<>();
    section.add("id", Long.toString(id));
    section.add("found", found());
    if (location() != null) {
      section.add("location", location());
    }
    // The place the ranking measures from instead, as sent: the service's start check sees that
    // this jar honours it (an older one ranked from the viewer's home without a word).
    String origin = req.getParams().get(RankParams.VIEWER_ORIGIN);
    if (origin != null) {
      section.add("origin", origin);
    }
    info.getRsp().add(RankParams.VIEWER_READ, section);
  }

  /**
   * {@code viewer} measuring distances from the request's {@link RankParams#VIEWER_ORIGIN} (the place
   * searched) when it names one, else as they are (from where they live).
   *
   * @param parser the query parser reading it, for the message
   * @throws SyntaxError when the origin is not {@code lat,lon}
   */
  static Viewer fromOrigin(SolrQueryRequest req, Viewer viewer, String parser) throws SyntaxError {
    String origin = req.getParams().get(RankParams.VIEWER_ORIGIN);
    if (origin == null) {
      return viewer;
    }
    try {
      return viewer.withOrigin(RankParams.origin(origin));
    } catch (RuntimeException e) {
      throw new SyntaxError(parser + ": " + RankParams.VIEWER_ORIGIN + " must be lat,lon, was " + origin);
    }
  }

  static long parseId(String idText) throws SyntaxError {
    if (idText == null || idText.isEmpty()) {
      throw new SyntaxError("viewer must be a member id, was missing");
    }
    try {
      long id = Long.parseLong(idText.strip());
      if (id <= 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw new SyntaxError("viewer must be a member id (a positive number), was " + idText);
    }
  }

  private record Key(long id, String core) {}

  /**
   * The viewer as {@code /get} reads it. A write still in the update log is read from there; otherwise the
   * newest (realtime) searcher holds the member, and the fields the model reads come from the
   * segment's {@link MemberColumns} (in memory, built once per segment, the values the page's
   * {@code [expat_field]} writes), the others ({@link #FROM_INDEX}) through Solr's document fetcher.
   * Solr's fetcher reading all of them made an iterator per field and document: 16.7 % of Solr's CPU
   * samples on member searches with a viewer and a city at 200k (docs/benchmarks.md, "The viewer's read
   * from the columns"). {@link RealTimeGetComponent#getInputDocument} asks the update log and then the
   * realtime searcher in this order too.
   */
  private static RequestViewer read(SolrCore core, long id) {
    BytesRefBuilder idBytes = new BytesRefBuilder();
    core.getLatestSchema().getUniqueKeyField().getType().readableToIndexed(Long.toString(id), idBytes);
    BytesRef key = idBytes.toBytesRef();
    try {
      // Members have no nested documents: the root id is the id.
      SolrInputDocument logged = RealTimeGetComponent.getInputDocumentFromTlog(core, key, null, FIELDS,
          RealTimeGetComponent.Resolution.DOC);
      if (logged == RealTimeGetComponent.DELETED) {
        return new RequestViewer(id, null);
      }
      if (logged != null) {
        return of(id, logged);
      }
      if (!(core.getQueryPlugin(MatchesRankParser.NAME) instanceof MatchesRankParser plugin)) {
        // A core without the plugin has no columns: all of it as /get reads it.
        return of(id, RealTimeGetComponent.getInputDocument(core, key, key, null, FIELDS,
            RealTimeGetComponent.Resolution.DOC));
      }
      RefCounted<SolrIndexSearcher> holder = core.getRealtimeSearcher();
      try {
        return fromIndex(holder.get(), plugin.columns(), key, id);
      } finally {
        holder.decref();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read viewer " + id, e);
    }
  }

  /** The viewer in a document as {@code /get} gives it (null: none). */
  private static RequestViewer of(long id, SolrInputDocument doc) {
    if (doc == null || isTombstone(doc.getFieldValue(IndexFields.TOMBSTONE))) {
      return new RequestViewer(id, null);
    }
    Map<String, Object> values = new HashMap<>();
    for (SolrInputField field : doc) {
      values.put(field.getName(), field.getValue());
    }
    // A write still in the update log holds the point as sent (to the last digit), the index as
    // LatLonPoint encodes it, and /get answers the encoded one either way (to 7 decimals): so must
    // this read, or a member written a moment ago is ranked from a point a few centimetres off the
    // one the service reads (MemberEventsInSolrIT found it).
    Object location = values.get(MemberFields.LOCATION);
    if (location != null) {
      values.put(MemberFields.LOCATION, encoded(String.valueOf(location)));
    }
    return new RequestViewer(id, values);
  }

  /**
   * The viewer in {@code searcher}: {@link #FIELDS} less {@link #FROM_INDEX} from the columns, each
   * as {@code /get} gives it (the id as text, dates as {@link Date}, a field the member lacks
   * absent; the profile quality, which the columns hold as 0 when absent, as 0); {@link
   * #FROM_INDEX} through Solr's document fetcher.
   */
  private static RequestViewer fromIndex(SolrIndexSearcher searcher, ColumnCache cache, BytesRef key, long id)
      throws IOException {
    int docid = searcher.getFirstMatch(new Term(searcher.getSchema().getUniqueKeyField().getName(), key));
    if (docid < 0) {
      return new RequestViewer(id, null);
    }
    SolrDocument rest = searcher.getDocFetcher().solrDoc(docid, new SolrReturnFields(FROM_INDEX, null));
    if (isTombstone(rest.getFieldValue(IndexFields.TOMBSTONE))) {
      return new RequestViewer(id, null);
    }
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docid, leaves));
    MemberColumns columns = cache.columns(leaf.reader());
    int doc = docid - leaf.docBase;
    Map<String, Object> values = new HashMap<>();
    for (String field : rest.getFieldNames()) {
      values.put(field, rest.getFieldValue(field));
    }
    values.put(MemberFields.ID, Long.toString(columns.id[doc]));
    putIfPresent(values, MemberFields.LOCATION, ColumnFieldTransformerFactory.location(columns, doc));
    MemberColumns.Place place = ColumnFieldTransformerFactory.place(columns, doc);
    if (place != null) {
      putIfPresent(values, MemberFields.CITY_ID, place.cityId());
      putIfPresent(values, MemberFields.CITY_NAME, place.cityName());
    }
    if (columns.origin[doc] >= 0) {
      values.put(MemberFields.ORIGIN_COUNTRY, columns.origins[columns.origin[doc]]);
    }
    if (columns.languageSet[doc] >= 0) {
      values.put(MemberFields.LANGUAGE_LEVELS, List.of(columns.languageTerms(doc)));
    }
    putIfPresent(values, MemberFields.INTERESTS, ColumnFieldTransformerFactory.interests(columns, doc));
    if (columns.lastActiveAt[doc] != MemberColumns.MISSING) {
      values.put(MemberFields.LAST_ACTIVE_AT, new Date(columns.lastActiveAt[doc]));
    }
    if (columns.createdAt[doc] != MemberColumns.MISSING) {
      values.put(MemberFields.CREATED_AT, new Date(columns.createdAt[doc]));
    }
    values.put(MemberFields.PROFILE_QUALITY, columns.quality[doc]);
    return new RequestViewer(id, values);
  }

  private static void putIfPresent(Map<String, Object> values, String field, Object value) {
    if (value != null) {
      values.put(field, value);
    }
  }

  /**
   * {@code "lat,lon"} as /get answers it: LatLonPoint's encoding, decoded as Solr writes a point's
   * docValues (unchanged when read from the index).
   */
  static String encoded(String point) {
    int comma = point.indexOf(',');
    if (comma < 0) {
      return point;
    }
    try {
      double latitude = Double.parseDouble(point.substring(0, comma).strip());
      double longitude = Double.parseDouble(point.substring(comma + 1).strip());
      long encoded = ((long) GeoEncodingUtils.encodeLatitude(latitude) << 32)
          | (GeoEncodingUtils.encodeLongitude(longitude) & 0xFFFFFFFFL);
      return LatLonPointSpatialField.decodeDocValueToString(encoded);
    } catch (IllegalArgumentException e) {
      return point; // not a point the index could hold: as read
    }
  }

  private static boolean isTombstone(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
  }

  private static Set<String> fields() {
    Set<String> fields = new LinkedHashSet<>(IndexDocs.MEMBER_FIELDS);
    fields.addAll(List.of(MemberFields.LANGUAGES, MemberFields.CONTACT_IDS, MemberFields.BLOCKED_IDS,
        IndexFields.TOMBSTONE));
    return Set.copyOf(fields);
  }
}
