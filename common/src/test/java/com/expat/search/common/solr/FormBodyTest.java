package com.expat.search.common.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.http.NameValuePair;
import org.apache.http.client.utils.URLEncodedUtils;
import org.apache.http.message.BasicNameValuePair;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.Test;

class FormBodyTest {
  @Test
  void aSearchIsTheBodySolrJWrote() {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("q", "{!edismax qf=$qf v=$qq}");
    params.set("qq", "Çağlar São 住む \"jazz\" & rock+roll 100% ~x* 🎷");
    params.add("fq", "-hidden:true");
    params.add("fq", "{!geofilt sfield=location pt=-33.868800,151.209300 d=50.000}");
    params.set("rq", "{!expat_matches window=400 size=20 text=true}");
    params.set("fl", "id,display_name,expat_score,[expat_matches text=true]");
    params.set("empty", "");
    params.set("wt", "javabin");
    assertThat(new String(FormBody.encode(params), StandardCharsets.US_ASCII)).isEqualTo(apache(params));
  }

  @Test
  void everyCharacterIsEncodedAsSolrJEncodedIt() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int c = random.nextInt(40); c > 0; c--) {
        // ASCII, Latin, CJK, astral pairs and lone surrogates
        switch (random.nextInt(5)) {
          case 0 -> text.append((char) random.nextInt(0x80));
          case 1 -> text.append((char) random.nextInt(0x80, 0x800));
          case 2 -> text.append((char) random.nextInt(0x800, 0x10000));
          case 3 -> text.appendCodePoint(random.nextInt(0x10000, 0x110000));
          default -> text.append((char) random.nextInt(0xD800, 0xE000));
        }
      }
      ModifiableSolrParams params = new ModifiableSolrParams();
      params.set("p" + text, text.toString());
      assertThat(new String(FormBody.encode(params), StandardCharsets.US_ASCII)).as(text.toString())
          .isEqualTo(apache(params));
    }
  }

  @Test
  void aBodyOfManyKilobytesIsWholeAsSolrJWroteIt() {
    SplittableRandom random = new SplittableRandom(11);
    for (int length : new int[] {1_364, 1_365, 4_095, 4_096, 4_097, 20_000}) {
      StringBuilder text = new StringBuilder();
      while (text.length() < length) {
        text.append(random.nextBoolean() ? "a" : random.nextBoolean() ? "\u00e9" : "\u4f4f");
      }
      ModifiableSolrParams params = new ModifiableSolrParams();
      params.set("q", text.toString());
      params.add("fq", text.substring(0, length / 2));
      params.add("fq", "x");
      assertThat(new String(FormBody.encode(params), StandardCharsets.US_ASCII)).as("%d chars", length)
          .isEqualTo(apache(params));
    }
  }

  /** What SolrJ's HttpSolrClient sends for these parameters (UrlEncodedFormEntity). */
  private static String apache(ModifiableSolrParams params) {
    List<NameValuePair> pairs = new ArrayList<>();
    for (Iterator<String> names = params.getParameterNamesIterator(); names.hasNext(); ) {
      String name = names.next();
      for (String value : params.getParams(name)) {
        pairs.add(new BasicNameValuePair(name, value));
      }
    }
    return URLEncodedUtils.format(pairs, StandardCharsets.UTF_8);
  }
}
