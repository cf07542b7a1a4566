package com.expat.search.indexer.reindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.indexer.source.PlacedIds;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaceOrderTest {
  private static final City MUNICH = new City(2867714, "München", "Munich", "DE", 48.137, 11.575, 1_260_000, "Europe/Berlin");
  private static final City FREISING = new City(2924802, "Freising", "Freising", "DE", 48.403, 11.749, 46_000, "Europe/Berlin");
  private static final City SYDNEY = new City(2147714, "Sydney", "Sydney", "AU", -33.868, 151.207, 4_600_000, "Australia/Sydney");
  private static final City BERLIN = new City(2950159, "Berlin", "Berlin", "DE", 52.524, 13.411, 3_400_000, "Europe/Berlin");
  private static final Catalog CATALOG = new Catalog(List.of(MUNICH, FREISING, SYDNEY, BERLIN), List.of());

  @Test
  void rowsOfOnePlaceComeTogetherInIdOrder() {
    PlacedIds placed = placed(1, MUNICH.id(), 2, SYDNEY.id(), 3, MUNICH.id(), 4, SYDNEY.id(), 5, MUNICH.id());
    List<Long> order = flat(PlaceOrder.pages(placed, CATALOG, 100, 0));
    assertThat(order).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    int munich = order.indexOf(1L);
    assertThat(order.subList(munich, munich + 3)).containsExactly(1L, 3L, 5L);
    int sydney = order.indexOf(2L);
    assertThat(order.subList(sydney, sydney + 2)).containsExactly(2L, 4L);
  }

  @Test
  void neighbouringPlacesAreCloserInTheOrderThanFarOnes() {
    long munich = PlaceOrder.cell(Optional.of(MUNICH));
    long freising = PlaceOrder.cell(Optional.of(FREISING));
    long sydney = PlaceOrder.cell(Optional.of(SYDNEY));
    assertThat(Math.abs(munich - freising)).isLessThan(Math.abs(munich - sydney));
  }

  @Test
  void rowsWithAnUnknownCityComeLast() {
    PlacedIds placed = placed(1, 999, 2, BERLIN.id(), 3, 0, 4, SYDNEY.id());
    List<Long> order = flat(PlaceOrder.pages(placed, CATALOG, 100, 0));
    assertThat(order.subList(2, 4)).containsExactly(1L, 3L);
  }

  @Test
  void pagesHoldAtMostThePageSizeAndEveryIdOnce() {
    PlacedIds.Builder builder = new PlacedIds.Builder();
    for (long id = 1; id <= 2_500; id++) {
      builder.add(id, id % 3 == 0 ? MUNICH.id() : id % 3 == 1 ? SYDNEY.id() : 7);
    }
    List<List<Long>> pages = new ArrayList<>();
    PlaceOrder.pages(builder.build(), CATALOG, 1_000, 0).forEachRemaining(pages::add);
    assertThat(pages).extracting(List::size).containsExactly(1_000, 1_000, 500);
    assertThat(flat(pages)).doesNotHaveDuplicates().hasSize(2_500);
  }

  @Test
  void withWindowsEachWindowOfConsecutiveIdsIsInPlaceOrderAndTheWindowsFollowEachOther() {
    PlacedIds placed = placed(1, SYDNEY.id(), 2, MUNICH.id(), 3, SYDNEY.id(), 4, MUNICH.id(), 5, SYDNEY.id(),
        6, MUNICH.id(), 7, SYDNEY.id());
    List<Long> order = flat(PlaceOrder.pages(placed, CATALOG, 2, 3));
    // windows {1,2,3}, {4,5,6}, {7}; Munich (north-east of Sydney in the Z-order) first in each
    long munich = PlaceOrder.cell(Optional.of(MUNICH));
    long sydney = PlaceOrder.cell(Optional.of(SYDNEY));
    List<Long> expected = munich < sydney ? List.of(2L, 1L, 3L, 4L, 6L, 5L, 7L) : List.of(1L, 3L, 2L, 5L, 4L, 6L, 7L);
    assertThat(order).containsExactlyElementsOf(expected);
  }

  @Test
  void aWindowAsLargeAsTheTableIsTheWholeTablesPlaceOrder() {
    PlacedIds placed = placed(1, MUNICH.id(), 2, SYDNEY.id(), 3, MUNICH.id(), 4, SYDNEY.id(), 5, BERLIN.id());
    assertThat(flat(PlaceOrder.pages(placed, CATALOG, 2, 5))).containsExactlyElementsOf(
        flat(PlaceOrder.pages(placed, CATALOG, 2, 0)));
  }

  @Test
  void aNegativeWindowIsRefusedNamingIt() {
    assertThatThrownBy(() -> PlaceOrder.pages(placed(1, MUNICH.id()), CATALOG, 2, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  private static PlacedIds placed(long... idCityPairs) {
    PlacedIds.Builder builder = new PlacedIds.Builder();
    for (int i = 0; i < idCityPairs.length; i += 2) {
      builder.add(idCityPairs[i], idCityPairs[i + 1]);
    }
    return builder.build();
  }

  private static List<Long> flat(Iterator<List<Long>> pages) {
    List<Long> ids = new ArrayList<>();
    pages.forEachRemaining(ids::addAll);
    return ids;
  }

  private static List<Long> flat(List<List<Long>> pages) {
    return flat(pages.iterator());
  }
}
