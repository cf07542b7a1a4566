package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The page's stored texts from the columns ({@link PageTexts}) are what the segment stores: each
 * of the four fields present or absent on its own, empty texts, long ones (lengths past one varint
 * byte), any script, deleted documents kept in place, other stored fields left out.
 */
class PageTextsTest {
  private static final List<String> WORDS =
      List.of("Çağlar", "São", "郑美玲", "سارة", "Hiker 🥾", "", "engineer", "x".repeat(300), "Zoë");

  @Test
  void eachDocumentsPageTextsAreItsStoredValues() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    List<String[]> written = new ArrayList<>();
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
        for (int n = 0; n < 3000; n++) {
          Document doc = new Document();
          String[] values = new String[PageTexts.FIELDS.size()];
          values[0] = random.nextInt(20) == 0 ? null : Integer.toString(n);
          for (int field = 1; field < values.length; field++) {
            values[field] = random.nextInt(4) == 0 ? null
                : WORDS.get(random.nextInt(WORDS.size())) + (random.nextBoolean() ? "" : " " + n);
          }
          if (values[0] != null) {
            doc.add(new StringField(MemberFields.ID, values[0], Field.Store.YES));
            doc.add(new SortedDocValuesField(MemberFields.ID, new BytesRef(values[0])));
          }
          doc.add(new StoredField("bio", "not a page field " + n));
          for (int field = 1; field < values.length; field++) {
            if (values[field] != null) {
              doc.add(new TextField(PageTexts.FIELDS.get(field), values[field], Field.Store.YES));
            }
          }
          doc.add(new StringField("n", Integer.toString(n), Field.Store.NO));
          writer.addDocument(doc);
          written.add(values);
        }
        writer.commit();
        for (int n = 0; n < 3000; n += 97) {
          writer.deleteDocuments(new Term("n", Integer.toString(n)));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        int checked = 0;
        for (var context : reader.leaves()) {
          var leaf = context.reader();
          MemberColumns columns = MemberColumns.read(leaf);
          var stored = leaf.storedFields();
          for (int doc = 0; doc < leaf.maxDoc(); doc++) {
            Document source = stored.document(doc);
            for (int field = 0; field < PageTexts.FIELDS.size(); field++) {
              assertThat(columns.pageTexts.value(doc, field)).as("doc %d field %d", doc, field)
                  .isEqualTo(source.get(PageTexts.FIELDS.get(field)));
            }
            checked++;
          }
        }
        assertThat(checked).isEqualTo(3000);
        assertThat(written).anyMatch(values -> values[0] == null)
            .anyMatch(values -> values[1] != null && values[1].isEmpty())
            .anyMatch(values -> values[2] != null && values[2].length() > 200);
      }
    }
  }
}
