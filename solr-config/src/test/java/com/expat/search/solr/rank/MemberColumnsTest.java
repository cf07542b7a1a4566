package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.ranking.signals.LanguageLevel;
import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class MemberColumnsTest {
  @Test
  void eachMemberKeepsExactlyTheLanguagesItsDocumentListsThoughMembersShareSets() throws IOException {
    SplittableRandom random = new SplittableRandom(23);
    List<TreeSet<String>> written = new ArrayList<>();
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
        for (int id = 1; id <= 3000; id++) {
          TreeSet<String> terms = new TreeSet<>();
          for (int n = random.nextInt(4); n > 0; n--) {
            terms.add(List.of("de", "en", "fr", "pt").get(random.nextInt(4)) + ":"
                + List.of("native", "fluent", "basic", "klingon").get(random.nextInt(4)));
          }
          Document doc = new Document();
          doc.add(new SortedDocValuesField(MemberFields.ID, new BytesRef(Long.toString(id))));
          terms.forEach(term -> doc.add(new SortedSetDocValuesField(MemberFields.LANGUAGE_LEVELS, new BytesRef(term))));
          writer.addDocument(doc);
          written.add(terms);
        }
        writer.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        MemberColumns columns = MemberColumns.read(reader.leaves().get(0).reader());
        long none = written.stream().filter(TreeSet::isEmpty).count();
        assertThat(none).isPositive();
        for (int doc = 0; doc < columns.maxDoc; doc++) {
          List<String> terms = List.copyOf(written.get((int) columns.id[doc] - 1));
          assertThat(columns.languageTerms(doc)).as("doc %d", doc).containsExactlyElementsOf(terms);
          assertThat(columns.languageSet[doc] < 0).as("doc %d", doc).isEqualTo(terms.isEmpty());
          Map<String, LanguageLevel> levels = columns.languageLevels(doc);
          assertThat(levels).as("doc %d", doc).isEqualTo(LanguageLevel.parseCodes(terms));
          // one map per set, shared by the set's members
          assertThat(columns.languageLevels(doc)).isSameAs(levels);
        }
        assertThat(columns.languageSets()).isLessThan(columns.maxDoc / 4);
      }
    }
  }
}
