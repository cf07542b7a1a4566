package com.expat.search.common.solr;

import java.util.Arrays;
import java.util.Iterator;
import org.apache.solr.common.params.SolrParams;

/**
 * Solr parameters as an {@code application/x-www-form-urlencoded} body in UTF-8, byte for byte as
 * SolrJ's {@code HttpSolrClient} writes them through Apache HttpClient's {@code
 * UrlEncodedFormEntity} (names in the parameters' order, each value as {@code name=value}; letters,
 * digits and {@code _-.*} as they are, a space as {@code +}, every other byte as {@code %XX}, an
 * unpaired surrogate as {@code ?}), written straight into bytes: that encoder made a charset
 * encoder's buffers for every name and value, ~10 % of the query service's CPU samples per member
 * search (JFR, docs/benchmarks.md). The bytes go into a plain array, not a {@code
 * ByteArrayOutputStream}, whose every one-byte write takes its monitor and checks its capacity
 * (a ranked request's body is 2–4 kB). Stateless.
 */
final class FormBody {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private FormBody() {}

  static byte[] encode(SolrParams params) {
    Bytes body = new Bytes(4_096);
    boolean first = true;
    for (Iterator<String> names = params.getParameterNamesIterator(); names.hasNext(); ) {
      String name = names.next();
      String[] values = params.getParams(name);
      if (values == null) {
        continue;
      }
      for (String value : values) {
        if (!first) {
          body.write('&');
        }
        first = false;
        write(body, name);
        if (value != null) {
          body.write('=');
          write(body, value);
        }
      }
    }
    return body.toByteArray();
  }

  private static void write(Bytes body, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
            || c == '_' || c == '-' || c == '.' || c == '*') {
          body.write(c);
        } else if (c == ' ') {
          body.write('+');
        } else {
          escaped(body, c);
        }
      } else if (c < 0x800) {
        escaped(body, 0xC0 | c >> 6);
        escaped(body, 0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        int point = Character.toCodePoint(c, text.charAt(++i));
        escaped(body, 0xF0 | point >> 18);
        escaped(body, 0x80 | point >> 12 & 0x3F);
        escaped(body, 0x80 | point >> 6 & 0x3F);
        escaped(body, 0x80 | point & 0x3F);
      } else if (Character.isSurrogate(c)) {
        escaped(body, '?'); // what the UTF-8 encoder puts for a surrogate without its pair
      } else {
        escaped(body, 0xE0 | c >> 12);
        escaped(body, 0x80 | c >> 6 & 0x3F);
        escaped(body, 0x80 | c & 0x3F);
      }
    }
  }

  private static void escaped(Bytes body, int b) {
    body.write('%');
    body.write(HEX[b >> 4 & 0xF]);
    body.write(HEX[b & 0xF]);
  }

  /** A growing byte array, for one thread. */
  private static final class Bytes {
    private byte[] bytes;
    private int size;

    Bytes(int capacity) {
      bytes = new byte[capacity];
    }

    void write(int b) {
      if (size == bytes.length) {
        bytes = Arrays.copyOf(bytes, size * 2);
      }
      bytes[size++] = (byte) b;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }
}
