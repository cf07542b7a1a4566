package com.expat.search.bench.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Load is only ever sent to this machine: every target URL must name a loopback address. */
public final class Loopback {
  private Loopback() {}

  /**
   * Parses {@code url} and checks that its host resolves only to loopback addresses.
   *
   * @throws IllegalArgumentException naming the URL when it is not http(s) or not loopback
   */
  public static URI require(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a URL: " + url, e);
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("URL " + url + " must be http:// or https://");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("URL " + url + " names no host");
    }
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      for (InetAddress address : addresses) {
        if (!address.isLoopbackAddress()) {
          throw new IllegalArgumentException(
              "refusing to send load to " + url + ": " + host + " resolves to " + address.getHostAddress()
                  + ", which is not a loopback address (load goes only to this machine)");
        }
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot resolve the host of " + url, e);
    }
    String text = uri.toString();
    return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
  }
}
