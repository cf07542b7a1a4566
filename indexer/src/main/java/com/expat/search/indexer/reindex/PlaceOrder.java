package com.expat.search.indexer.reindex;

import com.expat.search.indexer.source.PlacedIds;
import com.expat.search.indexer.world.Catalog;
import com.expat.search.indexer.world.City;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The order a bulk load writes rows in: place by place, with neighbouring places next to each
 * other (a Z-order curve over the cities' coordinates, cells of about 600 m), rows of one place by
 * id, rows whose city is unknown or has no coordinates last; all of that within windows of
 * consecutive ids ({@code REINDEX_PLACE_WINDOW} rows), one window after the other.
 *
 * <p>Why: Lucene numbers documents in the order they are written, and a matches or member query
 * reads the ranking fields of every candidate near one place. Written in id order, the ~7,000
 * candidates of a hub are scattered over the whole index and nearly every docValues read misses
 * the CPU caches; written place by place, they sit in a few runs (one per flushed segment, kept in
 * order by the merge before the switch). Measured in docs/benchmarks.md. Live updates append
 * changed rows at the end, so the order holds until the next rebuild.
 *
 * <p>Why windows: place order over the whole table reads the database at random, a page of ids
 * scattered over every table's pages; with MariaDB's default 128 MB buffer pool and a 1M-member
 * world (800 MB of member rows) that ran at a fifth of the speed of id order. Within a window of
 * consecutive ids the rows' pages are few enough to stay in the buffer pool while the window is
 * read, so the reads cost what id order costs, and a place's candidates form one run per window
 * instead of one run (measured in docs/benchmarks.md, "Place order in windows"). Stateless.
 */
final class PlaceOrder {
  /** Bits per coordinate of a cell: 2^15 steps over 180 degrees of latitude, 360 of longitude. */
  private static final int BITS = 15;
  private static final long UNPLACED = 1L << (2 * BITS);

  private PlaceOrder() {}

  /**
   * The ids of {@code placed} in place order within each window of {@code window} consecutive rows
   * ({@code 0}: one window, the whole table), in pages of {@code pageSize} made as they are asked
   * for: beside {@code placed}, only one sorted {@code long} per row is held (8 MB per million).
   *
   * @throws IllegalArgumentException when {@code window} is negative
   */
  static Iterator<List<Long>> pages(PlacedIds placed, Catalog catalog, int pageSize, int window) {
    if (window < 0) {
      throw new IllegalArgumentException("window must be 0 (the whole table) or positive, was " + window);
    }
    long[] keys = new long[placed.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = cell(catalog.city(placed.cityIds()[i])) << 32 | i;
    }
    int step = window == 0 ? Math.max(1, keys.length) : window;
    for (int from = 0; from < keys.length; from += step) {
      Arrays.sort(keys, from, Math.min(keys.length, from + step));
    }
    return new Iterator<>() {
      private int from;

      @Override
      public boolean hasNext() {
        return from < keys.length;
      }

      @Override
      public List<Long> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int to = Math.min(from + pageSize, keys.length);
        List<Long> page = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          // the low 32 bits of a key are the row's position in placed
          page.add(placed.ids()[(int) keys[i]]);
        }
        from = to;
        return page;
      }
    };
  }

  /** The Z-order cell of a city's coordinates; {@link #UNPLACED} when there are none. */
  static long cell(Optional<City> city) {
    if (city.isEmpty() || !valid(city.get().latitude(), 90) || !valid(city.get().longitude(), 180)) {
      return UNPLACED;
    }
    long lat = step(city.get().latitude() + 90, 180);
    long lon = step(city.get().longitude() + 180, 360);
    long cell = 0;
    for (int bit = BITS - 1; bit >= 0; bit--) {
      cell = cell << 2 | ((lat >> bit) & 1) << 1 | ((lon >> bit) & 1);
    }
    return cell;
  }

  private static boolean valid(double degrees, double limit) {
    return Double.isFinite(degrees) && Math.abs(degrees) <= limit;
  }

  private static long step(double offset, double range) {
    return Math.min((1L << BITS) - 1, (long) (offset / range * (1L << BITS)));
  }
}
