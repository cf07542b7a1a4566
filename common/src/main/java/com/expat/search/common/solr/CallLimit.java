package com.expat.search.common.solr;

import java.io.IOException;
import org.apache.solr.client.solrj.SolrServerException;

/** Waits for a SolrJ call no longer than a limit of the caller's choosing. Thread-safe. */
public interface CallLimit {
  /**
   * The call's result, waiting at most about {@code nanos}. Its exceptions are rethrown as they are.
   *
   * @throws IOException when there was no answer in time ({@link java.util.concurrent.TimeoutException}
   *     as cause) or the caller was interrupted
   */
  <T> T call(BoundedCalls.SolrCall<T> call, long nanos) throws SolrServerException, IOException;
}
