package com.expat.search.common.solr;

import java.security.Principal;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.solr.client.solrj.ResponseParser;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpSolrClient;
import org.apache.solr.common.util.NamedList;

/**
 * SolrJ's {@code HttpSolrClient} (Apache HttpClient's blocking exchange, on the caller's thread)
 * that shows {@link CallerThreadCalls} how to end each exchange before it starts: aborting the
 * request closes its connection, which ends a wait for a pooled connection, for the answer's
 * headers or for the rest of its body at once. SolrJ runs every exchange, its errors included, in
 * {@code executeMethod}.
 */
@SuppressWarnings("deprecation") // HttpSolrClient: SolrJ 9's client over Apache HttpClient, as CloudLegacySolrClient
final class CallerThreadHttpClient extends HttpSolrClient {
  CallerThreadHttpClient(HttpSolrClient.Builder builder) {
    super(builder);
  }

  @Override
  protected NamedList<Object> executeMethod(HttpRequestBase method, Principal userPrincipal, ResponseParser processor,
      boolean isV2Api) throws SolrServerException {
    CallerThreadCalls.endWith(method::abort);
    return super.executeMethod(method, userPrincipal, processor, isV2Api);
  }
}
