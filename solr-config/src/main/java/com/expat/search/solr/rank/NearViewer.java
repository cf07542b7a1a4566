package com.expat.search.solr.rank;

import com.expat.search.ranking.solr.IndexDocs;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.vocabulary.Earth;
import com.expat.search.vocabulary.MemberFields;
import com.expat.search.vocabulary.QueryParsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.geo.GeoEncodingUtils;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
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
 * city_id} is one of the cities within the radius: the cities are the index's own (each segment's
 * {@code city_id} to point, read once from docValues and kept while the segment lives), measured
 * with the one haversine ({@link Earth#distanceKm}) from V's point, and the filter is the set query
 * on {@code city_id} they make, as the service used to send it from the catalog. The query is equal
 * for equal points and radii, so every viewer of a city shares one entry of Solr's filter cache,
 * and the cities are looked for only when that entry is built. V without a point: V's city
 * ({@code city_id:X}); V without either, or no such member: no one. Thread-safe.
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
        return new CitiesWithin(point.latitude(), point.longitude(), radiusKm, cities);
      }
    };
  }

  /**
   * The members of every city within {@code radiusKm} of a point, as the index knows the cities:
   * rewritten, against a searcher, into the set query on {@code city_id}.
   */
  static final class CitiesWithin extends Query {
    final double latitude;
    final double longitude;
    final double radiusKm;
    private final SegmentCities cities;

    CitiesWithin(double latitude, double longitude, double radiusKm, SegmentCities cities) {
      this.latitude = latitude;
      this.longitude = longitude;
      this.radiusKm = radiusKm;
      this.cities = cities;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
      long[] ids = cities.within(searcher.getIndexReader(), latitude, longitude, radiusKm);
      return ids.length == 0 ? new MatchNoDocsQuery("no city within the radius")
          : LongPoint.newSetQuery(MemberFields.CITY_ID, ids);
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
      return sameClassAs(other) && latitude == ((CitiesWithin) other).latitude
          && longitude == ((CitiesWithin) other).longitude && radiusKm == ((CitiesWithin) other).radiusKm;
    }

    @Override
    public int hashCode() {
      return Objects.hash(classHash(), latitude, longitude, radiusKm);
    }

    @Override
    public String toString(String field) {
      return String.format(Locale.ROOT, "{!%s d=%s}%s,%s", NAME, radiusKm, latitude, longitude);
    }
  }

  /**
   * Each open segment's cities: distinct {@code city_id}s with their point (the first member's),
   * read once from docValues and dropped when Lucene closes the segment's core. Thread-safe.
   */
  static final class SegmentCities {
    private final ConcurrentHashMap<IndexReader.CacheKey, Points> bySegment = new ConcurrentHashMap<>();

    /** The ids of the cities within {@code radiusKm} of the point (inclusive), ascending, distinct. */
    long[] within(IndexReader reader, double latitude, double longitude, double radiusKm) {
      long[] found = new long[16];
      int count = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        Points points = points(leaf.reader());
        for (int i = 0; i < points.ids.length; i++) {
          if (Earth.distanceKm(latitude, longitude, points.latitudes[i], points.longitudes[i]) <= radiusKm) {
            if (count == found.length) {
              found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = points.ids[i];
          }
        }
      }
      long[] result = Arrays.copyOf(found, count);
      Arrays.sort(result);
      return Arrays.stream(result).distinct().toArray();
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

  /** One segment's cities with a point: parallel arrays. */
  private record Points(long[] ids, double[] latitudes, double[] longitudes) {
    static Points read(LeafReader reader) {
      try {
        NumericDocValues cityIds = DocValues.getNumeric(reader, MemberFields.CITY_ID);
        SortedNumericDocValues points = DocValues.getSortedNumeric(reader, MemberFields.LOCATION);
        java.util.Map<Long, double[]> byCity = new java.util.HashMap<>();
        for (int doc = cityIds.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = cityIds.nextDoc()) {
          long city = cityIds.longValue();
          if (byCity.containsKey(city) || !points.advanceExact(doc)) {
            continue;
          }
          long encoded = points.nextValue();
          byCity.put(city, new double[] {GeoEncodingUtils.decodeLatitude((int) (encoded >> 32)),
              GeoEncodingUtils.decodeLongitude((int) (encoded & 0xFFFFFFFFL))});
        }
        long[] ids = new long[byCity.size()];
        double[] latitudes = new double[ids.length];
        double[] longitudes = new double[ids.length];
        int i = 0;
        for (var city : byCity.entrySet()) {
          ids[i] = city.getKey();
          latitudes[i] = city.getValue()[0];
          longitudes[i] = city.getValue()[1];
          i++;
        }
        return new Points(ids, latitudes, longitudes);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the cities of " + reader, e);
      }
    }
  }
}
