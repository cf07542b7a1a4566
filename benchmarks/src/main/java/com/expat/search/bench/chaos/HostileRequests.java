package com.expat.search.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Phase (c): hostile requests to every endpoint: fuzzed parameter names and values, Solr query
 * syntax, huge values, bad UTF-8 and bad percent-encoding, out-of-range numbers, odd path ids. No
 * answer may be a 5xx (or a dropped connection), and no Solr syntax may be interpreted: a member
 * or event search whose text is query syntax finds no more than its plain words do (none when it
 * has no words).
 */
final class HostileRequests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SYNTAX = {
    "*:*", "*", "id:*", "display_name:*", "{!lucene}*:*", "{!xmlparser v='<a/>'}", "{!func}sum(1,1)",
    "[* TO *]", "searchable:false", "*:* OR id:1", "_query_:\"{!dismax}berlin\"", "\"unbalanced (quote",
    "(((((", "\\", "a AND NOT b", "+berlin -paris", "berl~2", "ber?in", "/.*/", "berlin^1000", "id:[0 TO 100]",
    "local:{!terms f=id}1,2,3", "q=*:*&fq=*:*", "${jndi:ldap://x}", "'; DROP TABLE members; --", "<script>1</script>",
    "\u0000", "ｂｅｒｌｉｎ", "berlin OR *:*", "engineer AND searchable:false"
  };
  private static final String[] BAD_ENCODINGS = {
    "%C3%28", "%FF%FE", "%ED%A0%80", "%E2%82", "%00", "%", "%G1", "%C0%AF", "%F4%90%80%80", "%25%", "a%2", "%u0041"
  };
  private static final String[] NUMBERS = {
    "0", "-1", "-0", "NaN", "Infinity", "-Infinity", "1e309", "9999999999999999999999", "1.5", "0x10", "", " 7",
    "2147483648", "-9223372036854775809", "51"
  };
  private static final String[] PARAMS = {
    "q", "near", "radius_km", "lang", "interest", "origin", "viewer", "sort", "facets", "size", "page", "city",
    "profile", "explain", "from", "to", "days", "types", "weights", "fl", "fq", "defType", "qt", "wt", "rows",
    "start", "json", "debug", "shards", "stream.body", "q.op", "df"
  };
  private static final String[] ENDPOINTS = {
    "/v1/members/search", "/v1/members/%s/matches", "/v1/events/search", "/v1/members/%s/events", "/v1/suggest"
  };
  private static final String[] PATH_IDS = {
    "1", "2", "0", "-1", "999999999999", "99999999999999999999", "abc", "1%20OR%201", "%2F..%2F", "1.0", "%00", "*"
  };

  private final URI base;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HostileRequests(URI base, PrintStream out) {
    this.base = base;
    this.out = out;
  }

  /** A few plain requests to every endpoint, so that a cold start is not counted against the fuzzing. */
  void warmUp() {
    for (int i = 0; i < 10; i++) {
      for (String path : List.of("/v1/members/search?q=berlin", "/v1/members/1/matches", "/v1/events/search?q=jazz",
          "/v1/members/1/events", "/v1/suggest?q=be")) {
        send(path);
      }
    }
  }

  Map<String, Object> run(int count, int threads, long seed) throws Exception {
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> interpreted = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger syntaxChecks = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    Map<String, Long> plainTotals = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      SplittableRandom random = new SplittableRandom(seed * 31 + t);
      workers.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < count) {
          boolean syntaxProbe = i % 5 == 0;
          String path = syntaxProbe ? syntaxProbe(random) : fuzzed(random);
          Answer answer = send(path);
          statuses.merge(answer.status(), 1, Integer::sum);
          if (answer.status() >= 500 || answer.status() < 0) {
            serverErrors.add(answer.status() + " " + shorten(path));
          }
          if (syntaxProbe && answer.status() == 200) {
            syntaxChecks.incrementAndGet();
            String violation = interpreted(path, answer, plainTotals);
            if (violation != null) {
              interpreted.add(violation);
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("requests", count);
    result.put("statuses", new TreeMap<>(statuses));
    result.put("serverErrors", serverErrors.size());
    result.put("firstServerErrors", serverErrors.subList(0, Math.min(10, serverErrors.size())));
    result.put("syntaxSearchesChecked", syntaxChecks.get());
    result.put("syntaxInterpreted", interpreted.size());
    result.put("firstSyntaxInterpreted", interpreted.subList(0, Math.min(10, interpreted.size())));
    out.printf("(c) %d hostile requests: statuses %s; 5xx or dropped: %d; searches with query syntax checked: %d,"
        + " syntax interpreted: %d%n", count, new TreeMap<>(statuses), serverErrors.size(), syntaxChecks.get(),
        interpreted.size());
    serverErrors.stream().limit(10).forEach(error -> out.println("(c)   5xx: " + error));
    interpreted.stream().limit(10).forEach(violation -> out.println("(c)   interpreted: " + violation));
    return result;
  }

  /** A member or event search whose whole text is query syntax (maybe around a plain word). */
  private static String syntaxProbe(SplittableRandom random) {
    String endpoint = random.nextBoolean() ? "/v1/members/search" : "/v1/events/search";
    String text = SYNTAX[random.nextInt(SYNTAX.length)];
    if (random.nextInt(3) == 0) {
      text = text + " " + new String[] {"berlin", "engineer", "jazz", "müller"}[random.nextInt(4)];
    }
    return endpoint + "?q=" + encode(text) + "&size=50";
  }

  private static String fuzzed(SplittableRandom random) {
    String endpoint = ENDPOINTS[random.nextInt(ENDPOINTS.length)];
    if (endpoint.contains("%s")) {
      endpoint = endpoint.replace("%s", PATH_IDS[random.nextInt(PATH_IDS.length)]);
    }
    StringBuilder query = new StringBuilder();
    int params = random.nextInt(6);
    for (int p = 0; p < params; p++) {
      query.append(p == 0 ? '?' : '&');
      String name = random.nextInt(10) == 0 ? randomName(random) : PARAMS[random.nextInt(PARAMS.length)];
      query.append(encode(name)).append('=').append(value(random));
    }
    return endpoint + query;
  }

  private static String randomName(SplittableRandom random) {
    return random.nextBoolean() ? "x" + random.nextInt(1000) : new String(new char[] {(char) (0x80 + random.nextInt(0x700))});
  }

  private static String value(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> encode(SYNTAX[random.nextInt(SYNTAX.length)]);
      case 1 -> BAD_ENCODINGS[random.nextInt(BAD_ENCODINGS.length)];
      case 2 -> encode(NUMBERS[random.nextInt(NUMBERS.length)]);
      case 3 -> encode("x".repeat(1 + random.nextInt(random.nextBoolean() ? 2_000 : 20_000)));
      case 4 -> encode(NUMBERS[random.nextInt(NUMBERS.length)] + "," + NUMBERS[random.nextInt(NUMBERS.length)]);
      default -> encode(new String[] {"en", "de", "hiking", "distance", "recent", "true", "default", "city,member",
          "text:5", "text:101", "2026-13-45", "2026-06-01T00:00:00Z"}[random.nextInt(12)]);
    };
  }

  /** Percent-encodes every byte but unreserved characters, so any text is a legal URI part. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }

  record Answer(int status, String body) {}

  private Answer send(String pathAndQuery) {
    URI uri;
    try {
      uri = URI.create(base + pathAndQuery);
    } catch (IllegalArgumentException e) {
      // Not even a URI to our client (a lone %): send the bytes ourselves.
      return RawHttp.get(base, pathAndQuery);
    }
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Answer(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, "interrupted");
    }
  }

  /** Null when the syntax search found no more than its plain words; else what went wrong. */
  private String interpreted(String path, Answer answer, Map<String, Long> plainTotals) {
    String endpoint = path.substring(0, path.indexOf('?'));
    String text = java.net.URLDecoder.decode(path.substring(path.indexOf("?q=") + 3, path.indexOf("&size")),
        StandardCharsets.UTF_8);
    List<String> words = new ArrayList<>();
    for (String token : text.split("[^\\p{L}\\p{N}]+")) {
      if (!token.isEmpty()) {
        words.add(token);
      }
    }
    long total = total(answer.body());
    long plain;
    if (words.isEmpty() && !text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      plain = 0; // syntax alone: nothing to search for
    } else {
      // plain words; a blank text (spaces, control characters) is compared with no text at all
      String key = endpoint + "|" + String.join(" ", words);
      plain = plainTotals.computeIfAbsent(key, k -> {
        Answer plainAnswer = send(endpoint + "?q=" + encode(String.join(" ", words)) + "&size=50");
        if (plainAnswer.status() == 400 && words.isEmpty()) {
          plainAnswer = send(endpoint + "?size=50");
        }
        return plainAnswer.status() == 200 ? total(plainAnswer.body()) : Long.MAX_VALUE;
      });
    }
    return total > plain ? "q=" + shorten(text) + " on " + endpoint + " found " + total + ", its plain words "
        + String.join(" ", words) + " " + plain : null;
  }

  private static long total(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      return root.path("total").asLong(root.path("items").size());
    } catch (IOException e) {
      return -1;
    }
  }

  private static String shorten(String text) {
    return text.length() > 100 ? text.substring(0, 100) + "..." : text;
  }
}
