package com.expat.search.indexer.world;

import java.time.Instant;

/**
 * A row of {@code members}. {@code headline}, {@code bio} and {@code occupation} may be null;
 * {@code cityId} may name no city row.
 */
public record Member(
    long id,
    String displayName,
    String headline,
    String bio,
    String occupation,
    long cityId,
    String originCountry,
    Membership membership,
    boolean searchable,
    Status status,
    boolean hasPhoto,
    Instant lastActiveAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public enum Membership {
    BASIC,
    PREMIUM;

    public String sql() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public enum Status {
    ACTIVE,
    DEACTIVATED,
    DELETED;

    public String sql() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The status a {@code members.status} value stands for. An ENUM column holds '' when a
     * non-strict server stored a bad value: that, or anything unknown, reads as the safe side
     * ({@link #DEACTIVATED}: not in the index).
     */
    public static Status fromSql(String sql) {
      for (Status status : values()) {
        if (status.sql().equalsIgnoreCase(sql)) {
          return status;
        }
      }
      return DEACTIVATED;
    }
  }
}
