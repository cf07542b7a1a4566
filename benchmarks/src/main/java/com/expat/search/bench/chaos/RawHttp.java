package com.expat.search.bench.chaos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 GET written byte for byte, for request targets that {@link java.net.URI} refuses
 * to build (a lone {@code %}) but a hostile client sends anyway.
 */
final class RawHttp {
  private RawHttp() {}

  static HostileRequests.Answer get(URI base, String target) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.UTF_8);
      if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
        return new HostileRequests.Answer(-1, "no status line: " + text);
      }
      int status = Integer.parseInt(text.substring(9, 12));
      int bodyStart = text.indexOf("\r\n\r\n");
      return new HostileRequests.Answer(status, bodyStart < 0 ? "" : text.substring(bodyStart + 4));
    } catch (IOException | NumberFormatException e) {
      return new HostileRequests.Answer(-1, e.toString());
    }
  }
}
