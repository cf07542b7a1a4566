package com.expat.search.common.solr;

import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.solr.client.solrj.ResponseParser;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpSolrClient;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;

/**
 * SolrJ's {@code HttpSolrClient} (Apache HttpClient's blocking exchange, on the caller's thread)
 * that shows {@link CallerThreadCalls} how to end each exchange before it starts: aborting the
 * request closes its connection, which ends a wait for a pooled connection, for the answer's
 * headers or for the rest of its body at once. SolrJ runs every exchange, its errors included, in
 * {@code executeMethod}.
 *
 * <p>A search sent by POST (every search of the query service) has its form body written by {@link
 * FormBody}, the same bytes as SolrJ's, for a fraction of the CPU; every other request is SolrJ's
 * own. The Apache client given is closed with this one.
 */
@SuppressWarnings("deprecation") // HttpSolrClient: SolrJ 9's client over Apache HttpClient, as CloudLegacySolrClient
final class CallerThreadHttpClient extends HttpSolrClient {
  private static final ContentType FORM = ContentType.create("application/x-www-form-urlencoded", "UTF-8");

  private final CloseableHttpClient http;

  CallerThreadHttpClient(HttpSolrClient.Builder builder, CloseableHttpClient http) {
    super(builder.withHttpClient(http));
    this.http = http;
  }

  @Override
  protected NamedList<Object> executeMethod(HttpRequestBase method, Principal userPrincipal, ResponseParser processor,
      boolean isV2Api) throws SolrServerException {
    CallerThreadCalls.endWith(method::abort);
    return super.executeMethod(method, userPrincipal, processor, isV2Api);
  }

  /** As SolrJ builds a POSTed search (URL without parameters, all of them in the body), with the body of {@link FormBody}. */
  @Override
  protected HttpRequestBase createMethod(SolrRequest<?> request, String collection)
      throws IOException, SolrServerException {
    if (!(request instanceof QueryRequest) || request.getMethod() != SolrRequest.METHOD.POST
        || !isEmpty(request.getQueryParams()) || !isEmpty(getUrlParamNames())
        || requestWriter.getContentWriter(request) != null || requestWriter.getContentStreams(request) != null) {
      return super.createMethod(request, collection);
    }
    ResponseParser responseParser = request.getResponseParser() != null ? request.getResponseParser() : parser;
    ModifiableSolrParams params = new ModifiableSolrParams(request.getParams());
    if (responseParser != null) {
      params.set(CommonParams.WT, responseParser.getWriterType());
      params.set(CommonParams.VERSION, responseParser.getVersion());
    }
    if (invariantParams != null) {
      params.add(invariantParams);
    }
    HttpPost post = new HttpPost(ClientUtils.buildRequestUrl(request, requestWriter, baseUrl, collection));
    post.setEntity(new ByteArrayEntity(FormBody.encode(params), FORM));
    return post;
  }

  private static boolean isEmpty(Set<String> names) {
    return names == null || names.isEmpty();
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      http.close();
    }
  }
}
