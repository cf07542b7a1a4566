package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.signals.Corpus;
import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.ColumnPrerank;
import com.expat.search.ranking.solr.RankParams;
import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The pre-rank's languages from each code's masks ({@link MemberColumns#languageMasks}) against
 * the same pre-rank scoring each language set from its terms: the same doubles, to the last bit.
 */
class SegmentPrerankLanguagesTest {
  private static final Corpus CORPUS = Corpus.of(2000, Map.of("hiking", 900L, "chess", 40L, "jazz", 200L));

  @Test
  void theCodesMasksGiveEachCandidateTheSameScoreAsItsLanguageSet() {
    MemberColumns columns = TestSegment.columns();
    SplittableRandom random = new SplittableRandom(11);
    for (int v = 0; v < 60; v++) {
      ColumnPrerank model = model(SegmentPrerankTest.viewer(random));
      SegmentPrerank byCode = new SegmentPrerank(model, columns);
      SegmentPrerank bySet = new SegmentPrerank(model, columns, false);
      for (int doc = 0; doc < columns.maxDoc; doc++) {
        assertThat(byCode.score(doc)).as("viewer %d doc %d", v, doc).isEqualTo(bySet.score(doc));
      }
    }
  }

  @Test
  void masksListEachSetsTermsOfTheCode() {
    MemberColumns columns = TestSegment.columns();
    for (int code = 0; code < columns.languageCodes.length; code++) {
      byte[] masks = columns.languageMasks(code);
      assertThat(masks).as("code %s", columns.languageCodes[code]).isNotNull();
      for (int set = 0; set < columns.languageSets(); set++) {
        int expected = 0;
        for (int i = columns.languageStart[set]; i < columns.languageStart[set + 1]; i++) {
          int ord = columns.languageOrds[i];
          if (columns.languageCodeIndex[ord] == code) {
            expected |= 1 << (ord - columns.languageCodeFirst[code]);
          }
        }
        assertThat(masks[set] & 0xFF).isEqualTo(expected);
      }
    }
  }

  @Test
  void aCodeWithMoreTermsThanAByteIsScoredBySet() throws IOException {
    // "en" with ten terms (four levels and six nobody knows): no masks; the pre-rank is still the model's.
    List<String> terms = List.of("en:basic", "en:fluent", "en:intermediate", "en:native", "en:a", "en:b", "en:c",
        "en:d", "en:e", "en:f", "de:native", "de:basic", "fr:fluent");
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    SplittableRandom random = new SplittableRandom(3);
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      for (int id = 1; id <= 200; id++) {
        Document doc = new Document();
        doc.add(new SortedDocValuesField(MemberFields.ID, new BytesRef(Long.toString(id))));
        for (String term : terms) {
          if (random.nextInt(3) == 0) {
            doc.add(new SortedSetDocValuesField(MemberFields.LANGUAGE_LEVELS, new BytesRef(term)));
          }
        }
        writer.addDocument(doc);
      }
      writer.forceMerge(1);
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      MemberColumns columns = MemberColumns.read(reader.leaves().get(0).reader());
      int en = List.of(columns.languageCodes).indexOf("en");
      assertThat(columns.languageMasks(en)).isNull();
      assertThat(columns.languageMasks(List.of(columns.languageCodes).indexOf("de"))).isNotNull();
      for (Map<String, LanguageLevel> languages : List.of(Map.of("en", LanguageLevel.FLUENT),
          Map.of("de", LanguageLevel.NATIVE, "fr", LanguageLevel.BASIC),
          Map.of("de", LanguageLevel.BASIC, "en", LanguageLevel.NATIVE))) {
        ColumnPrerank model = model(new Viewer(0, null, null, new HashMap<>(languages), Set.of(), Set.of()));
        SegmentPrerank byCode = new SegmentPrerank(model, columns);
        SegmentPrerank bySet = new SegmentPrerank(model, columns, false);
        for (int doc = 0; doc < columns.maxDoc; doc++) {
          assertThat(byCode.score(doc)).isEqualTo(bySet.score(doc)).isCloseTo(perMember(model, columns, doc), within(1e-12));
        }
      }
    }
  }

  private static ColumnPrerank model(Viewer viewer) {
    return ColumnPrerank.of(new RankParams(RankingProfiles.load().defaultProfile(), viewer, TestSegment.NOW), CORPUS);
  }

  /** The quality and languages of a member without dates, place or interests, from the model's per-value functions. */
  private static double perMember(ColumnPrerank model, MemberColumns columns, int doc) {
    Map<String, Double> best = new HashMap<>();
    for (String term : columns.languageTerms(doc)) {
      double pair = model.languagePair(term);
      if (pair > 0) {
        best.merge(term.substring(0, term.indexOf(':')), pair, Math::max);
      }
    }
    double[] pairs = best.values().stream().mapToDouble(Double::doubleValue).toArray();
    return model.quality(columns.quality[doc]) + model.languages(pairs, pairs.length);
  }
}
