package com.expat.search.query.ranking;

import com.expat.search.query.http.QueryParams;
import com.expat.search.ranking.RankingProfiles;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The {@code profile} parameter of the ranked endpoints. Stateless. */
public final class ProfileParam {
  public static final String NAME = "profile";

  private ProfileParam() {}

  /** The names of the profiles shipped in the ranking module (loaded on first use). */
  public static Set<String> shipped() {
    return Shipped.NAMES;
  }

  private static final class Shipped {
    static final Set<String> NAMES = RankingProfiles.load().names();
  }

  /**
   * The profile named by the request, {@value RankingProfiles#DEFAULT} when none; an unknown name
   * is rejected on {@code params} with a reason listing {@code known}.
   */
  public static String read(QueryParams params, Collection<String> known) {
    Optional<String> name = params.string(NAME);
    if (name.isEmpty()) {
      return RankingProfiles.DEFAULT;
    }
    if (!known.contains(name.get())) {
      params.reject(NAME, "must be one of " + String.join(", ", new TreeSet<>(known)));
      return RankingProfiles.DEFAULT;
    }
    return name.get();
  }
}
