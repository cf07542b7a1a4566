package com.expat.search.ranking;

import java.util.Optional;

/**
 * The features that rank events (event search and a member's upcoming events), each in [0, 1].
 *
 * <ul>
 *   <li>{@code text}: Solr's text score over the best score of the result (0 without query text);
 *   <li>{@code starts_soon}: halves every {@code start_half_life_days} until the start; 0 once
 *       started (ended events are not ranked at all);
 *   <li>{@code distance}: {@code exp(-km / distance_scale_km)} from the viewer's origin;
 *   <li>{@code interests}: the share of the viewer's rarity-weighted interests the event has;
 *   <li>{@code language}: the weight of the viewer's level in the event's language;
 *   <li>{@code contacts_attending}: {@code n / (n + contacts_half)}, n of the viewer's contacts
 *       going;
 *   <li>{@code popularity}: {@code going / (going + popularity_half)};
 *   <li>{@code room_left}: {@code min(1, free places / comfortable_seats)}, 1 without a capacity.
 * </ul>
 */
public enum EventFeature implements RankingFeature {
  TEXT("text", false),
  STARTS_SOON("starts_soon", true),
  DISTANCE("distance", true),
  INTERESTS("interests", true),
  LANGUAGE("language", true),
  CONTACTS_ATTENDING("contacts_attending", false),
  POPULARITY("popularity", true),
  ROOM_LEFT("room_left", true);

  private final String id;
  private final boolean solrComputable;

  EventFeature(String id, boolean solrComputable) {
    this.id = id;
    this.solrComputable = solrComputable;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean solrComputable() {
    return solrComputable;
  }

  /** The feature named {@code id}; empty for any other name. */
  public static Optional<EventFeature> byId(String id) {
    for (EventFeature feature : values()) {
      if (feature.id.equals(id)) {
        return Optional.of(feature);
      }
    }
    return Optional.empty();
  }
}
