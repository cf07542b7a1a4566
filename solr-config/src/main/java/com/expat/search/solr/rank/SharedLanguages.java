package com.expat.search.solr.rank;

import com.expat.search.vocabulary.QueryParsers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.StrUtils;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.schema.FieldType;
import org.apache.solr.search.DocSet;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SolrIndexSearcher;
import org.apache.solr.search.SyntaxError;

/**
 * The query parser {@value #NAME}: {@code {!expat_languages cache=false f=languages v=en,it}}, the
 * members who list any of these terms, as Solr's {@code {!terms f=languages v=en,it}} finds them,
 * from one cached set per language ({@code languages:en}, {@code languages:it}) united per request.
 * Solr's own filter is cached per combination: every viewer's set of languages is one more entry
 * of Solr's filter cache, a bit set over the whole core (125 kB at 1M members) built from the
 * postings of its languages (half the core for English), and the combinations of a million viewers
 * keep pushing each other out; building them was 17 % of Solr's samples on matches at 1M (JFR of
 * 2026-12-04). A language's set stays cached (a few dozen languages), and the union of two or three
 * bit sets is a pass over their words.
 *
 * <p>{@code {!expat_languages cache=false f=languages viewer=V}}: the languages of viewer V, read
 * inside Solr ({@link RequestViewer}); V without languages, or no such member, matches no one.
 *
 * <p>The query service's matches ask for it by name ({@code MatchRules}); plain Solr requests
 * (the cost benchmark's reference) keep Solr's own. Thread-safe.
 */
public final class SharedLanguages extends QParserPlugin {
  public static final String NAME = QueryParsers.LANGUAGES;

  @Override
  public void init(NamedList<?> args) {
    // nothing to configure
  }

  @Override
  public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
    return new QParser(qstr, localParams, params, req) {
      @Override
      public Query parse() throws SyntaxError {
        String field = localParams.get("f");
        if (field == null || req.getSchema().getFieldOrNull(field) == null) {
          throw new SyntaxError(NAME + ": f must name a field, was " + field);
        }
        // With viewer=V, V's own values of the field, V read inside Solr (RequestViewer).
        String viewer = localParams.get("viewer");
        List<String> values = viewer != null ? RequestViewer.of(req, viewer).values(field)
            : qstr == null || qstr.isEmpty() ? List.of() : StrUtils.splitSmart(qstr, ',');
        if (values.isEmpty()) {
          return new MatchNoDocsQuery();
        }
        // As Solr's terms parser reads its values: split on commas, each read as the field's type.
        FieldType type = req.getSchema().getField(field).getType();
        SortedSet<BytesRef> terms = new TreeSet<>();
        for (String value : values) {
          BytesRefBuilder term = new BytesRefBuilder();
          type.readableToIndexed(value, term);
          terms.add(term.toBytesRef());
        }
        return new AnyTermQuery(field, List.copyOf(terms));
      }
    };
  }

  /** Documents with any of {@code terms} in {@code field}: the union of each term's cached set. */
  static final class AnyTermQuery extends Query {
    private final String field;
    private final List<BytesRef> terms;

    AnyTermQuery(String field, List<BytesRef> terms) {
      this.field = field;
      this.terms = terms;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
      if (!(searcher instanceof SolrIndexSearcher solr)) {
        return new TermInSetQuery(field, terms).createWeight(searcher, scoreMode, boost);
      }
      DocSet union = null;
      for (BytesRef term : terms) {
        DocSet one = solr.getDocSet(new TermQuery(new Term(field, term)));
        union = union == null ? one : union.union(one);
      }
      Query members = union == null ? new MatchNoDocsQuery() : union.makeQuery();
      return members.createWeight(searcher, scoreMode, boost);
    }

    @Override
    public void visit(QueryVisitor visitor) {
      if (visitor.acceptField(field)) {
        List<Term> all = new ArrayList<>(terms.size());
        terms.forEach(term -> all.add(new Term(field, term)));
        visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.SHOULD, this)
            .consumeTerms(this, all.toArray(new Term[0]));
      }
    }

    @Override
    public boolean equals(Object other) {
      return sameClassAs(other) && field.equals(((AnyTermQuery) other).field)
          && terms.equals(((AnyTermQuery) other).terms);
    }

    @Override
    public int hashCode() {
      return Objects.hash(classHash(), field, terms);
    }

    @Override
    public String toString(String defaultField) {
      StringBuilder text = new StringBuilder("{!" + NAME + " f=" + field + "}");
      for (int i = 0; i < terms.size(); i++) {
        text.append(i == 0 ? "" : ",").append(terms.get(i).utf8ToString());
      }
      return text.toString();
    }
  }
}
