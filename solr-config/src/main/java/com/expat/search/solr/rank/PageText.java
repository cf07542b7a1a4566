package com.expat.search.solr.rank;

import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/**
 * The page's texts ({@value MemberFields#ID}, {@value MemberFields#DISPLAY_NAME}, {@value
 * MemberFields#HEADLINE}, {@value MemberFields#OCCUPATION}) of its documents, each read from its
 * binary docValues copy ({@value MemberFields#PAGE_ID}, ...; schema type {@code page_text}): one
 * direct-addressed read a document, no stored-fields block decompressed and no heap copy. A
 * document without {@value MemberFields#PAGE_ID} was indexed before the schema had the copies
 * (an index built before the upgrade, or such documents merged with newer ones): its text is read
 * from the stored field, the same value, until {@code reindex all} rebuilds the core. Documents
 * are read a page at a time, in ascending order ({@link #page}). Stateless.
 */
final class PageText {
  /** The page's stored text fields and their docValues copies, the id first. */
  static final Map<String, String> COPIES = copies();

  private PageText() {}

  /**
   * The four texts of a page's documents ({@code docs}, global ids in any order), read in ascending
   * order: one docValues iterator per field and segment, where the page order (by rank) took each
   * field's forward-only iterator again whenever the next document lay before the last (about half
   * the page, with the copies' and the marks' block look-ups each time). A document indexed before
   * the copies has its four texts read from the stored fields.
   */
  static Page page(IndexReader reader, int[] docs) throws IOException {
    List<String> fields = Page.FIELDS;
    int[] sorted = docs.clone();
    Arrays.sort(sorted);
    String[][] values = new String[fields.size()][sorted.length];
    long storedReads = 0;
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = null;
    BinaryDocValues[] copies = new BinaryDocValues[fields.size()];
    for (int i = 0; i < sorted.length; i++) {
      int doc = sorted[i];
      if (i > 0 && doc == sorted[i - 1]) {
        for (String[] field : values) {
          field[i] = field[i - 1];
        }
        continue;
      }
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        for (int f = 0; f < copies.length; f++) {
          copies[f] = leaf.reader().getBinaryDocValues(COPIES.get(fields.get(f)));
        }
      }
      int local = doc - leaf.docBase;
      // Page.FIELDS starts with the id, whose copy every document indexed with the copies has.
      boolean withCopies = copies[0] != null && copies[0].advanceExact(local);
      for (int f = 0; f < copies.length; f++) {
        if (!withCopies) {
          storedReads++;
          values[f][i] = leaf.reader().storedFields().document(local, Set.of(fields.get(f))).get(fields.get(f));
        } else if (f == 0 || copies[f] != null && copies[f].advanceExact(local)) {
          values[f][i] = copies[f].binaryValue().utf8ToString();
        } // else: indexed with the copies, the document has no such text
      }
    }
    return new Page(sorted, values, storedReads);
  }

  /**
   * A page's texts ({@link #page}): each of its documents' four values, null where the document
   * has none. Immutable.
   */
  static final class Page {
    /** The page's text fields, in {@link #COPIES}' order: the id first. */
    static final List<String> FIELDS = List.copyOf(COPIES.keySet());

    private final int[] docs;
    private final String[][] values;
    private final long storedReads;

    private Page(int[] docs, String[][] values, long storedReads) {
      this.docs = docs;
      this.values = values;
      this.storedReads = storedReads;
    }

    /** Where global document {@code doc} is in the page: 0 or more when it is one of the page's, else below 0. */
    int indexOf(int doc) {
      return Arrays.binarySearch(docs, doc);
    }

    /** The value of text {@code field} (an index into {@link #FIELDS}) of the page's document at {@code at}, null when it has none. */
    String value(int field, int at) {
      return values[field][at];
    }

    /** How many values came from the stored fields (documents indexed before the copies). */
    long storedReads() {
      return storedReads;
    }
  }

  private static Map<String, String> copies() {
    Map<String, String> copies = new LinkedHashMap<>();
    copies.put(MemberFields.ID, MemberFields.PAGE_ID);
    copies.put(MemberFields.DISPLAY_NAME, MemberFields.PAGE_DISPLAY_NAME);
    copies.put(MemberFields.HEADLINE, MemberFields.PAGE_HEADLINE);
    copies.put(MemberFields.OCCUPATION, MemberFields.PAGE_OCCUPATION);
    return Collections.unmodifiableMap(copies);
  }

  /**
   * How many of {@code reader}'s documents (deleted ones included) were indexed without the
   * copies, so that their texts come from the stored fields.
   */
  static int documentsWithoutCopies(LeafReader reader) throws IOException {
    BinaryDocValues marks = reader.getBinaryDocValues(MemberFields.PAGE_ID);
    return marks == null ? reader.maxDoc() : reader.maxDoc() - (int) marks.cost();
  }
}
