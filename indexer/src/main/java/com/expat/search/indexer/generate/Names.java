package com.expat.search.indexer.generate;

import com.expat.search.indexer.generate.WorldData.Name;
import com.expat.search.indexer.generate.WorldData.NamePool;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Display names that fit a nationality: drawn from the origin's name pool, in its own script
 * for a share of members (山田太郎, Γιώργος Παππάς) and romanised for the rest; a few members
 * use another tradition's name (mixed families), a shortened family name, or an emoji.
 */
final class Names {
  static final double FOREIGN_NAME_SHARE = 0.04;
  private static final String[] EMOJI = {"🌍", "✈️", "☀️", "🌸", "🎶", "🏔️", "😊"};

  private final Map<String, NamePool> pools;
  private final List<String> poolKeys;

  Names(WorldData data) {
    pools = data.namePools;
    poolKeys = pools.keySet().stream().sorted().toList();
  }

  NamePool pool(String key) {
    return pools.get(key);
  }

  String displayName(String poolKey, RandomGenerator random) {
    NamePool pool = pools.get(poolKey);
    if (random.nextDouble() < FOREIGN_NAME_SHARE) {
      pool = pools.get(poolKeys.get(random.nextInt(poolKeys.size())));
    }
    Name first = pick(pool.first(), random);
    Name last = pick(pool.last(), random);
    String name;
    if (random.nextDouble() < pool.nativeShare()) {
      name =
          pool.familyFirst()
              ? last.script() + (pool.key().equals("ko") ? "" : " ") + first.script()
              : first.script() + " " + last.script();
      if (pool.key().equals("ja") || pool.key().equals("zh")) {
        name = name.replace(" ", random.nextBoolean() ? "" : " ");
      }
    } else {
      double form = random.nextDouble();
      if (form < 0.62) {
        name = first.latin() + " " + last.latin();
      } else if (form < 0.87) {
        name = first.latin() + " " + last.latin().charAt(0) + ".";
      } else {
        name = first.latin();
      }
    }
    if (random.nextDouble() < 0.01) {
      name = name + " " + EMOJI[random.nextInt(EMOJI.length)];
    }
    return name;
  }

  /** Common names first: a mild skew towards the head of each list. */
  private static Name pick(List<Name> names, RandomGenerator random) {
    double u = random.nextDouble();
    return names.get((int) (names.size() * u * u));
  }
}
