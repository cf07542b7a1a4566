package com.expat.search.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.testing.solr.SolrCores;
import com.expat.search.testing.solr.SolrExtension;
import com.expat.search.vocabulary.MemberFields;
import java.util.List;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The text analysis of configset expat, against the real launched Solr. */
@ExtendWith(SolrExtension.class)
class MultilingualTextIT {
  private static final String TEXT_FIELDS = "display_name headline bio occupation";

  private final SolrClient client;
  private final String members;

  MultilingualTextIT(SolrCores cores) {
    this.client = cores.client();
    this.members = cores.members();
  }

  @BeforeAll
  static void indexMembers(SolrCores cores) throws Exception {
    List<SolrInputDocument> docs = List.of(
        member("1", "Çağlar Öztürk", "Software engineer in São Paulo", "Ich wandere gern."),
        member("2", "Lena Müller", "Hikers welcome", "Weekend hikes around Zürich"),
        member("3", "佐藤花子", "東京でハイキング", "週末は山に登ります"),
        member("4", "王伟", "我喜欢爬山", "周末去爬山"),
        member("5", "Алексей Ёлкин", "Живу в Москве", "Люблю шахматы"),
        member("6", "محمد", "أعيش في القاهرة", "أحب كرة القدم"),
        member("7", "Ｍａｒｉａ Muñoz", "photographers meetup", "I teach yoga"),
        member("8", "Muhammad Ali", "boxing fan", "runner"));
    cores.client().add(cores.members(), docs);
    cores.client().commit(cores.members());
  }

  @Test
  void accentsAndCaseFoldAway() throws Exception {
    assertThat(ids("caglar")).containsExactly("1");
    assertThat(ids("ÇAĞLAR")).containsExactly("1");
    assertThat(ids("sao paulo")).containsExactly("1");
    assertThat(ids("muller")).containsExactly("2");
    assertThat(ids("zurich")).containsExactly("2");
    assertThat(ids("munoz")).containsExactly("7");
  }

  @Test
  void fullWidthLettersMatchAscii() throws Exception {
    assertThat(ids("maria")).containsExactly("7");
  }

  @Test
  void japaneseIsFoundByItsWordsWithoutSpaces() throws Exception {
    assertThat(ids("東京")).containsExactly("3");
    assertThat(ids("ハイキング")).containsExactly("3");
    assertThat(ids("佐藤")).containsExactly("3");
  }

  @Test
  void chineseIsFoundByItsWordsWithoutSpaces() throws Exception {
    assertThat(ids("爬山")).containsExactly("4");
    assertThat(ids("王伟")).containsExactly("4");
  }

  @Test
  void cyrillicFoldsCaseAndYo() throws Exception {
    assertThat(ids("москве")).containsExactly("5");
    assertThat(ids("елкин")).containsExactly("5");
  }

  @Test
  void arabicIsSearchable() throws Exception {
    assertThat(ids("القاهرة")).containsExactly("6");
  }

  @Test
  void stemmedCompanionFindsOtherFormsOfAWord() throws Exception {
    assertThat(ids("hiking", "text_en")).containsExactlyInAnyOrder("2");
    assertThat(ids("hike", "text_en")).containsExactlyInAnyOrder("2");
    assertThat(ids("photography", "text_en")).containsExactly("7");
    assertThat(ids("teaching", "text_en")).containsExactly("7");
    assertThat(ids("running", "text_en")).containsExactly("8");
  }

  @Test
  void multilingualFieldsAreNotStemmed() throws Exception {
    assertThat(ids("hiking")).isEmpty();
  }

  @Test
  void nameSuggestMatchesFoldedPrefixes() throws Exception {
    assertThat(ids("mü", "name_suggest")).containsExactlyInAnyOrder("2", "7", "8");
    assertThat(ids("MU", "name_suggest")).containsExactlyInAnyOrder("2", "7", "8");
    assertThat(ids("lena mu", "name_suggest")).containsExactly("2");
    assertThat(ids("mull", "name_suggest")).containsExactly("2");
    assertThat(ids("佐", "name_suggest")).containsExactly("3");
    assertThat(ids("佐藤", "name_suggest")).containsExactly("3");
    assertThat(ids("cag", "name_suggest")).containsExactly("1");
  }

  @Test
  void nameSuggestIsOnlyForPrefixes() throws Exception {
    assertThat(ids("ller", "name_suggest")).isEmpty();
  }

  @Test
  void bioIsSearchableButNeverReturned() throws Exception {
    SolrQuery query = new SolrQuery("id:2").setFields("*");
    SolrDocument doc = client.query(members, query).getResults().get(0);
    assertThat(doc.getFieldValue(MemberFields.DISPLAY_NAME)).isEqualTo("Lena Müller");
    assertThat(doc.getFieldNames()).doesNotContain(MemberFields.BIO);
    assertThat(ids("zurich", "bio")).containsExactly("2");
  }

  private List<String> ids(String text) throws Exception {
    return ids(text, TEXT_FIELDS);
  }

  private List<String> ids(String text, String fields) throws Exception {
    SolrQuery query = new SolrQuery(text)
        .setParam("defType", "edismax")
        .setParam("qf", fields)
        .setParam("q.op", "AND")
        .setFields("id")
        .setRows(100);
    return client.query(members, query).getResults().stream()
        .map(doc -> (String) doc.getFieldValue("id"))
        .toList();
  }

  private static SolrInputDocument member(String id, String name, String headline, String bio) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(MemberFields.ID, id);
    doc.setField(MemberFields.VERSION, 1L);
    doc.setField(MemberFields.DISPLAY_NAME, name);
    doc.setField(MemberFields.HEADLINE, headline);
    doc.setField(MemberFields.BIO, bio);
    doc.setField(MemberFields.SEARCHABLE, true);
    return doc;
  }
}
