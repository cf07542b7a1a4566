package com.expat.search.bench.cost;

import static com.expat.search.vocabulary.MemberFields.*;

import com.expat.search.bench.solr.SolrCall;
import com.expat.search.query.members.KnownMember;
import com.expat.search.query.members.MemberDocs;
import com.expat.search.query.members.Visibility;
import com.expat.search.query.solr.QueryText;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The plain-Solr reference of {@code bench cost}: what one ordinary Solr query doing the same job
 * costs, asked of Solr directly with everything about the viewer already known (their document is
 * read before the run, not during it). One request each, {@code rows=20}, the shown fields, the
 * privacy filters of {@link Visibility}; no window, no second request, no ranking outside Solr.
 * docs/benchmarks.md ("The cost ratio") describes it for readers. Stateless.
 */
public final class PlainReference {
  /** Rows of a first page. */
  public static final int ROWS = 20;
  /** Solr's classic recency boost: 1 / (1 + years since last active). */
  static final String RECENCY = "recip(ms(NOW," + LAST_ACTIVE_AT + "),3.16e-11,1,1)";
  /**
   * The fields and boosts of the plain text search: the service's own choice of fields
   * (name, then headline and occupation, then bio, and the stemmed copy).
   */
  static final String TEXT_FIELDS =
      DISPLAY_NAME + "^3 " + HEADLINE + "^1.5 " + OCCUPATION + "^1.5 " + BIO + " text_en^0.5";

  private PlainReference() {}

  /**
   * Matches for {@code viewer}: searchable, not the viewer, not blocked either way, not a contact,
   * within {@code radiusKm} of the viewer's city (their city itself when it has no coordinates),
   * sharing a language; score = shared interests (one per interest in common) + recency of
   * activity + profile quality, by one function query.
   *
   * @throws IllegalArgumentException when the viewer speaks no language (the service answers those
   *     without asking Solr)
   */
  public static ModifiableSolrParams matches(KnownMember viewer, double radiusKm) {
    if (viewer.languages().isEmpty()) {
      throw new IllegalArgumentException("member " + viewer.id() + " speaks no language: no matches to ask Solr for");
    }
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "{!func v=$plain_score}");
    params.set("plain_score", "sum(" + sharedInterests(viewer.interests()) + "," + RECENCY + "," + PROFILE_QUALITY + ")");
    if (viewer.location().isPresent()) {
      params.set("sfield", LOCATION);
      params.set("pt", viewer.location().get().solr());
      params.add("fq", "{!geofilt d=" + String.format(Locale.ROOT, "%.3f", radiusKm) + "}");
    } else {
      params.add("fq", viewer.cityId().isPresent() ? CITY_ID + ":" + viewer.cityId().getAsLong() : "-*:*");
    }
    Visibility.onlySearchable(params);
    Visibility.hideFrom(params, viewer);
    Visibility.excludeIds(params, "hidden_contacts", viewer.contactIds());
    params.add("fq", Visibility.NOT_CACHED + "-" + CONTACT_IDS + ":" + viewer.id());
    params.add("fq", "{!terms f=" + LANGUAGES + " v=$shared_languages}");
    params.set("shared_languages", String.join(",", new TreeSet<>(viewer.languages())));
    page(params);
    return params;
  }

  /**
   * A member search with text: edismax over {@link #TEXT_FIELDS}, every word required, multiplied
   * by {@link #RECENCY}; searchable members, in the city when one is given, and with a viewer
   * neither the viewer nor anyone blocked either way.
   */
  public static ModifiableSolrParams memberSearch(CostCases.TextSearch search, Optional<KnownMember> viewer) {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "{!edismax v=$qq}");
    params.set("qq", QueryText.escape(search.q()));
    params.set("qf", TEXT_FIELDS);
    params.set("uf", "-*");
    params.set("mm", "100%");
    params.set("sow", true);
    params.set("boost", RECENCY);
    Visibility.onlySearchable(params);
    viewer.ifPresent(v -> Visibility.hideFrom(params, v));
    search.city().ifPresent(city -> params.add("fq", CITY_ID + ":" + city));
    page(params);
    return params;
  }

  /** The request as the service's SolrJ client sends a query: a form POST to {@code select}, JavaBin back. */
  public static SolrCall call(String solrPath, String core, ModifiableSolrParams params) {
    ModifiableSolrParams sent = new ModifiableSolrParams(params);
    sent.set("wt", "javabin");
    sent.set("version", 2);
    String form = sent.toQueryString().substring(1);
    return new SolrCall("POST", solrPath + "/" + core + "/select", "application/x-www-form-urlencoded; charset=UTF-8",
        Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code termfreq} of each interest, summed: the number of interests in common; 0 without any. */
  static String sharedInterests(List<String> interests) {
    if (interests.isEmpty()) {
      return "0";
    }
    return interests.stream()
        .sorted()
        .map(slug -> "termfreq(" + INTERESTS + ",'" + slug.replace("\\", "\\\\").replace("'", "\\'") + "')")
        .collect(Collectors.joining(",", "sum(", ")"));
  }

  private static void page(ModifiableSolrParams params) {
    params.set("rows", ROWS);
    params.set("fl", String.join(",", MemberDocs.ITEM_FIELDS) + ",score");
  }
}
