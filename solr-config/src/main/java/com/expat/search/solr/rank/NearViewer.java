package com.expat.search.solr.rank;

import com.expat.search.ranking.solr.IndexDocs;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.vocabulary.CitiesByLatitude;
import com.expat.search.vocabulary.MemberFields;
import com.expat.search.vocabulary.QueryParsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.geo.GeoEncodingUtils;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.schema.SchemaField;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;

/**
 * The query parser {@value #NAME}: {@code {!expat_near viewer=V d=50}}, the members within {@code d}
 * km of viewer V's city, V read inside Solr ({@link RequestViewer}). A member's {@code location} is
 * their city's point (the indexer copies it from the city), so those are the members whose {@code
 * city_id} is one of the cities within the radius: the cities are the index's own ({@link
 * SegmentCities}: on SolrCloud a node has no catalog core), measured with the one haversine
 * ({@link com.expat.search.vocabulary.Earth#distanceKm}) from V's point, and the filter is the set query Solr's {@code
 * {!terms f=city_id}} makes of their ids, as the service used to send them from the catalog: every
 * viewer of a city, at every radius that reaches the same cities, shares one entry of Solr's filter
 * cache. V without a point: V's city ({@code city_id:X}); V without either, or no such member: no
 * one. An index where the members of a city stand at different points (not the indexer's
 * documents: tests' generated members) measures each member's own point instead ({@code geofilt}
 * around V's point), as the service did for a city its catalog did not know.
 *
 * <p>{@code {!expat_near viewer=V d=50 sfield=location}}: the documents whose own point in {@code
 * sfield} is within {@code d} km of V's point (Solr's {@code geofilt}), for documents not at their
 * city's point (events at their venue); V without a point: V's city, as above. Thread-safe.
 */
public final class NearViewer extends QParserPlugin {
  public static final String NAME = QueryParsers.NEAR;

  private final SegmentCities cities = new SegmentCities();

  @Override
  public void init(NamedList<?> args) {
    // nothing to configure
  }

