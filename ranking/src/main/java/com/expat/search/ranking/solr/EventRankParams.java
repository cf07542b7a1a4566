package com.expat.search.ranking.solr;

import com.expat.search.ranking.RankingException;
import com.expat.search.ranking.RankingProfile;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.LatLon;
import com.expat.search.ranking.signals.Viewer;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What an event ranking inside Solr needs from the service, as request parameters: {@link
 * RankParams} (the resolved profile, the viewer, the time) and what only the event model reads:
 * the viewer's contacts ({@code contacts_attending}) and the rarity weights of the viewer's
 * interests (the members' statistics live in the service, not in the events core). Plain text.
 * Immutable.
 *
 * @param corpus the statistics; only the weights of the viewer's interests travel, which is all
 *     the event model reads of them
 */
public record EventRankParams(RankingProfile profile, Viewer viewer, Instant now, Corpus corpus) {
  /** The parameter holding the viewer's contacts, ids separated by commas. */
  public static final String CONTACTS = "expat.contacts";
  /** The parameter holding {@code members|slug=weight,...} for the viewer's interests. */
  public static final String INTERESTS = "expat.interest_weights";

  /** The parameters, by name: {@link RankParams#params()}, {@link #CONTACTS} and {@link #INTERESTS}. */
  public Map<String, String> params() {
    Map<String, String> params = new LinkedHashMap<>(new RankParams(profile, viewer, now).params());
    params.put(CONTACTS, new TreeSet<>(viewer.contactIds()).stream().map(String::valueOf)
        .collect(Collectors.joining(",")));
    StringBuilder weights = new StringBuilder().append(corpus.members()).append('|');
    new TreeMap<>(corpus.idf(viewer.interests())).forEach((slug, idf) ->
        weights.append(weights.charAt(weights.length() - 1) == '|' ? "" : ",").append(slug).append('=').append(idf));
    params.put(INTERESTS, weights.toString());
    return params;
  }

  /**
   * The parameters of an event ranking whose viewer Solr reads itself from {@code viewerCore} on the
   * same node ({@link RankParams#VIEWER_ID}, {@link RankParams#VIEWER_CORE}): the viewer's contacts
   * come from their document and the rarity of their interests from the statistics that core keeps,
   * so neither travels ({@link #read(UnaryOperator, Viewer, Corpus)} reads the rest).
   *
   * @param origin where distances are measured from instead of the viewer's home (an event search's
   *     place, {@link RankParams#VIEWER_ORIGIN}); null for their home
   */
  public static Map<String, String> params(RankingProfile profile, long viewerId, String viewerCore, LatLon origin,
      Instant now) {
    Map<String, String> params = RankParams.params(profile, viewerId, origin, now);
    params.put(RankParams.VIEWER_CORE, viewerCore);
    return params;
  }

  /**
   * Reads the profile and the time {@link #params(RankingProfile, long, String, LatLon, Instant)} wrote, for
   * {@code viewer} (with their contacts) and {@code corpus}, both read elsewhere.
   *
   * @throws RankingException naming the parameter that is missing or malformed
   */
  public static EventRankParams read(UnaryOperator<String> param, Viewer viewer, Corpus corpus) {
    RankParams rank = RankParams.read(param, viewer);
    return new EventRankParams(rank.profile(), viewer, rank.now(), corpus);
  }

  /**
   * Reads what {@link #params()} wrote.
   *
   * @throws RankingException naming the parameter that is missing or malformed
   */
  public static EventRankParams read(UnaryOperator<String> param) {
    RankParams rank = RankParams.read(param);
    Set<Long> contacts = new HashSet<>();
    String contactText = require(param, CONTACTS);
    try {
      for (String id : contactText.isEmpty() ? new String[0] : contactText.split(",")) {
        contacts.add(Long.parseLong(id));
      }
    } catch (NumberFormatException e) {
      throw new RankingException(CONTACTS + " is malformed (" + e.getMessage() + "): " + contactText);
    }
    String weightText = require(param, INTERESTS);
    Corpus corpus;
    try {
      int bar = weightText.indexOf('|');
      if (bar < 0) {
        throw new IllegalArgumentException("expected members|slug=weight,...");
      }
      Map<String, Double> idf = new TreeMap<>();
      String pairs = weightText.substring(bar + 1);
      for (String pair : pairs.isEmpty() ? new String[0] : pairs.split(",")) {
        int equals = pair.lastIndexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException("expected slug=weight, found " + pair);
        }
        idf.put(pair.substring(0, equals), Double.parseDouble(pair.substring(equals + 1)));
      }
      corpus = Corpus.ofIdf(Long.parseLong(weightText.substring(0, bar)), idf);
    } catch (RuntimeException e) {
      throw new RankingException(INTERESTS + " is malformed (" + e.getMessage() + "): " + weightText);
    }
    Viewer sent = rank.viewer();
    Viewer viewer = new Viewer(sent.memberId(), sent.origin(), sent.originCountry(), sent.languages(),
        sent.interests(), contacts);
    return new EventRankParams(rank.profile(), viewer, rank.now(), corpus);
  }

  private static String require(UnaryOperator<String> param, String name) {
    String text = param.apply(name);
    if (text == null) {
      throw new RankingException(name + " is missing");
    }
    return text;
  }
}
