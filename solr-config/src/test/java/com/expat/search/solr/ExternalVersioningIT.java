package com.expat.search.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.expat.search.vocabulary.MemberFields;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The default update chain keeps the highest doc_version whatever order updates and deletes
 * arrive in (DocBasedVersionConstraintsProcessorFactory, ignoreOldUpdates, del_version).
 */
@ExtendWith(SolrExtension.class)
class ExternalVersioningIT {
  private final SolrClient client;
  private final String core;

  ExternalVersioningIT(SolrCores cores) {
    this.client = cores.client();
    this.core = cores.members();
  }

  @Test
  void staleUpdateNeverOverwritesNewerVersion() throws Exception {
    add("v1", 5, "Fifth");
    add("v1", 4, "Fourth");
    add("v1", 5, "Fifth again");

    assertThat(realTimeGet("v1").getFieldValue(MemberFields.DISPLAY_NAME)).isEqualTo("Fifth");
  }

  @Test
  void newerVersionReplacesOlder() throws Exception {
    add("v2", 1, "First");
    add("v2", 2, "Second");

    assertThat(realTimeGet("v2").getFieldValue(MemberFields.DISPLAY_NAME)).isEqualTo("Second");
    assertThat(realTimeGet("v2").getFieldValue(MemberFields.VERSION)).isEqualTo(2L);
  }

  @Test
  void deleteCarryingAnOlderVersionIsIgnored() throws Exception {
    add("v3", 7, "Seventh");
    delete("v3", 6);

    assertThat(realTimeGet("v3").getFieldValue(MemberFields.DISPLAY_NAME)).isEqualTo("Seventh");
    assertThat(searchIds("v3")).containsExactly("v3");
  }

  @Test
  void staleReAddAfterDeleteIsIgnored() throws Exception {
    add("v4", 3, "Third");
    delete("v4", 4);
    add("v4", 3, "Third, late duplicate");
    add("v4", 2, "Second, very late");

    assertThat(searchIds("v4")).isEmpty();
    SolrDocument tombstone = realTimeGet("v4");
    assertThat(tombstone.getFieldValue("tombstone")).isEqualTo(true);
    assertThat(tombstone.getFieldValue(MemberFields.VERSION)).isEqualTo(4L);
  }

  @Test
  void newerReAddAfterDeleteComesBack() throws Exception {
    add("v5", 1, "First");
    delete("v5", 2);
    add("v5", 3, "Back");

    assertThat(searchIds("v5")).containsExactly("v5");
    assertThat(realTimeGet("v5").getFieldValue(MemberFields.DISPLAY_NAME)).isEqualTo("Back");
  }

  @Test
  void deleteOfAnUnknownIdLeavesATombstoneThatBlocksOlderAdds() throws Exception {
    delete("v6", 10);
    add("v6", 9, "Arrived after its own delete");

    assertThat(searchIds("v6")).isEmpty();
  }

  @Test
  void tombstonesNeverShowInSearches() throws Exception {
    add("v7", 1, "Gone");
    delete("v7", 2);

    SolrQuery everything = new SolrQuery("*:*").addFilterQuery("id:v7");
    assertThat(client.query(core, everything).getResults().getNumFound()).isZero();
  }

  @Test
  void deleteWithoutVersionIsRejected() {
    assertThatThrownBy(() -> new UpdateRequest().deleteById("v8").process(client, core))
        .hasMessageContaining("del_version");
  }

  @Test
  void documentWithoutVersionIsRejected() {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(MemberFields.ID, "v9");
    assertThatThrownBy(() -> client.add(core, doc)).hasMessageContaining("doc_version");
  }

  private void add(String id, long version, String name) throws Exception {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(MemberFields.ID, id);
    doc.setField(MemberFields.VERSION, version);
    doc.setField(MemberFields.DISPLAY_NAME, name);
    doc.setField(MemberFields.SEARCHABLE, true);
    client.add(core, doc);
    client.commit(core);
  }

  private void delete(String id, long version) throws Exception {
    UpdateRequest delete = new UpdateRequest().deleteById(id);
    delete.setParam("del_version", Long.toString(version));
    delete.process(client, core);
    client.commit(core);
  }

  private SolrDocument realTimeGet(String id) throws Exception {
    SolrDocument doc = client.getById(core, id);
    assertThat((Object) doc).as("document %s in %s", id, core).isNotNull();
    return doc;
  }

  private java.util.List<String> searchIds(String id) throws Exception {
    SolrQuery query = new SolrQuery("id:" + id).setFields("id");
    return client.query(core, query).getResults().stream()
        .map(doc -> (String) doc.getFieldValue("id"))
        .toList();
  }
}
