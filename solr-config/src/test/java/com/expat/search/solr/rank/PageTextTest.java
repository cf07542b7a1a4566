package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The page's texts read from their binary docValues copies ({@link PageText}) are the stored
 * values: each of the four fields present or absent on its own, empty and long texts, any script,
 * pages of documents in any order; documents indexed before the copies existed (no {@code page_id})
 * are read from the stored fields, alone in their segments or merged with newer ones, and only
 * they.
 */
class PageTextTest {
  private static final List<String> FIELDS =
      List.of(MemberFields.ID, MemberFields.DISPLAY_NAME, MemberFields.HEADLINE, MemberFields.OCCUPATION);
  private static final List<String> WORDS =
      List.of("Çağlar", "São", "郑美玲", "سارة", "Hiker 🥾", "", "engineer", "x".repeat(300), "Zoë");

  @Test
  void anIndexWithTheCopiesIsReadFromThemAloneAndGivesTheStoredValues() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      write(directory, 0, 3000, true, false);
      assertThat(checkEveryDocument(directory, 3000)).isZero();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        for (LeafReaderContext leaf : reader.leaves()) {
          assertThat(PageText.documentsWithoutCopies(leaf.reader())).isZero();
        }
      }
    }
  }

  @Test
  void documentsIndexedBeforeTheCopiesAreReadFromTheStoredFieldsInTheirOwnSegmentsAndMerged() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      write(directory, 0, 1000, false, false); // before the upgrade: stored only
      write(directory, 1000, 2000, true, false); // live sync after it: with the copies
      assertThat(checkEveryDocument(directory, 2000)).isEqualTo(FIELDS.size() * 1000);
      assertThat(withoutCopies(directory)).isEqualTo(1000);

      // a merge of old and new documents into one segment, which drops the 11 deleted old ones
      // (0, 97, ..., 970), the 11 deleted new ones and the 6 deleted newest
      write(directory, 2000, 2500, true, true);
      assertThat(checkEveryDocument(directory, 2500 - 11 - 11 - 6)).isEqualTo(FIELDS.size() * (1000 - 11));
      assertThat(withoutCopies(directory)).isEqualTo(1000 - 11);
    }
  }

  private static int withoutCopies(ByteBuffersDirectory directory) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      int without = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        without += PageText.documentsWithoutCopies(leaf.reader());
      }
      return without;
    }
  }

  /** Documents {@code from..to} with random texts (seeded by {@code from}), the copies when {@code copies}. */
  private static void write(ByteBuffersDirectory directory, int from, int to, boolean copies, boolean mergeAll)
      throws IOException {
    SplittableRandom random = new SplittableRandom(from + 7);
    IndexWriterConfig config = new IndexWriterConfig();
    if (!mergeAll) {
      config.setMergePolicy(NoMergePolicy.INSTANCE);
    }
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int n = from; n < to; n++) {
        Document doc = new Document();
        String[] values = new String[FIELDS.size()];
        values[0] = Integer.toString(n);
        for (int field = 1; field < values.length; field++) {
          values[field] = random.nextInt(4) == 0 ? null
              : WORDS.get(random.nextInt(WORDS.size())) + (random.nextBoolean() ? "" : " " + n);
        }
        doc.add(new StringField(MemberFields.ID, values[0], Field.Store.YES));
        for (int field = 1; field < values.length; field++) {
          if (values[field] != null) {
            doc.add(new TextField(FIELDS.get(field), values[field], Field.Store.YES));
          }
        }
        if (copies) {
          for (int field = 0; field < values.length; field++) {
            if (values[field] != null) {
              doc.add(new BinaryDocValuesField(PageText.COPIES.get(FIELDS.get(field)), new BytesRef(values[field])));
            }
          }
        }
        doc.add(new TextField(MemberFields.BIO, "not a page field " + n, Field.Store.YES));
        writer.addDocument(doc);
      }
      writer.commit();
      for (int n = from; n < to; n += 97) {
        writer.deleteDocuments(new Term(MemberFields.ID, Integer.toString(n)));
      }
      if (mergeAll) {
        writer.forceMerge(1);
      }
    }
  }

  /**
   * The documents in {@code order} as pages of 1 to 40 in that (rank) order, a document now and then
   * twice: {@link PageText#page} gives every one of a page's the stored values, stored reads only for
   * documents without the copies, and holds no document outside the page; the stored reads.
   */
  private static long checkPages(DirectoryReader reader, List<int[]> order) throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    long storedReads = 0;
    for (int from = 0; from < order.size(); ) {
      int size = Math.min(order.size() - from, 1 + random.nextInt(40));
      boolean twice = random.nextInt(5) == 0;
      int[] docs = new int[size + (twice ? 1 : 0)];
      for (int i = 0; i < size; i++) {
        int[] at = order.get(from + i);
        docs[i] = reader.leaves().get(at[0]).docBase + at[1];
      }
      if (twice) {
        docs[size] = docs[0];
      }
      PageText.Page page = PageText.page(reader, docs);
      java.util.Set<Integer> distinct = new java.util.HashSet<>();
      for (int doc : docs) {
        LeafReaderContext leaf = reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(doc, reader.leaves()));
        Document stored = leaf.reader().storedFields().document(doc - leaf.docBase);
        int at = page.indexOf(doc);
        assertThat(at).isNotNegative();
        for (int field = 0; field < PageText.Page.FIELDS.size(); field++) {
          String name = PageText.Page.FIELDS.get(field);
          assertThat(page.value(field, at)).as("%s of doc %d", name, doc).isEqualTo(stored.get(name));
        }
        distinct.add(doc);
      }
      assertThat(page.storedReads()).isEqualTo(FIELDS.size() * (long) countWithoutCopies(reader, distinct));
      assertThat(page.indexOf(-1)).isNegative();
      storedReads += page.storedReads();
      from += size;
    }
    return storedReads;
  }

  private static boolean hasIdCopy(LeafReader leaf, int doc) throws IOException {
    org.apache.lucene.index.BinaryDocValues ids = leaf.getBinaryDocValues(MemberFields.PAGE_ID);
    return ids != null && ids.advanceExact(doc);
  }

  private static int countWithoutCopies(DirectoryReader reader, java.util.Set<Integer> docs) throws IOException {
    int without = 0;
    for (int doc : docs) {
      LeafReaderContext leaf = reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(doc, reader.leaves()));
      if (!hasIdCopy(leaf.reader(), doc - leaf.docBase)) {
        without++;
      }
    }
    return without;
  }

  /**
   * Every document's four texts as {@link PageText#page} reads them, in shuffled pages, against the
   * stored values; the number of values read from the stored fields.
   */
  private static long checkEveryDocument(ByteBuffersDirectory directory, int expected) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      List<int[]> order = new ArrayList<>();
      for (int leaf = 0; leaf < reader.leaves().size(); leaf++) {
        for (int doc = 0; doc < reader.leaves().get(leaf).reader().maxDoc(); doc++) {
          order.add(new int[] {leaf, doc});
        }
      }
      assertThat(order).hasSize(expected);
      Collections.shuffle(order, new java.util.Random(3));
      return checkPages(reader, order);
    }
  }
}
