package com.expat.search.solr.rank;

import com.expat.search.vocabulary.QueryParsers;
import java.util.List;
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
 * The query parser {@value #NAME}: {@code {!expat_viewer_terms f=id viewer=V v=blocked_ids}}, the
 * documents whose {@code f} is one of the values of viewer V's own field {@code v}, V read inside
 * Solr ({@link RequestViewer}): what Solr's {@code {!terms f=id v=...}} finds with V's list written
 * out, without the service reading V first. No values (or no such member), no documents: as a
 * negative filter ({@code -{!expat_viewer_terms ...}}) it then excludes no one. Per viewer, so the
 * service keeps it out of the filter cache ({@code cache=false}). Thread-safe.
 */
public final class ViewerTerms extends QParserPlugin {
  public static final String NAME = QueryParsers.VIEWER_TERMS;

  @Override
  public void init(NamedList<?> args) {
    // nothing to configure
  }

  @Override
  public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
    return new QParser(qstr, localParams, params, req) {
      @Override
      public Query parse() throws SyntaxError {
        SchemaField field = field(req, localParams.get("f"));
        String from = localParams.get("v", qstr);
        if (from == null || req.getSchema().getFieldOrNull(from) == null) {
          throw new SyntaxError(NAME + ": v must name a field of the viewer, was " + from);
        }
        RequestViewer viewer = RequestViewer.of(req, localParams.get("viewer"));
        List<String> values = viewer.values(from);
        if (values.isEmpty()) {
          return new MatchNoDocsQuery();
        }
        return field.getType().getSetQuery(this, field, values);
      }
    };
  }

  static SchemaField field(SolrQueryRequest req, String name) throws SyntaxError {
    SchemaField field = name == null ? null : req.getSchema().getFieldOrNull(name);
    if (field == null) {
      throw new SyntaxError(NAME + ": f must name a field, was " + name);
    }
    return field;
  }
}
