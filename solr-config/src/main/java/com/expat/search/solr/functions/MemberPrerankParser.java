package com.expat.search.solr.functions;

import com.expat.search.vocabulary.MemberFields;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.queries.function.ValueSource;
import org.apache.solr.schema.SchemaField;
import org.apache.solr.search.FunctionQParser;
import org.apache.solr.search.SyntaxError;
import org.apache.solr.search.ValueSourceParser;

/**
 * {@code expat_member_prerank(now, wDistance, lat, lon, scaleKm, wActivity, activityRate,
 * wNewness, newnessRate, wQuality, 'slug', weight, ...)}: the members' pre-rank
 * ({@code SolrRanking.members} in {@code ranking}) in one function, one pass over each candidate's
 * docValues instead of some twenty nested generic functions. It computes
 *
 * <pre>
 *   wDistance · exp(-haversineKm(location, lat, lon) / scaleKm)
 * + wActivity · exp(max(now - last_active_at, 0) · activityRate)
 * + wNewness  · exp(max(now - created_at, 0) · newnessRate)
 * + wQuality  · profile_quality
 * + Σ weight of each slug in interests
 * </pre>
 *
 * where {@code now} is in epoch milliseconds, the rates are {@code -ln 2 / half-life in ms}, and a
 * missing value contributes 0 (as the generic functions' missing values do, to float precision).
 * A weight of 0 skips its term and its field. Registered in {@code solrconfig.xml} only when the
 * node runs with {@code -Dexpat.nativePrerank=true} (the bundled launcher does), so that the same
 * configset loads on a Solr without this jar; the query service then sends the generic functions.
 */
public final class MemberPrerankParser extends ValueSourceParser {
  /** The name the configset registers this parser under. */
  public static final String NAME = "expat_member_prerank";

  @Override
  public ValueSource parse(FunctionQParser fp) throws SyntaxError {
    long now = (long) fp.parseDouble();
    double distanceWeight = weight(fp, "distance weight");
    double latitude = fp.parseDouble();
    double longitude = fp.parseDouble();
    double scaleKm = fp.parseDouble();
    double activityWeight = weight(fp, "activity weight");
    double activityRate = fp.parseDouble();
    double newnessWeight = weight(fp, "newness weight");
    double newnessRate = fp.parseDouble();
    double qualityWeight = weight(fp, "quality weight");
    List<String> slugs = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    while (fp.hasMoreArguments()) {
      slugs.add(fp.parseArg());
      if (!fp.hasMoreArguments()) {
        throw new SyntaxError(NAME + ": interest '" + slugs.get(slugs.size() - 1) + "' has no weight");
      }
      weights.add(weight(fp, "interest weight"));
    }
    if (distanceWeight > 0 && !(scaleKm > 0 && latitude >= -90 && latitude <= 90
        && longitude >= -180 && longitude <= 180)) {
      throw new SyntaxError(NAME + ": bad origin " + latitude + "," + longitude + " or scale " + scaleKm);
    }
    if (activityRate > 0 || newnessRate > 0) {
      throw new SyntaxError(NAME + ": decay rates must be negative or zero");
    }
    SchemaField quality = fp.getReq().getSchema().getField(MemberFields.PROFILE_QUALITY);
    MemberPrerank model = new MemberPrerank(now, distanceWeight, latitude, longitude, scaleKm,
        activityWeight, activityRate, newnessWeight, newnessRate, qualityWeight, slugs,
        weights.stream().mapToDouble(Double::doubleValue).toArray());
    return new MemberPrerankSource(model, quality.getType().getValueSource(quality, fp));
  }

  private static double weight(FunctionQParser fp, String what) throws SyntaxError {
    double value = fp.parseDouble();
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new SyntaxError(NAME + ": " + what + " must be a finite number >= 0, was " + value);
    }
    return value;
  }
}
