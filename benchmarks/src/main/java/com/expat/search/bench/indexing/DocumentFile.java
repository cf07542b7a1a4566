package com.expat.search.bench.indexing;

import com.expat.search.indexer.mapping.IndexChange;
import com.expat.search.vocabulary.IndexFields;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.JavaBinCodec;

/**
 * The documents of a rebuild, on disk, for the plain bulk load to send again without reading
 * MariaDB: a sequence of frames, each a page exactly as the rebuild sends it in one update
 * request, in Solr's javabin ({@link JavaBinCodec}) preceded by its length. A page holds the
 * upserts' documents and, for rows that are not indexed (deactivated members, unpublished events),
 * the tombstone {@code SolrSearchIndex.apply} sends in their place. The writer is thread-safe
 * (pages land in the order they are written); the reader is not.
 */
final class DocumentFile {
  /** The tombstone fields of {@code SolrSearchIndex.apply} (package-private there). */

  private DocumentFile() {}

  /** The documents one update request of {@code SolrSearchIndex.apply(core, changes)} carries. */
  static List<SolrInputDocument> documents(List<IndexChange> changes) {
    List<SolrInputDocument> documents = new ArrayList<>(changes.size());
    for (IndexChange change : changes) {
      if (change instanceof IndexChange.Upsert upsert) {
        documents.add(upsert.document());
      } else {
        SolrInputDocument tombstone = new SolrInputDocument();
        tombstone.setField(IndexFields.ID, change.id());
        tombstone.setField(IndexFields.VERSION, change.version());
        tombstone.setField(IndexFields.TOMBSTONE, true);
        documents.add(tombstone);
      }
    }
    return documents;
  }

  static boolean isTombstone(SolrInputDocument document) {
    return Boolean.TRUE.equals(document.getFieldValue(IndexFields.TOMBSTONE));
  }

  /** Appends pages to a new file. */
  static final class Writer implements AutoCloseable {
    private final DataOutputStream out;
    private long pages;
    private long documents;

    Writer(Path file) {
      try {
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    }

    void write(List<SolrInputDocument> page) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
      try (JavaBinCodec codec = new JavaBinCodec()) {
        codec.marshal(page, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot encode a page", e);
      }
      synchronized (this) {
        try {
          out.writeInt(bytes.size());
          bytes.writeTo(out);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write a page", e);
        }
        pages++;
        documents += page.size();
      }
    }

    synchronized long pages() {
      return pages;
    }

    synchronized long documents() {
      return documents;
    }

    @Override
    public synchronized void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot finish the document file", e);
      }
    }
  }

  /** Reads the pages back, one at a time, in file order. */
  static final class Reader implements AutoCloseable {
    private final DataInputStream in;

    Reader(Path file) {
      try {
        in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }

    /** The next page, or null at the end of the file. */
    List<SolrInputDocument> next() {
      byte[] frame = nextFrame();
      return frame == null ? null : decode(frame);
    }

    /** The next page still encoded (so that loader threads decode in parallel), or null at the end. */
    byte[] nextFrame() {
      try {
        int length;
        try {
          length = in.readInt();
        } catch (EOFException end) {
          return null;
        }
        byte[] frame = in.readNBytes(length);
        if (frame.length != length) {
          throw new UncheckedIOException(new EOFException("the document file ends inside a page"));
        }
        return frame;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the document file", e);
      }
    }

    /** A page of {@link #nextFrame()}. Thread-safe. */
    static List<SolrInputDocument> decode(byte[] frame) {
      try (JavaBinCodec codec = new JavaBinCodec()) {
        List<?> values = (List<?>) codec.unmarshal(frame);
        List<SolrInputDocument> page = new ArrayList<>(values.size());
        values.forEach(value -> page.add((SolrInputDocument) value));
        return page;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot decode a page of the document file", e);
      }
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the document file", e);
      }
    }
  }
}
