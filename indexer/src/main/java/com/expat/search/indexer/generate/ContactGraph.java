package com.expat.search.indexer.generate;

import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The accepted-contacts graph: each member wants a power-law number of contacts (many have a
 * few, some hundreds), found mostly in their own city among candidates of the same origin and
 * shared interests (homophily), else among compatriots anywhere or anyone. Undirected edges are
 * kept once as sorted longs, then as an adjacency (CSR) so both directions come out in
 * (member_id, contact_id) order. About 12 bytes per directed contact row.
 */
final class ContactGraph {
  static final double POWER_LAW_ALPHA = 2.3;
  static final int MAX_DEGREE = 800;
  static final double SAME_CITY = 0.8;
  private static final int CANDIDATES = 4;

  private final long seed;
  private final Instant now;
  private final Population population;
  private int[] start;
  private int[] neighbours;

  ContactGraph(long seed, Instant now, Population population) {
    this.seed = seed;
    this.now = now;
    this.population = population;
  }

  void build() {
    int n = population.size;
    int[] wanted = new int[n];
    long total = 0;
    for (int member = 0; member < n; member++) {
      SplittableRandom random = Seeds.random(seed, Seeds.CONTACTS, member);
      wanted[member] = wantedInitiated(random, member);
      total += wanted[member];
    }
    long[] edges = new long[Math.toIntExact(total)];
    int count = 0;
    for (int member = 0; member < n; member++) {
      SplittableRandom random = Seeds.random(seed, Seeds.CONTACTS ^ 1, member);
      for (int k = 0; k < wanted[member]; k++) {
        int other = partner(member, random);
        if (other >= 0 && other != member) {
          edges[count++] = key(member, other);
        }
      }
    }
    Arrays.sort(edges, 0, count);
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      if (distinct == 0 || edges[i] != edges[distinct - 1]) {
        edges[distinct++] = edges[i];
      }
    }
    start = new int[n + 1];
    for (int i = 0; i < distinct; i++) {
      start[low(edges[i]) + 1]++;
      start[high(edges[i]) + 1]++;
    }
    for (int i = 1; i <= n; i++) {
      start[i] += start[i - 1];
    }
    neighbours = new int[start[n]];
    int[] next = Arrays.copyOf(start, n);
    for (int i = 0; i < distinct; i++) {
      int a = low(edges[i]);
      int b = high(edges[i]);
      neighbours[next[a]++] = b;
      neighbours[next[b]++] = a;
    }
    for (int member = 0; member < n; member++) {
      Arrays.sort(neighbours, start[member], start[member + 1]);
    }
  }

  /** Half the wanted degree, as the other half arrives from others' choices. */
  private int wantedInitiated(SplittableRandom random, int member) {
    if (population.status[member] == Population.DELETED || random.nextDouble() < 0.12) {
      return 0;
    }
    // Pareto with minimum 2: a mean of about 12 contacts, a few hundred at most.
    double degree = 2 * Math.pow(1 - random.nextDouble(), -1 / (POWER_LAW_ALPHA - 1));
    int initiated = (int) Math.round(Math.min(MAX_DEGREE, degree) / 2);
    // Newcomers have had no time to connect.
    return population.ageSeconds[member] < 7 * 86_400 ? Math.min(initiated, 1) : initiated;
  }

  private int partner(int member, SplittableRandom random) {
    int city = population.city[member];
    int inCity = population.cityPopulation(city);
    double u = random.nextDouble();
    if (u < SAME_CITY && inCity > 1) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < CANDIDATES; c++) {
        int candidate = population.cityMember(city, random.nextInt(inCity));
        if (candidate == member) {
          continue;
        }
        double score =
            (population.origin[candidate] == population.origin[member] ? 1.5 : 0)
                + Math.min(3, population.sharedInterests(member, candidate))
                + random.nextDouble() * 1.5;
        if (score > bestScore) {
          bestScore = score;
          best = candidate;
        }
      }
      return best;
    }
    if (u < 0.93) {
      int origin = population.origin[member];
      return population.originMember(origin, random.nextInt(population.originPopulation(origin)));
    }
    return random.nextInt(population.size);
  }

  int degree(int member) {
    return start[member + 1] - start[member];
  }

  int neighbour(int member, int n) {
    return neighbours[start[member] + n];
  }

  boolean connected(int a, int b) {
    return Arrays.binarySearch(neighbours, start[a], start[a + 1], b) >= 0;
  }

  /** The same instant for both directions: after both members joined, before now. */
  Instant createdAt(int a, int b) {
    int later = Math.min(population.ageSeconds[a], population.ageSeconds[b]);
    double fraction = Seeds.fraction(seed ^ key(a, b));
    long secondsAgo = (long) (Math.max(0, later - 1) * fraction * fraction);
    return now.minusSeconds(secondsAgo).minusMillis((Seeds.mix(key(a, b)) & 0x3ff) % 1000);
  }

  void emit(WorldSink sink) {
    for (int member = 0; member < population.size; member++) {
      for (int i = start[member]; i < start[member + 1]; i++) {
        int other = neighbours[i];
        sink.contact(member + 1L, other + 1L, createdAt(member, other));
      }
    }
  }

  long rows() {
    return neighbours.length;
  }

  private static long key(int a, int b) {
    return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
  }

  private static int low(long key) {
    return (int) (key >>> 32);
  }

  private static int high(long key) {
    return (int) key;
  }
}
