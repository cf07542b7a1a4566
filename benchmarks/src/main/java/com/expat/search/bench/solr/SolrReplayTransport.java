package com.expat.search.bench.solr;

import com.expat.search.bench.load.LoadRequest;
import com.expat.search.bench.load.Loopback;
import com.expat.search.bench.load.Reply;
import com.expat.search.bench.load.Transport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Replays captured Solr calls straight to Solr: a {@link LoadRequest} whose path is
 * {@code #<index>} stands for the {@code index}-th {@link CapturedRequest}, whose calls go out one
 * after the other (as the service makes them); the reply is the worst status, tier {@code solr}.
 * Thread-safe.
 */
public final class SolrReplayTransport implements Transport {
  public static final String TIER = "solr";

  private final HttpClient client;
  private final URI root;
  private final List<CapturedRequest> captured;
  private final Duration timeout;

  public SolrReplayTransport(String solrUrl, List<CapturedRequest> captured, Duration timeout, Executor executor) {
    URI checked = Loopback.require(solrUrl);
    this.root = URI.create(checked.getScheme() + "://" + checked.getRawAuthority());
    this.captured = List.copyOf(captured);
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
        .executor(executor).build();
  }

  /** One load request per captured request that made at least one Solr call. */
  public static List<LoadRequest> requests(List<CapturedRequest> captured) {
    java.util.ArrayList<LoadRequest> result = new java.util.ArrayList<>();
    for (int i = 0; i < captured.size(); i++) {
      if (!captured.get(i).calls().isEmpty()) {
        result.add(new LoadRequest(captured.get(i).endpoint(), "/#" + i));
      }
    }
    return result;
  }

  @Override
  public CompletableFuture<Reply> send(LoadRequest request) {
    CapturedRequest original = captured.get(Integer.parseInt(request.path().substring(2)));
    CompletableFuture<Integer> chain = CompletableFuture.completedFuture(200);
    for (SolrCall call : original.calls()) {
      chain = chain.thenCompose(worst -> one(call).thenApply(status -> Math.max(worst, status)));
    }
    return chain.thenApply(status -> new Reply(status, TIER));
  }

  private CompletableFuture<Integer> one(SolrCall call) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + call.path())).timeout(timeout);
    if (call.contentType() != null) {
      builder.header("Content-Type", call.contentType());
    }
    byte[] body = call.body();
    builder.method(call.method(), body.length == 0
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    return client.sendAsync(builder.build(), HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
  }
}
