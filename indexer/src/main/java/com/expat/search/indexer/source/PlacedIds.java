package com.expat.search.indexer.source;

import java.util.Arrays;

/**
 * Every row id of a table with the {@code city_id} of its row (0 when it has none), ascending by
 * id; primitive arrays, so a few million rows stay a few tens of MB. Immutable by convention: the
 * arrays are not copied.
 */
public record PlacedIds(long[] ids, long[] cityIds) {
  public PlacedIds {
    if (ids.length != cityIds.length) {
      throw new IllegalArgumentException(ids.length + " ids but " + cityIds.length + " city ids");
    }
  }

  public int size() {
    return ids.length;
  }

  /** Collects pairs as they are read. Not thread-safe. */
  public static final class Builder {
    private long[] ids = new long[1024];
    private long[] cityIds = new long[1024];
    private int size;

    public Builder add(long id, long cityId) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        cityIds = Arrays.copyOf(cityIds, size * 2);
      }
      ids[size] = id;
      cityIds[size] = cityId;
      size++;
      return this;
    }

    public PlacedIds build() {
      return new PlacedIds(Arrays.copyOf(ids, size), Arrays.copyOf(cityIds, size));
    }
  }
}
