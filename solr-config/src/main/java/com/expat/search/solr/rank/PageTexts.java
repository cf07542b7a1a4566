package com.expat.search.solr.rank;

import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;

/**
 * One segment's stored page fields ({@value MemberFields#ID}, {@value MemberFields#DISPLAY_NAME},
 * {@value MemberFields#HEADLINE}, {@value MemberFields#OCCUPATION}) as UTF-8, read once when the
 * segment's columns are built, so that a ranked page is written without Solr's stored-fields read
 * (a compressed block decompressed per page document: ~11 % of Solr's CPU on a member search with
 * text at 200k, docs/benchmarks.md). Each document's record is {@code bytes[start[d] ..
 * start[d+1])}: per field in {@link #FIELDS} order a length + 1 (a varint; 0 when the document has
 * no value) and that many bytes. About the text's size in bytes plus 4 a member (~60 at 200k).
 * Immutable; thread-safe.
 */
final class PageTexts {
  /** The fields kept, in record order. */
  static final List<String> FIELDS =
      List.of(MemberFields.ID, MemberFields.DISPLAY_NAME, MemberFields.HEADLINE, MemberFields.OCCUPATION);

  private final byte[] bytes;
  private final int[] start;

  private PageTexts(byte[] bytes, int[] start) {
    this.bytes = bytes;
    this.start = start;
  }

  /** The stored values of {@code reader}'s documents, deleted ones included; the first value of a field. */
  static PageTexts read(LeafReader reader) throws IOException {
    int maxDoc = reader.maxDoc();
    int[] start = new int[maxDoc + 1];
    Record record = new Record();
    StoredFields stored = reader.storedFields();
    Buffer out = new Buffer(Math.max(16, maxDoc * 48));
    for (int doc = 0; doc < maxDoc; doc++) {
      start[doc] = out.size;
      record.clear();
      stored.document(doc, record);
      for (byte[] value : record.values) {
        out.varint(value == null ? 0 : value.length + 1);
        if (value != null) {
          out.add(value);
        }
      }
    }
    start[maxDoc] = out.size;
    return new PageTexts(Arrays.copyOf(out.bytes, out.size), start);
  }

  /** Document {@code doc}'s value of {@code FIELDS.get(field)}, null when it has none. */
  String value(int doc, int field) {
    int at = start[doc];
    for (int i = 0; ; i++) {
      int length = 0;
      int shift = 0;
      byte b;
      do {
        b = bytes[at++];
        length |= (b & 0x7F) << shift;
        shift += 7;
      } while (b < 0);
      if (i == field) {
        return length == 0 ? null : new String(bytes, at, length - 1, StandardCharsets.UTF_8);
      }
      at += Math.max(0, length - 1);
    }
  }

  long bytes() {
    return bytes.length + 4L * start.length;
  }

  /** The kept fields' first values of one document. */
  private static final class Record extends StoredFieldVisitor {
    final byte[][] values = new byte[FIELDS.size()][];

    void clear() {
      Arrays.fill(values, null);
    }

    @Override
    public Status needsField(FieldInfo fieldInfo) {
      int field = FIELDS.indexOf(fieldInfo.name);
      return field >= 0 && values[field] == null ? Status.YES : Status.NO;
    }

    @Override
    public void stringField(FieldInfo fieldInfo, String value) {
      values[FIELDS.indexOf(fieldInfo.name)] = value.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** A growing byte array. */
  private static final class Buffer {
    byte[] bytes;
    int size;

    Buffer(int capacity) {
      bytes = new byte[capacity];
    }

    void varint(int value) {
      while ((value & ~0x7F) != 0) {
        ensure(1);
        bytes[size++] = (byte) ((value & 0x7F) | 0x80);
        value >>>= 7;
      }
      ensure(1);
      bytes[size++] = (byte) value;
    }

    void add(byte[] value) {
      ensure(value.length);
      System.arraycopy(value, 0, bytes, size, value.length);
      size += value.length;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }
  }
}
