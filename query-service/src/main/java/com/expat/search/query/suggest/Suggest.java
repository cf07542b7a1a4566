package com.expat.search.query.suggest;

import com.expat.search.query.i18n.Folding;
import com.expat.search.query.i18n.LocalLabel;
import com.expat.search.query.members.CityRef;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.MemberDirectory;
import com.expat.search.query.members.Visibility;
import com.expat.search.query.solr.QueryText;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.vocabulary.CatalogFields;
import com.expat.search.vocabulary.MemberFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Type-ahead. Each requested type is one Solr query: every typed word must start a word of one of
 * the names (catalog: the table's name and the other names in every language, also transliterated
 * to Latin; members: the display name). When nothing matches so, a fuzzy query tries again, its
 * tolerance growing with the word ({@link #maxEdits}). All candidates are then
 * ranked together by how well the text matches their best name ({@link MatchQuality}) times how
 * likely people mean them ({@link #prior}): a city by its population, an interest by how many
 * members have it, a member by a constant below a big city's. Members only when findable and, with
 * a viewer, not blocked either way. Labels are in the request's language, else English.
 * Thread-safe.
 */
final class Suggest {
  /** Candidates per type, at least; Solr orders each type by popularity (members: relevance). */
  static final int MIN_CANDIDATES = 10;
  static final double MEMBER_PRIOR = 0.7;

  private final SolrIndex index;
  private final String catalogCore;
  private final String membersCore;
  private final MemberDirectory directory;

  Suggest(SolrIndex index, String catalogCore, String membersCore, MemberDirectory directory) {
    this.index = index;
    this.catalogCore = catalogCore;
    this.membersCore = membersCore;
    this.directory = directory;
  }

  /** A suggestion before ranking: the names it can be matched by and how likely it is meant. */
  record Candidate(SuggestItem item, List<String> names, double prior, boolean fuzzy) {}

  Suggestions run(SuggestRequest request) {
    Optional<KnownMember> viewer = request.viewer().map(id -> directory.require(id, "viewer"));
    List<String> words = Folding.words(request.q());
    int rows = Math.max(request.size(), MIN_CANDIDATES);
    List<Candidate> candidates = new ArrayList<>();
    for (SuggestType type : SuggestType.values()) {
      if (request.types().contains(type)) {
        candidates.addAll(find(type, prefixQuery(request.q(), type), rows, viewer, request.locale(), false));
      }
    }
    Optional<String> fuzzy = fuzzyQueryText(words);
    if (candidates.isEmpty() && fuzzy.isPresent()) {
      for (SuggestType type : SuggestType.values()) {
        if (request.types().contains(type)) {
          candidates.addAll(find(type, fuzzyQuery(fuzzy.get()), rows, viewer, request.locale(), true));
        }
      }
    }
    return new Suggestions(rank(words, candidates, request.size()));
  }

  /** Best first: match quality times prior; ties keep type order, then Solr's order. */
  static List<SuggestItem> rank(List<String> words, List<Candidate> candidates, int size) {
    List<Map.Entry<Candidate, Double>> scored = new ArrayList<>();
    for (Candidate candidate : candidates) {
      double quality = candidate.fuzzy()
          ? MatchQuality.FUZZY
          : MatchQuality.best(words, candidate.names());
      scored.add(Map.entry(candidate, quality * candidate.prior()));
    }
    scored.sort(Comparator.comparingDouble((Map.Entry<Candidate, Double> e) -> e.getValue()).reversed());
    return scored.stream().limit(size).map(e -> e.getKey().item()).toList();
  }

  /** How likely someone typing a city's name means it: grows with the log of its population. */
  static double cityPrior(long population) {
    return Math.min(1, Math.log10(Math.max(population, 1)) / 7.0);
  }

  /** How likely someone means an interest: from 0.6 (nobody has it) to 0.9 (32k members and more). */
  static double interestPrior(long members) {
    return 0.6 + 0.02 * Math.min(15, Math.log(1 + Math.max(members, 0)) / Math.log(2));
  }

  /** Edits a typed word may be away from a name's word: none under 4 letters, 1 to 7, then 2. */
  static int maxEdits(String word) {
    int length = word.codePointCount(0, word.length());
    return length < 4 ? 0 : length < 8 ? 1 : 2;
  }

  /** edismax on the escaped text: every word a prefix of a word of one of the names. */
  private static Map<String, String> prefixQuery(String text, SuggestType type) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("q", "{!edismax v=$qq}");
    params.put("qq", QueryText.escape(text));
    params.put("qf", type == SuggestType.MEMBER
        ? MemberFields.NAME_SUGGEST
        : CatalogFields.NAME_SUGGEST + " " + CatalogFields.NAME_LATIN);
    params.put("uf", "-*");
    params.put("mm", "100%");
    params.put("sow", "true");
    return params;
  }

  /**
   * Each word with the edits its length allows ({@code word~1}); empty when no word may have
   * any. Only letters and digits reach the parser.
   */
  static Optional<String> fuzzyQueryText(List<String> words) {
    if (words.stream().allMatch(word -> maxEdits(word) == 0)) {
      return Optional.empty();
    }
    return Optional.of(words.stream()
        .map(word -> maxEdits(word) == 0 ? word : word + "~" + maxEdits(word))
        .collect(Collectors.joining(" ")));
  }

  private static Map<String, String> fuzzyQuery(String text) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("q", "{!lucene q.op=AND df=" + CatalogFields.NAME_SUGGEST + " v=$qq}");
    params.put("qq", text);
    return params;
  }

  private List<Candidate> find(SuggestType type, Map<String, String> query, int rows,
      Optional<KnownMember> viewer, String language, boolean fuzzy) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    query.forEach(params::set);
    params.set("rows", rows);
    List<Candidate> found = new ArrayList<>();
    switch (type) {
      case CITY -> {
        for (SolrDocument doc : catalog(params, "city")) {
          String name = string(doc, CatalogFields.NAME);
          found.add(new Candidate(
              SuggestItem.city(number(doc.getFirstValue(CatalogFields.ENTITY_ID)),
                  LocalLabel.pick(doc.getFieldValues(CatalogFields.LABELS), language, name),
                  string(doc, CatalogFields.COUNTRY_CODE)),
              names(doc), cityPrior(number(doc.getFirstValue(CatalogFields.POPULARITY))), fuzzy));
        }
      }
      case INTEREST -> {
        for (SolrDocument doc : catalog(params, "interest")) {
          String name = string(doc, CatalogFields.NAME);
          found.add(new Candidate(
              SuggestItem.interest(string(doc, CatalogFields.SLUG),
                  LocalLabel.pick(doc.getFieldValues(CatalogFields.LABELS), language, name)),
              names(doc), interestPrior(number(doc.getFirstValue(CatalogFields.POPULARITY))), fuzzy));
        }
      }
      case MEMBER -> members(params, viewer).forEach(item ->
          found.add(new Candidate(item, List.of(item.label()), MEMBER_PRIOR, fuzzy)));
    }
    return found;
  }

  private static List<String> names(SolrDocument doc) {
    List<String> names = new ArrayList<>();
    Object name = doc.getFirstValue(CatalogFields.NAME);
    if (name != null) {
      names.add(name.toString());
    }
    Collection<Object> others = doc.getFieldValues(CatalogFields.ALT_NAMES);
    if (others != null) {
      others.forEach(other -> names.add(other.toString()));
    }
    return names;
  }

  private List<SolrDocument> catalog(ModifiableSolrParams params, String type) {
    params.add("fq", CatalogFields.TYPE + ":" + type);
    params.set("fl", String.join(",", CatalogFields.ID, CatalogFields.ENTITY_ID, CatalogFields.NAME,
        CatalogFields.COUNTRY_CODE, CatalogFields.SLUG, CatalogFields.POPULARITY, CatalogFields.ALT_NAMES,
        CatalogFields.LABELS));
    params.set("sort", CatalogFields.POPULARITY + " desc,score desc," + CatalogFields.ID + " asc");
    return index.query(catalogCore, params).getResults();
  }

  private List<SuggestItem> members(ModifiableSolrParams params, Optional<KnownMember> viewer) {
    Visibility.onlySearchable(params);
    viewer.ifPresent(v -> Visibility.hideFrom(params, v));
    params.set("fl", MemberFields.ID + "," + MemberFields.DISPLAY_NAME + "," + MemberFields.CITY_ID + ","
        + MemberFields.CITY_NAME + "," + MemberFields.COUNTRY_CODE);
    params.set("sort", "score desc," + MemberFields.LAST_ACTIVE_AT + " desc," + MemberFields.ID + " asc");
    List<SuggestItem> items = new ArrayList<>();
    for (SolrDocument doc : index.query(membersCore, params).getResults()) {
      Object cityId = doc.getFirstValue(MemberFields.CITY_ID);
      items.add(SuggestItem.member(
          Long.parseLong(doc.getFirstValue(MemberFields.ID).toString()),
          string(doc, MemberFields.DISPLAY_NAME),
          new CityRef(cityId instanceof Number n ? n.longValue() : null,
              string(doc, MemberFields.CITY_NAME), string(doc, MemberFields.COUNTRY_CODE))));
    }
    return items;
  }

  private static long number(Object value) {
    if (value == null) {
      return 0;
    }
    return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
  }

  private static String string(SolrDocument doc, String field) {
    Object value = doc.getFirstValue(field);
    return value == null ? null : value.toString();
  }
}
