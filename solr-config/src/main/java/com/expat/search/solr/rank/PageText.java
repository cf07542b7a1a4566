package com.expat.search.solr.rank;

import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;

/**
 * One of the page's texts ({@value MemberFields#ID}, {@value MemberFields#DISPLAY_NAME}, {@value
 * MemberFields#HEADLINE}, {@value MemberFields#OCCUPATION}) of a segment's documents, read from its
 * binary docValues copy ({@value MemberFields#PAGE_ID}, ...; schema type {@code page_text}): one
 * direct-addressed read a document, no stored-fields block decompressed and no heap copy. A
 * document without {@value MemberFields#PAGE_ID} was indexed before the schema had the copies
 * (an index built before the upgrade, or such documents merged with newer ones): its text is read
 * from the stored field, the same value, until {@code reindex all} rebuilds the core. Documents
 * are asked in page order, not ascending; the forward-only docValues are taken again when a page
 * goes back. One per transformer (per request and field); not thread-safe.
 */
final class PageText {
  /** The page's stored text fields and their docValues copies. */
  static final Map<String, String> COPIES = Map.of(
      MemberFields.ID, MemberFields.PAGE_ID,
      MemberFields.DISPLAY_NAME, MemberFields.PAGE_DISPLAY_NAME,
      MemberFields.HEADLINE, MemberFields.PAGE_HEADLINE,
      MemberFields.OCCUPATION, MemberFields.PAGE_OCCUPATION);

  private final String field;
  private final String copy;
  private final Set<String> stored;
  private LeafReader leaf;
  private BinaryDocValues values;
  private BinaryDocValues marks;
  private int last = -1;
  private long storedReads;

  PageText(String field) {
    this.field = field;
    this.copy = COPIES.get(field);
    if (copy == null) {
      throw new IllegalArgumentException(field + " is not a page text; one of " + COPIES.keySet());
    }
    this.stored = Set.of(field);
  }

  /** Document {@code doc}'s first value of the field in {@code leaf}, null when it has none. */
  String value(LeafReader leaf, int doc) throws IOException {
    if (leaf != this.leaf || doc < last) {
      this.leaf = leaf;
      values = leaf.getBinaryDocValues(copy);
      marks = copy.equals(MemberFields.PAGE_ID) ? null : leaf.getBinaryDocValues(MemberFields.PAGE_ID);
    }
    last = doc;
    if (values != null && values.advanceExact(doc)) {
      return values.binaryValue().utf8ToString();
    }
    if (marks != null && marks.advanceExact(doc)) {
      return null; // indexed with the copies: the document has no such text
    }
    storedReads++;
    return leaf.storedFields().document(doc, stored).get(field);
  }

  /**
   * How many of {@code reader}'s documents (deleted ones included) were indexed without the
   * copies, so that their texts come from the stored fields.
   */
  static int documentsWithoutCopies(LeafReader reader) throws IOException {
    BinaryDocValues marks = reader.getBinaryDocValues(MemberFields.PAGE_ID);
    return marks == null ? reader.maxDoc() : reader.maxDoc() - (int) marks.cost();
  }

  /** How many values came from the stored field (documents indexed before the copies). */
  long storedReads() {
    return storedReads;
  }
}
