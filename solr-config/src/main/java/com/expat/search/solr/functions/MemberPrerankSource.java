package com.expat.search.solr.functions;

import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.util.Map;
import org.apache.lucene.geo.GeoEncodingUtils;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.queries.function.FunctionValues;
import org.apache.lucene.queries.function.ValueSource;
import org.apache.lucene.queries.function.docvalues.FloatDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * {@link MemberPrerank} over a segment's docValues: location (a {@code LatLonPointSpatialField},
 * the encoded point of {@code LatLonDocValuesField}), the interests' ordinals (each slug looked up
 * once per segment), the two dates as epoch milliseconds, and the profile quality through its
 * field type's own value source. Each term reads its field only when its weight is positive.
 */
final class MemberPrerankSource extends ValueSource {
  private final MemberPrerank model;
  private final ValueSource quality;

  MemberPrerankSource(MemberPrerank model, ValueSource quality) {
    this.model = model;
    this.quality = quality;
  }

  @Override
  public FunctionValues getValues(Map<Object, Object> context, LeafReaderContext leaf) throws IOException {
    FunctionValues qualityValues = model.qualityWeight() > 0 ? quality.getValues(context, leaf) : null;
    return new Values(this, leaf.reader(), qualityValues);
  }

  private final class Values extends FloatDocValues {
    private final LeafReader reader;
    private final FunctionValues qualityValues;
    private final long[] interestOrds;
    private final double[] ordWeights;
    private SortedNumericDocValues location;
    private NumericDocValues lastActive;
    private NumericDocValues created;
    private SortedSetDocValues interests;
    private int lastDoc = -1;
    /**
     * The last point and its closeness. Members are placed at their city's coordinates and the
     * rebuilt core is sorted by city (expat.indexSort), so neighbouring candidates mostly
     * share a point and the trigonometry is done about once per city and segment.
     */
    private long lastPoint;
    private double lastCloseness = Double.NaN;

    Values(ValueSource source, LeafReader reader, FunctionValues qualityValues) throws IOException {
      super(source);
      this.reader = reader;
      this.qualityValues = qualityValues;
      SortedSetDocValues lookup = DocValues.getSortedSet(reader, MemberFields.INTERESTS);
      long[] ords = new long[model.slugs().size()];
      double[] weights = new double[ords.length];
      int found = 0;
      for (int i = 0; i < ords.length; i++) {
        long ord = lookup.lookupTerm(new BytesRef(model.slugs().get(i)));
        if (ord >= 0 && model.interestWeights()[i] > 0) {
          ords[found] = ord;
          weights[found++] = model.interestWeights()[i];
        }
      }
      this.interestOrds = java.util.Arrays.copyOf(ords, found);
      this.ordWeights = java.util.Arrays.copyOf(weights, found);
      open();
    }

    /** Fresh iterators: docValues only move forward, and a caller may (rarely) go back. */
    private void open() throws IOException {
      location = model.distanceWeight() > 0 ? DocValues.getSortedNumeric(reader, MemberFields.LOCATION) : null;
      lastActive = model.activityWeight() > 0 ? DocValues.getNumeric(reader, MemberFields.LAST_ACTIVE_AT) : null;
      created = model.newnessWeight() > 0 ? DocValues.getNumeric(reader, MemberFields.CREATED_AT) : null;
      interests = interestOrds.length > 0 ? DocValues.getSortedSet(reader, MemberFields.INTERESTS) : null;
    }

    @Override
    public float floatVal(int doc) throws IOException {
      if (doc < lastDoc) {
        open();
      }
      lastDoc = doc;
      double score = 0;
      if (location != null && location.advanceExact(doc)) {
        long encoded = location.nextValue();
        if (encoded != lastPoint || Double.isNaN(lastCloseness)) {
          double lat = GeoEncodingUtils.decodeLatitude((int) (encoded >> 32));
          double lon = GeoEncodingUtils.decodeLongitude((int) (encoded & 0xFFFFFFFFL));
          lastPoint = encoded;
          lastCloseness = model.closeness(lat, lon);
        }
        score += model.distanceWeight() * lastCloseness;
      }
      if (lastActive != null && lastActive.advanceExact(doc)) {
        score += model.activityWeight() * model.decay(lastActive.longValue(), model.activityRate());
      }
      if (created != null && created.advanceExact(doc)) {
        score += model.newnessWeight() * model.decay(created.longValue(), model.newnessRate());
      }
      if (qualityValues != null && qualityValues.exists(doc)) {
        score += model.qualityWeight() * qualityValues.floatVal(doc);
      }
      if (interests != null && interests.advanceExact(doc)) {
        for (int i = 0, n = interests.docValueCount(); i < n; i++) {
          long ord = interests.nextOrd();
          for (int j = 0; j < interestOrds.length; j++) {
            if (interestOrds[j] == ord) {
              score += ordWeights[j];
            }
          }
        }
      }
      return (float) score;
    }

    @Override
    public boolean exists(int doc) {
      return true;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemberPrerankSource other && model.equals(other.model) && quality.equals(other.quality);
  }

  @Override
  public int hashCode() {
    return 31 * model.hashCode() + quality.hashCode();
  }

  @Override
  public String description() {
    return model.toString();
  }
}
