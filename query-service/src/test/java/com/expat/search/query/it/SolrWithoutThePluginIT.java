package com.expat.search.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.solr.IndexNames;
import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Members rank only inside Solr (the configset's {@code expat_matches}, solr-config's jar): a Solr
 * whose members core lacks the plugin (a core created with {@code expat.nativePrerank=false}, as a
 * Solr without the jar loads the configset) stops the service at start with a message naming the
 * jar and the configset; one that could not say at start (the core was not there yet) answers
 * every ranked member request with a 503 and Retry-After, never an answer ranked another way.
 */
@ExtendWith(SolrExtension.class)
class SolrWithoutThePluginIT {
  private final SolrCores solr;
  private final List<String> created = new ArrayList<>();

  SolrWithoutThePluginIT(SolrCores solr) {
    this.solr = solr;
  }

  @AfterEach
  void unload() throws Exception {
    for (String core : created) {
      CoreAdminRequest.Unload unload = new CoreAdminRequest.Unload(true);
      unload.setCoreName(core);
      unload.setDeleteInstanceDir(true);
      unload.process(solr.client());
    }
  }

  @Test
  void aSolrThatAnswersWithoutThePluginStopsTheStartNamingTheJarAndTheConfigset() throws Exception {
    String members = withoutPlugin("_start");
    IndexNames cores = new IndexNames(members, solr.events(), solr.catalog());
    assertThatThrownBy(() -> Api.start(Api.config(solr.baseUrl(), cores, Duration.ZERO)).close())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(members)
        .hasMessageContaining("solr-config.jar")
        .hasMessageContaining("configset expat");
    // the same Solr with the plugin starts
    Api.start(Api.config(solr.baseUrl(), new IndexNames(solr.members(), solr.events(), solr.catalog()), Duration.ZERO))
        .close();
  }

  @Test
  void aSolrWithoutThePluginFoundAfterTheStartAnswersRankedRequestsWith503() throws Exception {
    String members = solr.members() + "_later";
    IndexNames cores = new IndexNames(members, solr.events(), solr.catalog());
    try (Api api = Api.start(Api.config(solr.baseUrl(), cores, Duration.ZERO))) {
      create(members);
      World.index(new SolrCores(solr.client(), solr.baseUrl(), members, solr.events(), solr.catalog()));
      for (String[] request : new String[][] {{"/v1/members/search"}, {"/v1/members/search", "q", "hiking"},
          {"/v1/members/1/matches"}}) {
        String path = request[0];
        String[] params = List.of(request).subList(1, request.length).toArray(String[]::new);
        Api.Response response = api.get(path, params);
        assertThat(response.status()).as(List.of(request).toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).as(List.of(request).toString()).isEqualTo("1");
      }
    }
  }

  private String withoutPlugin(String suffix) throws Exception {
    String name = solr.members() + suffix;
    create(name);
    return name;
  }

  private void create(String name) throws Exception {
    ModifiableSolrParams create = new ModifiableSolrParams();
    create.set("action", "CREATE");
    create.set("name", name);
    create.set("configSet", "expat");
    create.set("property.expat.nativePrerank", "false");
    new GenericSolrRequest(SolrRequest.METHOD.GET, "/admin/cores", create).process(solr.client());
    created.add(name);
  }
}
