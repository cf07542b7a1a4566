package com.expat.search.common.solr;

import java.io.InputStream;
import org.apache.solr.client.solrj.ResponseParser;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.common.util.NamedList;

/**
 * SolrJ's {@code HttpJdkSolrClient} that shows {@link CallerThreadCalls} the body of each answer
 * before anything reads it, so that a call past its limit can be ended even while the answer's
 * body has stopped mid-way. SolrJ reads every answer's body (its errors included) in {@code
 * processErrorsAndResponse}, on the calling thread for synchronous requests.
 */
final class CallerThreadJdkClient extends HttpJdkSolrClient {
  CallerThreadJdkClient(String baseUrl, HttpJdkSolrClient.Builder builder) {
    super(baseUrl, builder);
  }

  @Override
  protected NamedList<Object> processErrorsAndResponse(int httpStatus, String responseReason, String responseMethod,
      ResponseParser processor, InputStream body, String mimeType, String encoding, boolean isV2Api,
      String urlExceptionMessage) throws SolrServerException {
    CallerThreadCalls.reading(body);
    return super.processErrorsAndResponse(httpStatus, responseReason, responseMethod, processor, body, mimeType,
        encoding, isV2Api, urlExceptionMessage);
  }
}
