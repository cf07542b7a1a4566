package com.expat.search.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.lab.LabQuery;
import com.expat.search.lab.QueryType;
import com.expat.search.ranking.RankingProfiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewTest {
  private static final RankingProfiles PROFILES = RankingProfiles.load();

  @Test
  void url_carriesTheWholeState_andParsesBackToTheSameView() {
    View view = View.parse(Workbench.parseQuery(
        "endpoint=member_search&viewer=12&q=caf%C3%A9+chef&filters=city%3D2950159%26lang%3Des&a=default&wa=distance%3A3&b=local-first&size=20"),
        PROFILES);

    assertThat(view.url()).isEqualTo(
        "/?endpoint=member_search&viewer=12&q=caf%C3%A9+chef&filters=city%3D2950159%26lang%3Des&a=default&wa=distance%3A3&b=local-first&size=20");
    assertThat(View.parse(Workbench.parseQuery(view.url().substring(2)), PROFILES)).isEqualTo(view);
    assertThat(view.a().apiParams()).containsEntry("weights", "distance:3");
    assertThat(view.apiParams()).containsEntry("lang", List.of("es")).containsEntry("viewer", List.of("12"));
  }

  @Test
  void gradedQuery_isTheLabsQueryOfThatView() {
    View view = View.parse(Workbench.parseQuery("endpoint=member_search&viewer=3&q=chef&filters=lang%3Des%26lang%3Dfr"), PROFILES);
    LabQuery query = view.asQuery(QueryType.MEMBER_SEARCH);

    assertThat(query.id()).isEqualTo("member_search-3-lang_es_fr_q_chef");
    assertThat(query.params()).isEqualTo(Map.of("lang", "es,fr", "q", "chef"));
    assertThat(View.of(query, view.a(), view.b()).apiParams()).isEqualTo(view.apiParams());
  }

  @Test
  void badParameters_areNamed() {
    assertThatThrownBy(() -> View.parse(Workbench.parseQuery("endpoint=matches"), PROFILES)).hasMessageContaining("viewer");
    assertThatThrownBy(() -> View.parse(Workbench.parseQuery("endpoint=nope"), PROFILES)).hasMessageContaining("endpoint 'nope'");
    assertThatThrownBy(() -> View.parse(Workbench.parseQuery("endpoint=matches&viewer=1&b=fast"), PROFILES))
        .hasMessageContaining("b=fast is not a profile");
    assertThatThrownBy(() -> View.parse(Workbench.parseQuery("endpoint=matches&viewer=1&wa=starts_soon:1"), PROFILES))
        .hasMessageContaining("wa: 'starts_soon:1' is not feature:value");
    assertThatThrownBy(() -> View.parse(Workbench.parseQuery("endpoint=matches&viewer=1&wb=distance:101"), PROFILES))
        .hasMessageContaining("expected 0..100");
    assertThatThrownBy(() -> View.parse(Workbench.parseQuery("endpoint=member_search&filters=profile%3Dx"), PROFILES))
        .hasMessageContaining("filters: profile has its own field");
  }

  @Test
  void formWeights_keepOnlyThoseThatDifferFromTheProfileTheyWereFilledFrom() {
    Map<String, List<String>> form = Workbench.parseQuery(
        "endpoint=matches&viewer=1&a=local-first&wa.base=default&wa.distance=1.5&wa.text=3&wa.newness=2"
            + "&b=default&wb.base=default&wb.distance=1.5");

    Map<String, List<String>> compact = Workbench.compactWeights(form, PROFILES, true).orElseThrow();

    // A switched profile with untouched inputs gets no custom weights but the one edited.
    assertThat(compact.get("wa")).containsExactly("newness:2");
    assertThat(compact).doesNotContainKey("wb").doesNotContainKey("wa.distance");
    assertThat(View.parse(compact, PROFILES).url()).isEqualTo("/?endpoint=matches&viewer=1&a=local-first&wa=newness%3A2&b=default");
    assertThat(Workbench.compactWeights(Workbench.parseQuery("endpoint=matches&viewer=1"), PROFILES, true)).isEmpty();
  }
}
