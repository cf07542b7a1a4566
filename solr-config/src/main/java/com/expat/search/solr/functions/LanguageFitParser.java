package com.expat.search.solr.functions;

import com.expat.search.vocabulary.LanguageTerms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.queries.function.ValueSource;
import org.apache.solr.search.FunctionQParser;
import org.apache.solr.search.SyntaxError;
import org.apache.solr.search.ValueSourceParser;

/**
 * {@code expat_language_fit('code:level', pairWeight, ...)}: how well a member can talk with the
 * viewer, the ranking module's {@code LanguageFit} over the members core's {@code language_levels}
 * docValues ({@code "de:native"}). The caller lists, for each language the viewer speaks, the four
 * terms a member could hold for it with {@code w(viewer's level) × w(member's level)}; a member's
 * value is the noisy-or {@code 1 - Π(1 - pair)} over its languages, the strongest pair per code
 * when a code appears twice (as the Java side reads it). In [0, 1]; 0 for a member without a
 * listed term. That field is not indexed, so no generic function can compute this.
 *
 * <p>Registered beside {@link MemberPrerankParser} under the same switch.
 */
public final class LanguageFitParser extends ValueSourceParser {
  /** The name the configset registers this parser under. */
  public static final String NAME = "expat_language_fit";

  @Override
  public ValueSource parse(FunctionQParser fp) throws SyntaxError {
    List<String> terms = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    Map<String, Integer> codes = new HashMap<>();
    List<Integer> codeOfTerm = new ArrayList<>();
    while (fp.hasMoreArguments()) {
      String term = fp.parseArg();
      String code = LanguageTerms.code(term);
      if (code == null) {
        throw new SyntaxError(NAME + ": '" + term + "' is not code:level");
      }
      if (!fp.hasMoreArguments()) {
        throw new SyntaxError(NAME + ": '" + term + "' has no weight");
      }
      double weight = fp.parseDouble();
      if (!(weight >= 0 && weight <= 1)) {
        throw new SyntaxError(NAME + ": the weight of '" + term + "' must be in [0, 1], was " + weight);
      }
      terms.add(term);
      weights.add(weight);
      codeOfTerm.add(codes.computeIfAbsent(code, any -> codes.size()));
    }
    return new LanguageFitSource(new LanguageFit(terms, weights.stream().mapToDouble(Double::doubleValue).toArray(),
        codeOfTerm.stream().mapToInt(Integer::intValue).toArray(), codes.size()));
  }
}
