package com.expat.search.solr.rank;

import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.IndexDocs;
import com.expat.search.ranking.solr.RankParams;
import com.expat.search.vocabulary.IndexFields;
import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.geo.GeoEncodingUtils;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.SolrInputField;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.core.SolrCore;
import org.apache.solr.schema.LatLonPointSpatialField;
import org.apache.solr.handler.component.RealTimeGetComponent;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.request.SolrRequestInfo;
import org.apache.solr.search.SyntaxError;

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

  private static RequestViewer read(SolrCore core, long id) {
    BytesRefBuilder idBytes = new BytesRefBuilder();
    core.getLatestSchema().getUniqueKeyField().getType().readableToIndexed(Long.toString(id), idBytes);
    SolrInputDocument doc;
    try {
      // The root id too: the update log is looked up by it (null finds nothing there, and the
      // realtime searcher may not hold the latest write yet).
      BytesRef key = idBytes.toBytesRef();
      doc = RealTimeGetComponent.getInputDocument(core, key, key, null, FIELDS,
          RealTimeGetComponent.Resolution.DOC);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read viewer " + id, e);
    }
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
