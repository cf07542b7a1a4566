package com.expat.search.ranking.solr;

import com.expat.search.ranking.DiversityParameters;
import com.expat.search.ranking.EventFeature;
import com.expat.search.ranking.EventParameters;
import com.expat.search.ranking.MemberFeature;
import com.expat.search.ranking.MemberParameters;
import com.expat.search.ranking.RankingException;
import com.expat.search.ranking.RankingFeature;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.features.LevelWeights;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.signals.Viewer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What a ranking inside Solr needs from the service, as request parameters: the resolved profile
 * (custom weights applied), the viewer and the request's time. The service resolves the profile
 * name, so a profile change needs no Solr reload; Solr reads the parameters back with {@link
 * #read}. Plain text, no JSON (the Solr side brings no Jackson of its own). Immutable.
 *
 * @param profile every weight and scale the ranking uses
 * @param viewer whom it ranks for (its contacts are not sent: the member model does not read them)
 * @param now the request's time, the same for Solr and Java
 */
public record RankParams(RankingProfile profile, Viewer viewer, Instant now) {
  /** The parameter holding the profile. */
  public static final String PROFILE = "expat.profile";
  /** The parameter holding the viewer. */
  public static final String VIEWER = "expat.viewer";
  /** The parameter holding the request's time in epoch milliseconds. */
  public static final String NOW = "expat.now";
  /**
   * Instead of {@link #VIEWER}: the viewer's member id, whom Solr reads itself by real-time get
   * and ranks for as {@link #viewer(Map)} builds them from that document.
   */
  public static final String VIEWER_ID = "expat.viewer.id";
  /**
   * With {@link #VIEWER_ID}: the core of the same Solr node that holds the viewer, when it is not the
   * request's own (a member's events: the events core reads the member from the members core).
   */
  public static final String VIEWER_CORE = "expat.viewer.core";
  /** With {@link #VIEWER_ID}: {@code "lat,lon"} to measure distances from instead of the viewer's home. */
  public static final String VIEWER_ORIGIN = "expat.viewer.origin";
  /**
   * The response's section in which Solr tells what it read of the {@link #VIEWER_ID} viewer:
   * {@code found} (false: no active member has that id) and, when they have one, {@code location}.
   */
  public static final String VIEWER_READ = "expat_viewer";

  /** The parameters, by name: {@link #PROFILE}, {@link #VIEWER}, {@link #NOW}. */
  public Map<String, String> params() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put(PROFILE, profile(profile));
    params.put(VIEWER, viewer(viewer));
    params.put(NOW, Long.toString(now.toEpochMilli()));
    return params;
  }

  /**
   * Reads what {@link #params()} wrote.
   *
   * @param param a request parameter by name, null when absent
   * @throws RankingException naming the parameter that is missing or malformed
   */
  public static RankParams read(UnaryOperator<String> param) {
    return new RankParams(
        parse(param, PROFILE, RankParams::profile),
        parse(param, VIEWER, RankParams::viewer),
        parse(param, NOW, text -> Instant.ofEpochMilli(Long.parseLong(text))));
  }

  /**
   * Reads the profile and the time {@link #params()} wrote, for {@code viewer} (read elsewhere:
   * {@link #VIEWER_ID}).
   *
   * @throws RankingException naming the parameter that is missing or malformed
   */
  public static RankParams read(UnaryOperator<String> param, Viewer viewer) {
    return new RankParams(
        parse(param, PROFILE, RankParams::profile),
        viewer,
        parse(param, NOW, text -> Instant.ofEpochMilli(Long.parseLong(text))));
  }

  /**
   * The parameters of a ranking whose viewer Solr reads itself: {@link #PROFILE}, {@link #NOW},
   * {@link #VIEWER_ID} and, when distances are measured from elsewhere, {@link #VIEWER_ORIGIN}.
   */
  public static Map<String, String> params(RankingProfile profile, long viewerId, LatLon origin, Instant now) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put(PROFILE, profile(profile));
    params.put(VIEWER_ID, Long.toString(viewerId));
    if (origin != null) {
      params.put(VIEWER_ORIGIN, join(origin.latitude(), origin.longitude()));
    }
    params.put(NOW, Long.toString(now.toEpochMilli()));
    return params;
  }

  /**
   * The member whose index document this is as the ranking's viewer, measuring distances from
   * where they live: the same signals as for any member ({@link IndexDocs#member}); contacts are not
   * read (the member model does not).
   */
  public static Viewer viewer(Map<String, ?> doc) {
    return Viewer.of(IndexDocs.member(doc), Set.of());
  }

  /** The viewer as {@link #VIEWER} writes it: equal texts rank alike. */
  public static String text(Viewer viewer) {
    return viewer(viewer);
  }

  /** {@code "lat,lon"} as {@link #VIEWER_ORIGIN} holds it. */
  public static LatLon origin(String text) {
    double[] point = numbers(text, 2);
    return new LatLon(point[0], point[1]);
  }

  private static <T> T parse(UnaryOperator<String> param, String name, Function<String, T> reader) {
    String text = param.apply(name);
    if (text == null) {
      throw new RankingException(name + " is missing");
    }
    try {
      return reader.apply(text);
    } catch (RuntimeException e) {
      throw new RankingException(name + " is malformed (" + e.getMessage() + "): " + text);
    }
  }

  // name|member weights|distance km,activity ms,newness ms|event weights|distance km,start ms,contacts,popularity,seats
  //     |native,fluent,intermediate,basic|strength,pool,same origin,shared interests
  private static String profile(RankingProfile p) {
    MemberParameters m = p.members();
    EventParameters e = p.events();
    LevelWeights l = p.languageLevels();
    DiversityParameters d = p.diversity();
    return String.join("|", p.name(), weights(m.weights()),
        join(m.distanceScaleKm(), m.activityHalfLife().toMillis(), m.newnessHalfLife().toMillis()),
        weights(e.weights()),
        join(e.distanceScaleKm(), e.startHalfLife().toMillis(), e.contactsHalf(), e.popularityHalf(),
            e.comfortableSeats()),
        join(l.nativeLevel(), l.fluent(), l.intermediate(), l.basic()),
        join(d.strength(), d.poolFactor(), d.sameOrigin(), d.sharedInterests()));
  }

  /**
   * The last profile text read and the profile it reads as: nearly every request carries the same
   * profile, whose parse (a split, twenty numbers and two maps) was ~1 % of Solr's CPU on a member
   * search. A profile is immutable, so requests share it.
   */
  private static final AtomicReference<Map.Entry<String, RankingProfile>> LAST_PROFILE = new AtomicReference<>();

  private static RankingProfile profile(String text) {
    Map.Entry<String, RankingProfile> last = LAST_PROFILE.get();
    if (last != null && last.getKey().equals(text)) {
      return last.getValue();
    }
    RankingProfile read = readProfile(text);
    LAST_PROFILE.set(Map.entry(text, read));
    return read;
  }

  private static RankingProfile readProfile(String text) {
    String[] parts = text.split("\\|", -1);
    if (parts.length != 7) {
      throw new IllegalArgumentException("expected 7 parts, found " + parts.length);
    }
    double[] m = numbers(parts[2], 3);
    double[] e = numbers(parts[4], 5);
    double[] l = numbers(parts[5], 4);
    double[] d = numbers(parts[6], 4);
    return new RankingProfile(parts[0], "",
        new MemberParameters(weights(parts[1], MemberFeature.class, MemberFeature::byId), m[0],
            Duration.ofMillis((long) m[1]), Duration.ofMillis((long) m[2])),
        new EventParameters(weights(parts[3], EventFeature.class, EventFeature::byId), e[0],
            Duration.ofMillis((long) e[1]), e[2], e[3], e[4]),
        new LevelWeights(l[0], l[1], l[2], l[3]),
        new DiversityParameters(d[0], (int) d[1], d[2], d[3]));
  }

  // id|lat,lon|origin country|code:level,...|slug,...
  private static String viewer(Viewer v) {
    Map<String, LanguageLevel> languages = new TreeMap<>(v.languages());
    StringBuilder levels = new StringBuilder();
    languages.forEach((code, level) -> levels.append(levels.length() == 0 ? "" : ",").append(code).append(':')
        .append(level.label()));
    return String.join("|", Long.toString(v.memberId()),
        v.origin() == null ? "" : join(v.origin().latitude(), v.origin().longitude()),
        v.originCountry() == null ? "" : v.originCountry(), levels, String.join(",", new TreeSet<>(v.interests())));
  }

  private static Viewer viewer(String text) {
    String[] parts = text.split("\\|", -1);
    if (parts.length != 5) {
      throw new IllegalArgumentException("expected 5 parts, found " + parts.length);
    }
    LatLon origin = null;
    if (!parts[1].isEmpty()) {
      double[] point = numbers(parts[1], 2);
      origin = new LatLon(point[0], point[1]);
    }
    Set<String> interests = parts[4].isEmpty() ? Set.of() : Set.of(parts[4].split(","));
    return new Viewer(Long.parseLong(parts[0]), origin, parts[2].isEmpty() ? null : parts[2],
        LanguageLevel.parseCodes(parts[3].isEmpty() ? Set.of() : Set.of(parts[3].split(","))), interests, Set.of());
  }

  private static <F extends Enum<F> & RankingFeature> String weights(Map<F, Double> weights) {
    StringBuilder out = new StringBuilder();
    weights.forEach((feature, weight) -> out.append(out.length() == 0 ? "" : ",").append(feature.id()).append('=')
        .append(weight));
    return out.toString();
  }

  private static <F extends Enum<F> & RankingFeature> Map<F, Double> weights(String text, Class<F> type,
      Function<String, java.util.Optional<F>> byId) {
    Map<F, Double> weights = new EnumMap<>(type);
    for (String pair : text.split(",")) {
      int equals = pair.indexOf('=');
      F feature = byId.apply(pair.substring(0, Math.max(equals, 0)))
          .orElseThrow(() -> new IllegalArgumentException("unknown feature in " + pair));
      weights.put(feature, Double.parseDouble(pair.substring(equals + 1)));
    }
    return weights;
  }

  private static String join(double... values) {
    StringBuilder out = new StringBuilder();
    for (double value : values) {
      out.append(out.length() == 0 ? "" : ",").append(value);
    }
    return out.toString();
  }

  private static double[] numbers(String text, int count) {
    String[] parts = text.split(",", -1);
    if (parts.length != count) {
      throw new IllegalArgumentException("expected " + count + " numbers in " + text);
    }
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = Double.parseDouble(parts[i]);
    }
    return values;
  }
}
