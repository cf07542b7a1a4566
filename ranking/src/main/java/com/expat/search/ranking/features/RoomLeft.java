package com.expat.search.ranking.features;

/**
 * Places still free: {@code min(1, free / comfortableSeats)} with {@code free = max(0, capacity -
 * going)}; 1 without a capacity (no limit), 0 when full. Never lower with more room.
 */
public final class RoomLeft {
  private RoomLeft() {}

  /**
   * @param capacity places in all; null for no limit
   * @param going members going
   * @param comfortableSeats free places from which an event counts as roomy as an unlimited
   *     one, > 0
   */
  public static double value(Integer capacity, int going, double comfortableSeats) {
    requireSeats(comfortableSeats);
    if (capacity == null) {
      return 1;
    }
    double free = Math.max(capacity - (double) going, 0);
    return Math.min(1, free / comfortableSeats);
  }

  private static void requireSeats(double seats) {
    if (!(seats > 0 && Double.isFinite(seats))) {
      throw new IllegalArgumentException("comfortable seats must be positive, was " + seats);
    }
  }
}
