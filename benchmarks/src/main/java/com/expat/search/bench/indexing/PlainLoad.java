package com.expat.search.bench.indexing;

import com.expat.search.indexer.solr.SearchIndex;
import java.util.function.Consumer;

/**
 * Step (b) of {@code bench bulk}: the exported pages posted into a fresh bulk core (soft commits
 * off, as the rebuild creates its cores) with the rebuild's concurrency and page size, then one
 * commit: what loading the same documents costs Solr and the client alone, with no MariaDB. Each
 * loader thread decodes its page from javabin before sending it (a few percent of the work, in
 * parallel), so the plain load is if anything slightly slower than a pure send.
 */
final class PlainLoad {
  private PlainLoad() {}

  /**
   * Creates {@code core} with {@code create}, loads the file into it and commits. The time counted
   * is the whole of it, like the rebuild's (which also creates its core and commits).
   *
   * @return the nanoseconds it took; the documents and their times are in {@code log}
   */
  static long run(DocumentFile.Reader file, Consumer<String> create, SearchIndex index, String core, int threads,
      long startNanos) throws InterruptedException {
    create.accept(core);
    try (PagePool pool = new PagePool(threads, "bench-plain-load")) {
      byte[] frame;
      while (pool.healthy() && (frame = file.nextFrame()) != null) {
        byte[] page = frame;
        pool.submit(() -> index.add(core, DocumentFile.Reader.decode(page)));
      }
      pool.finish();
    }
    index.commit(core);
    return System.nanoTime() - startNanos;
  }
}
