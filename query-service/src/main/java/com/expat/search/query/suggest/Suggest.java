package com.expat.search.query.suggest;

import com.expat.search.query.members.CityRef;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.MemberDirectory;
import com.expat.search.query.members.Visibility;
import com.expat.search.query.solr.QueryText;
import com.expat.search.query.solr.SolrIndex;
import com.expat.search.vocabulary.CatalogFields;
import com.expat.search.vocabulary.MemberFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Type-ahead. Each requested type is one Solr query on {@code name_suggest} (folded words as edge
 * n-grams): every typed word must start a word of the name. Cities rank by population, interests
 * by how many members have them, members by relevance then recent activity; members only when
 * findable and, with a viewer, not blocked either way. When a type finds nothing and a word has
 * five letters or more, a fuzzy query (one edit, on the folded words) tries again. The answer
 * lists the types in the order city, interest, member, each getting an equal share of {@code
 * size} and the shares another type cannot fill. Thread-safe.
 */
final class Suggest {
  static final int FUZZY_FROM_LENGTH = 5;

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

  Suggestions run(SuggestRequest request) {
    Optional<KnownMember> viewer = request.viewer().map(id -> directory.require(id, "viewer"));
    List<String> words = Folding.words(request.q());
    Map<SuggestType, List<SuggestItem>> found = new EnumMap<>(SuggestType.class);
    for (SuggestType type : request.types()) {
      List<SuggestItem> items = find(type, prefixQuery(request.q()), request.size(), viewer);
      if (items.isEmpty()) {
        Optional<Map<String, String>> fuzzy = fuzzyQuery(words);
        if (fuzzy.isPresent()) {
          items = find(type, fuzzy.get(), request.size(), viewer);
        }
      }
      found.put(type, items);
    }
    return new Suggestions(merge(found, request.size()));
  }

  /** edismax on the escaped text: every word a prefix of a word of the name. */
  private static Map<String, String> prefixQuery(String text) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("q", "{!edismax v=$qq}");
    params.put("qq", QueryText.escape(text));
    params.put("qf", CatalogFields.NAME_SUGGEST);
    params.put("uf", "-*");
    params.put("mm", "100%");
    params.put("sow", "true");
    return params;
  }

  /**
   * Words of five letters or more may be one edit away ({@code word~1}); shorter words must
   * match as typed. Only letters and digits reach the parser.
   */
  static Optional<String> fuzzyQueryText(List<String> words) {
    if (words.stream().noneMatch(word -> word.codePointCount(0, word.length()) >= FUZZY_FROM_LENGTH)) {
      return Optional.empty();
    }
    return Optional.of(words.stream()
        .map(word -> word.codePointCount(0, word.length()) >= FUZZY_FROM_LENGTH ? word + "~1" : word)
        .collect(Collectors.joining(" ")));
  }

  private static Optional<Map<String, String>> fuzzyQuery(List<String> words) {
    return fuzzyQueryText(words).map(text -> {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("q", "{!lucene q.op=AND df=" + CatalogFields.NAME_SUGGEST + " v=$qq}");
      params.put("qq", text);
      return params;
    });
  }

  private List<SuggestItem> find(
      SuggestType type, Map<String, String> query, int rows, Optional<KnownMember> viewer) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    query.forEach(params::set);
    params.set("rows", rows);
    return switch (type) {
      case CITY -> catalog(params, "city").stream()
          .map(doc -> SuggestItem.city(number(doc.getFirstValue(CatalogFields.ENTITY_ID)),
              string(doc, CatalogFields.NAME), string(doc, CatalogFields.COUNTRY_CODE)))
          .toList();
      case INTEREST -> catalog(params, "interest").stream()
          .map(doc -> SuggestItem.interest(string(doc, CatalogFields.SLUG), string(doc, CatalogFields.NAME)))
          .toList();
      case MEMBER -> members(params, viewer);
    };
  }

  private SolrDocumentList catalog(ModifiableSolrParams params, String type) {
    params.add("fq", CatalogFields.TYPE + ":" + type);
    params.set("fl", CatalogFields.ID + "," + CatalogFields.ENTITY_ID + "," + CatalogFields.NAME + ","
        + CatalogFields.COUNTRY_CODE + "," + CatalogFields.SLUG);
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

  /** Equal shares of {@code size} per type, in type order; unused shares go to the others. */
  static List<SuggestItem> merge(Map<SuggestType, List<SuggestItem>> found, int size) {
    Map<SuggestType, Integer> taken = new EnumMap<>(SuggestType.class);
    found.keySet().forEach(type -> taken.put(type, 0));
    int left = size;
    boolean progress = true;
    while (left > 0 && progress) {
      progress = false;
      int open = (int) found.entrySet().stream().filter(e -> taken.get(e.getKey()) < e.getValue().size()).count();
      if (open == 0) {
        break;
      }
      int share = Math.max(1, left / open);
      for (Map.Entry<SuggestType, List<SuggestItem>> entry : found.entrySet()) {
        int have = taken.get(entry.getKey());
        int more = Math.min(Math.min(share, left), entry.getValue().size() - have);
        if (more > 0) {
          taken.put(entry.getKey(), have + more);
          left -= more;
          progress = true;
        }
      }
    }
    List<SuggestItem> result = new ArrayList<>();
    found.forEach((type, items) -> result.addAll(items.subList(0, taken.get(type))));
    return result;
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
  }

  private static String string(SolrDocument doc, String field) {
    Object value = doc.getFirstValue(field);
    return value == null ? null : value.toString();
  }
}
