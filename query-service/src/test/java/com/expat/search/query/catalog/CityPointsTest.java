package com.expat.search.query.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.query.members.GeoPoint;
import com.expat.search.vocabulary.Earth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CityPointsTest {
  private static final GeoPoint BERLIN = new GeoPoint(52.52437, 13.41053);
  private static final GeoPoint POTSDAM = new GeoPoint(52.39886, 13.06566);
  private static final GeoPoint PARIS = new GeoPoint(48.85341, 2.3488);

  @Test
  void withinKeepsTheCitiesTheHaversineKeepsAndNoOther() {
    Random random = new Random(42);
    Map<Long, GeoPoint> points = new HashMap<>();
    for (long id = 1; id <= 3_000; id++) {
      // Clustered like real cities, across the date line and up to the poles.
      points.put(id, new GeoPoint(-90 + 180 * random.nextDouble(), -180 + 360 * random.nextDouble()));
    }
    CityPoints cities = CityPoints.of(points);
    for (int trial = 0; trial < 200; trial++) {
      GeoPoint origin = points.get(1L + random.nextInt(3_000));
      double radius = 1 + 999 * random.nextDouble() * random.nextDouble();
      long[] expected = points.entrySet().stream()
          .filter(city -> origin.distanceKm(city.getValue()) <= radius)
          .mapToLong(Map.Entry::getKey).sorted().toArray();
      assertThat(cities.within(origin, radius)).as("origin %s, radius %s", origin, radius).containsExactly(expected);
    }
  }

  @Test
  void aCityExactlyOnTheRadiusIsWithinIt() {
    // Due north: the whole distance is latitude, the case the latitude band is closest to.
    GeoPoint north = new GeoPoint(BERLIN.latitude() + 0.9, BERLIN.longitude());
    CityPoints cities = CityPoints.of(Map.of(1L, BERLIN, 2L, north));
    double apart = Earth.distanceKm(BERLIN.latitude(), BERLIN.longitude(), north.latitude(), north.longitude());

    assertThat(cities.within(BERLIN, apart)).containsExactly(1, 2);
    assertThat(cities.within(BERLIN, Math.nextDown(apart))).containsExactly(1);
  }

  @Test
  void idsComeBackAscendingWhateverTheirLatitudes() {
    CityPoints cities = CityPoints.of(Map.of(30L, BERLIN, 10L, POTSDAM, 20L, PARIS));

    assertThat(cities.within(BERLIN, 100)).containsExactly(10, 30);
    assertThat(cities.within(BERLIN, 1000)).containsExactly(10, 20, 30);
  }

  @Test
  void aCityWithoutAPointIsUnknown() {
    CityPoints cities = CityPoints.of(Map.of(1L, BERLIN));

    assertThat(cities.point(1)).contains(BERLIN);
    assertThat(cities.point(2)).isEmpty();
    assertThat(CityPoints.NONE.point(1)).isEmpty();
    assertThat(Arrays.stream(CityPoints.NONE.within(BERLIN, 1000))).isEmpty();
  }
}
