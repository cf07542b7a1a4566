package com.expat.search.solr.functions;

import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.queries.function.FunctionValues;
import org.apache.lucene.queries.function.ValueSource;
import org.apache.lucene.queries.function.docvalues.FloatDocValues;
import org.apache.lucene.util.BytesRef;

/** {@link LanguageFit} over a segment's {@code language_levels} ordinals, each term looked up once per segment. */
final class LanguageFitSource extends ValueSource {
  private final LanguageFit fit;

  LanguageFitSource(LanguageFit fit) {
    this.fit = fit;
  }

  @Override
  public FunctionValues getValues(Map<Object, Object> context, LeafReaderContext leaf) throws IOException {
    return new Values(this, leaf.reader());
  }

  private final class Values extends FloatDocValues {
    private final LeafReader reader;
    /** The listed terms this segment has: their ordinals, pair weights and codes. */
    private final long[] ords;
    private final double[] pairs;
    private final int[] codes;
    private final double[] best = new double[fit.codes()];
    private SortedSetDocValues levels;
    private int lastDoc = -1;

    Values(ValueSource source, LeafReader reader) throws IOException {
      super(source);
      this.reader = reader;
      SortedSetDocValues lookup = DocValues.getSortedSet(reader, MemberFields.LANGUAGE_LEVELS);
      int n = fit.terms().size();
      long[] foundOrds = new long[n];
      double[] foundPairs = new double[n];
      int[] foundCodes = new int[n];
      int found = 0;
      for (int i = 0; i < n; i++) {
        long ord = lookup.lookupTerm(new BytesRef(fit.terms().get(i)));
        if (ord >= 0 && fit.weights()[i] > 0) {
          foundOrds[found] = ord;
          foundPairs[found] = fit.weights()[i];
          foundCodes[found++] = fit.codeOfTerm()[i];
        }
      }
      ords = Arrays.copyOf(foundOrds, found);
      pairs = Arrays.copyOf(foundPairs, found);
      codes = Arrays.copyOf(foundCodes, found);
      levels = found > 0 ? DocValues.getSortedSet(reader, MemberFields.LANGUAGE_LEVELS) : null;
    }

    @Override
    public float floatVal(int doc) throws IOException {
      if (levels == null) {
        return 0;
      }
      if (doc < lastDoc) {
        levels = DocValues.getSortedSet(reader, MemberFields.LANGUAGE_LEVELS); // docValues only move forward
      }
      lastDoc = doc;
      if (!levels.advanceExact(doc)) {
        return 0;
      }
      Arrays.fill(best, 0);
      for (int i = 0, n = levels.docValueCount(); i < n; i++) {
        long ord = levels.nextOrd();
        for (int j = 0; j < ords.length; j++) {
          if (ords[j] == ord && pairs[j] > best[codes[j]]) {
            best[codes[j]] = pairs[j];
          }
        }
      }
      return (float) LanguageFit.noisyOr(best);
    }

    @Override
    public boolean exists(int doc) {
      return true;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LanguageFitSource other && fit.equals(other.fit);
  }

  @Override
  public int hashCode() {
    return fit.hashCode();
  }

  @Override
  public String description() {
    return fit.toString();
  }
}
