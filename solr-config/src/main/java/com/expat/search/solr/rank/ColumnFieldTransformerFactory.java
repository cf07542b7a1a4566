package com.expat.search.solr.rank;

import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.apache.lucene.geo.GeoEncodingUtils;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.response.ResultContext;
import org.apache.solr.response.transform.DocTransformer;
import org.apache.solr.response.transform.TransformerFactory;
import org.apache.solr.schema.LatLonPointSpatialField;
import org.apache.solr.search.DocIterator;
import org.apache.solr.search.DocList;

/**
 * {@code fl=...,city_id:[expat_field],interests:[expat_field],...}: a member's page field written
 * from the segment's {@link MemberColumns}, the transformer's alias naming the field. The
 * same value as Solr writes from the docValues when {@code fl} names the field itself (same type,
 * values in term order, absent when the document has none), without Solr's per-document docValues
 * iterators and term look-ups: reading the page's seven docValues fields was ~18 % of Solr's
 * samples on a member search with text at 200k (docs/benchmarks.md). An alias is not a field Solr
 * reads, so only the columns are; when {@code fl} names no field but aliases and {@code score},
 * Solr reads no stored field either: the page's texts come from their binary docValues copies
 * ({@link PageText}; Solr's stored-fields read was ~11 % of its CPU on a member search with text
 * at 200k, and a heap copy in the columns cost ~60 bytes a member). The fields:
 * {@value MemberFields#ID}, {@value MemberFields#DISPLAY_NAME}, {@value MemberFields#HEADLINE},
 * {@value MemberFields#OCCUPATION} (stored; written from their docValues copies), {@value MemberFields#CITY_ID}, {@value
 * MemberFields#CITY_NAME}, {@value MemberFields#COUNTRY_CODE}, {@value
 * MemberFields#ORIGIN_COUNTRY}, {@value MemberFields#LANGUAGE_LEVELS}, {@value
 * MemberFields#INTERESTS}, {@value MemberFields#LOCATION}. Stateless; a transformer is per request.
 */
public final class ColumnFieldTransformerFactory extends TransformerFactory {
  /** Each field's value for segment document {@code doc}, null when it has none. */
  private static final Map<String, BiFunction<MemberColumns, Integer, Object>> FIELDS = Map.ofEntries(
      Map.entry(MemberFields.CITY_ID, (columns, doc) -> place(columns, doc) == null ? null : place(columns, doc).cityId()),
      Map.entry(MemberFields.CITY_NAME,
          (columns, doc) -> place(columns, doc) == null ? null : place(columns, doc).cityName()),
      Map.entry(MemberFields.COUNTRY_CODE,
          (columns, doc) -> place(columns, doc) == null ? null : place(columns, doc).countryCode()),
      Map.entry(MemberFields.ORIGIN_COUNTRY,
          (columns, doc) -> columns.origin[doc] < 0 ? null : columns.origins[columns.origin[doc]]),
      Map.entry(MemberFields.LANGUAGE_LEVELS, ColumnFieldTransformerFactory::languages),
      Map.entry(MemberFields.INTERESTS, ColumnFieldTransformerFactory::interests),
      Map.entry(MemberFields.LOCATION, ColumnFieldTransformerFactory::location));

  @Override
  public DocTransformer create(String field, SolrParams params, SolrQueryRequest req) {
    if (!(req.getCore().getQueryPlugin(MatchesRankParser.NAME) instanceof MatchesRankParser plugin)) {
      throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, MatchesRankParser.NAME + " is not registered");
    }
    BiFunction<MemberColumns, Integer, Object> value = FIELDS.get(field);
    int textField = PageText.Page.FIELDS.indexOf(field);
    boolean text = textField >= 0;
    if (value == null && !text) {
      throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, field + ": name one of "
          + Stream.concat(FIELDS.keySet().stream(), PageText.Page.FIELDS.stream()).sorted().toList()
          + " as the alias, as in city_id:[...]");
    }
    return new DocTransformer() {
      private LeafReaderContext leaf;
      private MemberColumns columns;
      private PageText.Page page;

      @Override
      public void setContext(ResultContext context) {
        super.setContext(context);
        page = text ? sharedPage(context) : null;
      }

      @Override
      public String getName() {
        return field;
      }

      @Override
      public boolean needsSolrIndexSearcher() {
        return true;
      }

      @Override
      public void transform(SolrDocument doc, int docid) {
        Object written;
        try {
          if (!text) {
            if (leaf == null || docid < leaf.docBase || docid >= leaf.docBase + leaf.reader().maxDoc()) {
              List<LeafReaderContext> leaves = context.getSearcher().getIndexReader().leaves();
              leaf = leaves.get(ReaderUtil.subIndex(docid, leaves));
              columns = plugin.columns().columns(leaf.reader());
            }
            written = value.apply(columns, docid - leaf.docBase);
          } else {
            int at = page == null ? -1 : page.indexOf(docid);
            written = at >= 0 ? page.value(textField, at) // a document outside a page (a real-time get's): a page of one
                : PageText.page(context.getSearcher().getIndexReader(), new int[] {docid}).value(textField, 0);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (written != null) {
          doc.setField(field, written);
        }
      }
    };
  }

  /** The request's key of the page's texts, read once for the four text fields' transformers. */
  private static final Object PAGE = new Object();

  private record PageOfList(DocList list, PageText.Page page) {}

  /**
   * The page's four texts, read once per page in ascending order ({@link PageText#page}) and shared
   * by the text fields' transformers; null without a page (a real-time get's document).
   */
  static PageText.Page sharedPage(ResultContext context) {
    DocList list = context.getDocList();
    SolrQueryRequest req = context.getRequest();
    if (list == null || req == null || context.getSearcher() == null) {
      return null;
    }
    if (req.getContext().get(PAGE) instanceof PageOfList shared && shared.list() == list) {
      return shared.page();
    }
    int[] docs = new int[list.size()];
    DocIterator ids = list.iterator();
    for (int i = 0; i < docs.length && ids.hasNext(); i++) {
      docs[i] = ids.nextDoc();
    }
    try {
      PageText.Page page = PageText.page(context.getSearcher().getIndexReader(), docs);
      req.getContext().put(PAGE, new PageOfList(list, page));
      return page;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MemberColumns.Place place(MemberColumns columns, int doc) {
    return columns.place[doc] < 0 ? null : columns.places[columns.place[doc]];
  }

  private static List<String> languages(MemberColumns columns, int doc) {
    return columns.languageSet[doc] < 0 ? null : Arrays.asList(columns.languageTerms(doc));
  }

  static List<String> interests(MemberColumns columns, int doc) {
    int start = columns.interestStart[doc];
    int end = columns.interestStart[doc + 1];
    if (start == end) {
      return null;
    }
    String[] slugs = new String[end - start];
    for (int i = 0; i < slugs.length; i++) {
      slugs[i] = columns.interests[columns.interestOrds[start + i]];
    }
    return Arrays.asList(slugs);
  }

  /** As Solr writes a {@code location} from its docValues; the columns' coordinates encode back exactly. */
  static String location(MemberColumns columns, int doc) {
    if (Double.isNaN(columns.latitude[doc])) {
      return null;
    }
    long encoded = ((long) GeoEncodingUtils.encodeLatitude(columns.latitude[doc]) << 32)
        | (GeoEncodingUtils.encodeLongitude(columns.longitude[doc]) & 0xFFFFFFFFL);
    return LatLonPointSpatialField.decodeDocValueToString(encoded);
  }
}
