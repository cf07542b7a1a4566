package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.vocabulary.CitiesByLatitude;
import com.expat.search.vocabulary.Earth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.apache.solr.search.SyntaxError;
import org.junit.jupiter.api.Test;

class NearViewerTest {
  @Test
  void citiesWithinARadiusAreThoseTheHaversineKeeps() {
    Random random = new Random(3);
    Map<Long, double[]> points = new HashMap<>();
    for (long id = 1; id <= 2_000; id++) {
      points.put(id, new double[] {-80 + 160 * random.nextDouble(), -180 + 360 * random.nextDouble()});
    }
    CitiesByLatitude cities = CitiesByLatitude.of(points);
    assertThat(cities.size()).isEqualTo(2_000);
    for (int i = 0; i < 200; i++) {
      double[] from = points.get(1L + random.nextInt(2_000));
      for (double radius : new double[] {0, 1, 50, 333.3, 2_500}) {
        long[] expected = points.entrySet().stream()
            .filter(city -> Earth.distanceKm(from[0], from[1], city.getValue()[0], city.getValue()[1]) <= radius)
            .mapToLong(Map.Entry::getKey).sorted().toArray();
        assertThat(cities.within(from[0], from[1], radius)).as("radius %s", radius).isEqualTo(expected);
      }
    }
  }

  @Test
  void aCityAtTheViewersPointIsWithinEveryRadius() {
    CitiesByLatitude cities = CitiesByLatitude.of(Map.of(7L, new double[] {48.1, 11.5}));
    assertThat(Arrays.stream(cities.within(48.1, 11.5, 0)).boxed()).containsExactly(7L);
  }

  @Test
  void aViewerIdIsAPositiveNumber() throws SyntaxError {
    assertThat(RequestViewer.parseId("42")).isEqualTo(42);
    for (String bad : new String[] {null, "", "abc", "-3", "0", "1 OR 2", "9999999999999999999999"}) {
      assertThatThrownBy(() -> RequestViewer.parseId(bad)).as(bad).isInstanceOf(SyntaxError.class)
          .hasMessageContaining("viewer must be a member id");
    }
  }
}
