package com.expat.search.query.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import org.apache.http.NoHttpResponseException;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A read whose connection closes before any byte of an answer (as a kept-alive connection that
 * Solr closed just as the client reused it does) is sent once more on another connection, against
 * a real Solr behind a TCP forwarder that can drop a connection once it has read a request.
 */
@ExtendWith(SolrExtension.class)
class ClosedConnectionIT {
  private static DroppingForwarder forwarder;
  private static SolrSettings settings;
  private static String core;

  @BeforeAll
  static void world(SolrCores solr) throws Exception {
    solr.client().add(solr.members(), SolrIndexIT.members(5));
    solr.client().commit(solr.members());
    core = solr.members();
    URI solrUrl = URI.create(solr.baseUrl());
    forwarder = new DroppingForwarder(solrUrl.getHost(), solrUrl.getPort());
    settings = SolrSettings.at(URI.create("http://127.0.0.1:" + forwarder.port() + solrUrl.getPath()))
        .withRequestTimeout(Duration.ofSeconds(10));
  }

  @AfterAll
  static void close() throws Exception {
    forwarder.close();
  }

  @Test
  void aReadWhoseConnectionClosesUnansweredIsAnsweredOnAnother() throws Exception {
    assertThat(countDropping(1, index -> index.query(core, everyone()).getResults().getNumFound())).isEqualTo(5);
    assertThat(forwarder.dropped() - droppedBefore).as("connections closed unanswered").isEqualTo(1);
  }

  @Test
  void aReadIsSentAgainOnceNotMore() {
    assertThatThrownBy(() -> countDropping(2, index -> index.query(core, everyone()).getResults().getNumFound()))
        .isInstanceOf(IndexUnavailableException.class)
        .hasRootCauseInstanceOf(NoHttpResponseException.class);
    assertThat(forwarder.dropped() - droppedBefore).as("connections closed unanswered").isEqualTo(2);
  }

  @Test
  void aConnectionEndingUnansweredIsToldFromATimeLimitAndFromOtherFailures() {
    assertThat(SolrIndex.closedUnanswered(new SolrServerException("IOException occurred when talking to server",
        new NoHttpResponseException("127.0.0.1:8983 failed to respond")))).isTrue();
    assertThat(SolrIndex.closedUnanswered(new RuntimeException("wrapped",
        new IOException("HTTP/1.1 header parser received no bytes")))).isTrue();
    assertThat(SolrIndex.closedUnanswered(new IOException("no answer within 500 ms",
        new TimeoutException()))).isFalse();
    assertThat(SolrIndex.closedUnanswered(new ConnectException("Connection refused"))).isFalse();
    assertThat(SolrIndex.closedUnanswered(new IOException("closed mid-body"))).isFalse();
  }

  private int droppedBefore;

  /**
   * {@code read} within one request's budget through a client of its own (no kept-alive connection
   * yet, so the first attempt opens a connection the forwarder drops), the next {@code drops} new
   * connections dropped.
   */
  private long countDropping(int drops, ToLongFunction<SolrIndex> read) throws Exception {
    try (SolrClient client = SolrClients.forReads(settings)) {
      RequestBudget budget = new RequestBudget(Duration.ofSeconds(10), Ticker.systemTicker());
      SolrIndex index = SolrIndex.of(client, new SimpleMeterRegistry(), settings, budget);
      droppedBefore = forwarder.dropped();
      forwarder.drop(drops);
      budget.start();
      try {
        return read.applyAsLong(index);
      } finally {
        budget.end();
      }
    }
  }

  private static ModifiableSolrParams everyone() {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "*:*");
    params.set("rows", 0);
    return params;
  }

  /**
   * Forwards TCP connections to Solr, byte for byte; while drops are asked for, a new connection's
   * first bytes (a request) are read and the connection is closed without a byte back.
   */
  private static final class DroppingForwarder implements AutoCloseable {
    private final String host;
    private final int port;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger toDrop = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    DroppingForwarder(String host, int port) throws IOException {
      this.host = host;
      this.port = port;
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      threads.execute(this::accept);
    }

    int port() {
      return server.getLocalPort();
    }

    /** The next {@code connections} new connections are closed once a request arrives on them. */
    void drop(int connections) {
      toDrop.set(connections);
    }

    int dropped() {
      return dropped.get();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          threads.execute(() -> serve(socket));
        } catch (IOException e) {
          return;
        }
      }
    }

    private void serve(Socket socket) {
      open.add(socket);
      try (socket) {
        InputStream in = socket.getInputStream();
        byte[] first = new byte[8192];
        int read = in.read(first);
        if (read <= 0) {
          return;
        }
        if (toDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          dropped.incrementAndGet();
          return;
        }
        try (Socket solr = new Socket(host, port)) {
          open.add(solr);
          OutputStream toSolr = solr.getOutputStream();
          toSolr.write(first, 0, read);
          toSolr.flush();
          threads.execute(() -> pump(in, solr));
          solr.getInputStream().transferTo(socket.getOutputStream());
        } finally {
          open.removeIf(Socket::isClosed);
        }
      } catch (IOException e) {
        // either side closed: so is the other
      }
    }

    /** The client's bytes to Solr until the client closes, then Solr's side is told so. */
    private static void pump(InputStream from, Socket solr) {
      try {
        from.transferTo(solr.getOutputStream());
        solr.shutdownOutput();
      } catch (IOException e) {
        // the connection ended
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket socket : open) {
        socket.close();
      }
      threads.shutdownNow();
    }
  }
}