  @Override
  public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
    return new QParser(qstr, localParams, params, req) {
      @Override
      public Query parse() throws SyntaxError {
        String distance = localParams.get("d");
        double radiusKm;
        try {
          radiusKm = Double.parseDouble(String.valueOf(distance));
        } catch (NumberFormatException e) {
          radiusKm = Double.NaN;
        }
        if (!(radiusKm >= 0) || Double.isInfinite(radiusKm)) {
          throw new SyntaxError(NAME + ": d must be a distance in km, was " + distance);
        }
        String pointField = localParams.get("sfield");
        if (pointField != null && req.getSchema().getFieldOrNull(pointField) == null) {
          throw new SyntaxError(NAME + ": sfield must name a field, was " + pointField);
        }
        RequestViewer viewer = RequestViewer.of(req, localParams.get("viewer"));
        if (!viewer.found()) {
          return new MatchNoDocsQuery("no such viewer");
        }
        LatLon point = IndexDocs.location(viewer.location());
        if (point == null) {
          List<String> city = viewer.values(MemberFields.CITY_ID);
          if (city.isEmpty()) {
            return new MatchNoDocsQuery("a viewer without a city");
          }
          SchemaField field = req.getSchema().getField(MemberFields.CITY_ID);
          return field.getType().getFieldQuery(this, field, city.get(0));
        }
        if (pointField != null) {
          return ownPoints(pointField, point, radiusKm);
        }
        IndexCities known = cities.of(req.getSearcher().getIndexReader());
        if (!known.consistent()) {
          // Members of one city at different points (not the indexer's documents): their own
          // points decide, as the service's geofilt did for a city its catalog did not know.
          return ownPoints(MemberFields.LOCATION, point, radiusKm);
        }
        long[] ids = known.cities().within(point.latitude(), point.longitude(), radiusKm);
        if (ids.length == 0) {
          return new MatchNoDocsQuery("no city within the radius");
        }
        // The query Solr's {!terms f=city_id} makes of these ids: radii that reach the same cities
        // share its filter-cache entry, as every viewer of the city does.
        SchemaField field = req.getSchema().getField(MemberFields.CITY_ID);
        return field.getType().getSetQuery(this, field, Arrays.stream(ids).mapToObj(Long::toString).toList());
      }

      /** The documents whose own point is within the radius: the geofilt the service writes (GeoPoint's 6 decimals). */
      private Query ownPoints(String pointField, LatLon point, double radiusKm) throws SyntaxError {
        return subQuery(String.format(Locale.ROOT, "{!geofilt sfield=%s pt=%.6f,%.6f d=%.3f}", pointField,
            point.latitude(), point.longitude(), radiusKm), null).getQuery();
      }
    };
  }

  /**
   * Every city of one searcher's index that has a point, by latitude: each open segment's cities
   * (distinct {@code city_id}s with their point, read once from docValues and dropped when Lucene
   * closes the segment's core), merged once per searcher. Thread-safe.
   */
  static final class SegmentCities {
    private final ConcurrentHashMap<IndexReader.CacheKey, Points> bySegment = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<IndexReader.CacheKey, IndexCities> byReader = new ConcurrentHashMap<>();

    IndexCities of(IndexReader reader) {
      IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
      if (helper == null) {
        return merge(reader);
      }
      IndexCities cached = byReader.get(helper.getKey());
      if (cached != null) {
        return cached;
      }
      return byReader.computeIfAbsent(helper.getKey(), key -> {
        IndexCities cities = merge(reader);
        helper.addClosedListener(byReader::remove);
        return cities;
      });
    }

    private IndexCities merge(IndexReader reader) {
      java.util.Map<Long, double[]> byCity = new java.util.HashMap<>();
      boolean consistent = true;
      for (LeafReaderContext leaf : reader.leaves()) {
        Points points = points(leaf.reader());
        consistent &= points.consistent;
        for (int i = 0; i < points.ids.length; i++) {
          double[] point = {points.latitudes[i], points.longitudes[i]};
          double[] before = byCity.putIfAbsent(points.ids[i], point);
          consistent &= before == null || Arrays.equals(before, point);
        }
      }
      return new IndexCities(CitiesByLatitude.of(byCity), consistent);
    }

    private Points points(LeafReader reader) {
      IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
      if (helper == null) {
        return Points.read(reader);
      }
      Points cached = bySegment.get(helper.getKey());
      if (cached != null) {
        return cached;
      }
      return bySegment.computeIfAbsent(helper.getKey(), key -> {
        Points points = Points.read(reader);
        helper.addClosedListener(bySegment::remove);
        return points;
      });
    }
  }

  /**
   * A searcher's cities ({@link CitiesByLatitude}, the catalog's own radius search) and whether
   * every member of a city stands at the city's one point, as the indexer writes them.
   */
  record IndexCities(CitiesByLatitude cities, boolean consistent) {}

  /**
   * One segment's cities with a point: parallel arrays; {@code consistent} when every member of a
   * city is at the first one's point.
   */
  private record Points(long[] ids, double[] latitudes, double[] longitudes, boolean consistent) {
    static Points read(LeafReader reader) {
      try {
        NumericDocValues cityIds = DocValues.getNumeric(reader, MemberFields.CITY_ID);
        SortedNumericDocValues points = DocValues.getSortedNumeric(reader, MemberFields.LOCATION);
        java.util.Map<Long, Long> byCity = new java.util.HashMap<>();
        boolean consistent = true;
        for (int doc = cityIds.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = cityIds.nextDoc()) {
          if (!points.advanceExact(doc)) {
            continue;
          }
          long encoded = points.nextValue();
          Long before = byCity.putIfAbsent(cityIds.longValue(), encoded);
          consistent &= before == null || before == encoded;
        }
        long[] ids = new long[byCity.size()];
        double[] latitudes = new double[ids.length];
        double[] longitudes = new double[ids.length];
        int i = 0;
        for (var city : byCity.entrySet()) {
          ids[i] = city.getKey();
          latitudes[i] = GeoEncodingUtils.decodeLatitude((int) (city.getValue() >> 32));
          longitudes[i] = GeoEncodingUtils.decodeLongitude((int) (city.getValue() & 0xFFFFFFFFL));
          i++;
        }
        return new Points(ids, latitudes, longitudes, consistent);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the cities of " + reader, e);
      }
    }
  }
}
