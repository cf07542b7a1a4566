package com.expat.search.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.indexer.generate.InMemoryWorld;
import com.expat.search.indexer.generate.WorldSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadPiecesTest {
  static InMemoryWorld world;

  @BeforeAll
  static void generate() {
    world = InMemoryWorld.generate(new WorldSpec(2000, 200, 42, Instant.parse("2026-06-01T00:00:00Z")));
  }

  @Test
  void theMixIsRepeatableAndShapedLikeTheWebsitesTraffic() {
    List<LoadRequest> mix = new MixGenerator(world, 3).generate(4000);
    assertThat(new MixGenerator(world, 3).generate(4000)).isEqualTo(mix);
    assertThat(new MixGenerator(world, 4).generate(4000)).isNotEqualTo(mix);
    Map<String, Integer> byEndpoint = new TreeMap<>();
    mix.forEach(r -> byEndpoint.merge(r.endpoint(), 1, Integer::sum));
    assertThat(byEndpoint.get("member_search")).isBetween(1650, 1950);
    assertThat(byEndpoint.get("matches")).isBetween(850, 1150);
    assertThat(byEndpoint.get("member_events")).isBetween(450, 750);
    assertThat(byEndpoint).containsKeys("event_search", "suggest");
    long paged = mix.stream().filter(r -> r.path().contains("page=")).count();
    assertThat(paged).isBetween(600L, 1000L);
    // Zipf over activity: the most requested member is asked for far more than the average one.
    Map<String, Integer> perMember = new TreeMap<>();
    mix.stream().filter(r -> r.endpoint().equals("matches")).forEach(r -> perMember.merge(r.path(), 1, Integer::sum));
    assertThat(perMember.values().stream().mapToInt(Integer::intValue).max().orElseThrow()).isGreaterThan(20);
  }

  @Test
  void mixFilesRoundTrip(@TempDir Path dir) {
    List<LoadRequest> mix = new MixGenerator(world, 3).generate(50);
    QueryMix.write(dir.resolve("mix.jsonl"), mix);
    assertThat(QueryMix.read(dir.resolve("mix.jsonl"))).isEqualTo(mix);
  }

  @Test
  void bustingChangesOnlyTheRadiusAndNeverRepeats() {
    CacheBuster buster = new CacheBuster(new SplittableRandom(1));
    LoadRequest near = new LoadRequest("member_search", "/v1/members/search?near=52.5,13.4&radius_km=25&interest=hiking");
    HashSet<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      LoadRequest busted = buster.bust(near);
      assertThat(busted.path()).matches("/v1/members/search\\?near=52\\.5,13\\.4&radius_km=2[45]\\.\\d{9}&interest=hiking");
      double radius = Double.parseDouble(busted.path().replaceAll(".*radius_km=([0-9.]+).*", "$1"));
      assertThat(radius).isBetween(24.0, 24.999);
      assertThat(seen.add(busted.path())).isTrue();
    }
    assertThat(buster.bust(new LoadRequest("matches", "/v1/members/7/matches?page=2")).path())
        .matches("/v1/members/7/matches\\?page=2&radius_km=99\\.\\d{9}");
    LoadRequest text = new LoadRequest("member_search", "/v1/members/search?q=chef");
    assertThat(CacheBuster.canBust(text)).isFalse();
    assertThat(buster.bust(text)).isSameAs(text);
  }

  @Test
  void tiersComeFromTheCacheHeaders() {
    assertThat(Reply.tier("miss", null)).isEqualTo("uncached");
    assertThat(Reply.tier(null, null)).isEqualTo("uncached");
    assertThat(Reply.tier("hit", "l1")).isEqualTo("l1");
    assertThat(Reply.tier("HIT", "L2")).isEqualTo("l2");
    assertThat(Reply.tier("hit", null)).isEqualTo("hit");
  }

  @Test
  void loadGoesOnlyToLoopbackAddresses() {
    assertThat(Loopback.require("http://127.0.0.1:8080/").toString()).isEqualTo("http://127.0.0.1:8080");
    assertThat(Loopback.require("http://localhost:8983/solr").getPath()).isEqualTo("/solr");
    assertThat(Loopback.require("http://[::1]:8080").getHost()).isEqualTo("[::1]");
    assertThatThrownBy(() -> Loopback.require("http://10.1.2.3:8080")).hasMessageContaining("not a loopback address");
    assertThatThrownBy(() -> Loopback.require("ftp://127.0.0.1/")).hasMessageContaining("http");
  }

  @Test
  void zipfFavoursTheFirstRanks() {
    Zipf zipf = Zipf.ranks(100, 1.0);
    SplittableRandom random = new SplittableRandom(1);
    int[] counts = new int[100];
    for (int i = 0; i < 100_000; i++) {
      counts[zipf.next(random)]++;
    }
    // P(rank 1) = 1 / H(100) = 0.193; P(rank 2) half of it.
    assertThat(counts[0]).isBetween(18_500, 20_100);
    assertThat(counts[1] * 2.0 / counts[0]).isBetween(0.9, 1.1);
  }
}
