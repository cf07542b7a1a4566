package com.expat.search.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports: checked free before a node binds, or picked free for one. */
final class Ports {
  private Ports() {}

  /**
   * @throws LaunchException saying how to pick another when {@code port} is taken; 0 passes
   */
  static void requireFree(int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new LaunchException(taken(port), e);
    }
  }

  /** A port free on the loopback interface right now. */
  static int free() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback interface", e);
    }
  }

  static String taken(int port) {
    return "port " + port + " on 127.0.0.1 is already in use (another Solr?);"
        + " stop it, or choose another with --port or SOLR_PORT (0 picks a free one)";
  }
}
