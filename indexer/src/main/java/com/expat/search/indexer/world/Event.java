package com.expat.search.indexer.world;

import java.time.Instant;
import java.util.Locale;

/**
 * A row of {@code events}. {@code description}, {@code venueName}, {@code latitude},
 * {@code longitude} (null: the city's) and {@code capacity} (null: no limit) may be null.
 */
public record Event(
    long id,
    String title,
    String description,
    long cityId,
    String venueName,
    Double latitude,
    Double longitude,
    Instant startsAt,
    Instant endsAt,
    String language,
    long hostMemberId,
    Integer capacity,
    Status status,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public enum Status {
    DRAFT,
    PUBLISHED,
    CANCELLED;

    public String sql() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The status an {@code events.status} value stands for; '' or unknown reads as {@link #DRAFT}. */
    public static Status fromSql(String sql) {
      for (Status status : values()) {
        if (status.sql().equalsIgnoreCase(sql)) {
          return status;
        }
      }
      return DRAFT;
    }
  }
}
