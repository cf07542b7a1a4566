package com.expat.search.solr.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.ranking.RankingProfiles;
import com.expat.search.ranking.signals.Viewer;
import com.expat.search.ranking.solr.RankParams;
import com.expat.search.ranking.signals.Corpus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A text window that tells the scorers its floor ({@link MatchesCollector} with a {@link
 * TextMatchCount}) ranks the same page with the same scores and reports the same total as one that
 * collects every match, while its scorers skip blocks of postings that cannot reach the floor: over
 * edismax's shapes (one word over five boosted fields, every word required, the text or an
 * interest), short texts whose scores tie often (at the floor too), several segments and deleted
 * documents.
 */
class TextWindowSkipsTest {
  private static final String[] FIELDS = {"display_name", "headline", "occupation", "bio", "text_en"};
  private static final float[] BOOSTS = {3f, 1.5f, 1.5f, 1f, 0.5f};
  private static final String[] WORDS = {"engineer", "teacher", "nurse", "coffee", "berlin", "years", "music"};

  @Test
  void skippingScorersRankTheSamePageAndCountEveryMatch() throws IOException {
    RankParams params = new RankParams(RankingProfiles.load().defaultProfile(),
        new Viewer(0, null, null, Map.of(), Set.of(), Set.of()), TestSegment.NOW);
    Corpus corpus = Corpus.of(2000, Map.of("hiking", 900L));
    int compared = 0;
    long collected = 0;
    long total = 0;
    try (DirectoryReader reader = withDeletions(TestSegment.reader(3, TextWindowSkipsTest::texts))) {
      assertThat(reader.numDeletedDocs()).isPositive();
      IndexSearcher searcher = new IndexSearcher(reader);
      ColumnCache columns = new ColumnCache();
      for (Query query : queries()) {
        for (int window : new int[] {20, 60, 300}) {
          int top = Math.min(window, 20);
          MatchesJob job = MatchesJob.of(params, corpus, columns, window, 20, false);
          MatchesCollector every = new MatchesCollector(job, reader.leaves(), window, true, top);
          searcher.search(query, every);
          MatchesCollector skipping = new MatchesCollector(MatchesJob.of(params, corpus, columns, window, 20, false),
              reader.leaves(), window, true, top, TextMatchCount.unfiltered(searcher, query));
          searcher.search(query, skipping);

          String what = query + " window " + window;
          assertThat(every.getTotalHits()).as(what).isEqualTo(searcher.count(query));
          assertThat(skipping.getTotalHits()).as(what).isEqualTo(every.getTotalHits());
          ScoreDoc[] expected = every.topDocs(0, top).scoreDocs;
          ScoreDoc[] actual = skipping.topDocs(0, top).scoreDocs;
          assertThat(actual).as(what).hasSameSizeAs(expected);
          for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].doc).as("%s place %d", what, i).isEqualTo(expected[i].doc);
            assertThat(actual[i].score).as("%s place %d", what, i).isEqualTo(expected[i].score);
          }
          compared += expected.length;
          if (window == 20) {
            collected += skipping.totalHits;
            total += every.totalHits;
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(500);
    // The skips are real: with a floor set early, whole blocks of postings go unread.
    assertThat(collected).as("matches collected of %d", total).isLessThan(total * 9 / 10);
  }

  private static List<Query> queries() {
    List<Query> queries = new ArrayList<>();
    for (String word : WORDS) {
      queries.add(overFields(word));
    }
    queries.add(new BooleanQuery.Builder().add(overFields("engineer"), Occur.MUST)
        .add(overFields("years"), Occur.MUST).build());
    queries.add(new BooleanQuery.Builder().add(overFields("coffee"), Occur.SHOULD)
        .add(new TermQuery(new Term("interest", "hiking")), Occur.SHOULD).build());
    queries.add(new BooleanQuery.Builder().add(overFields("music"), Occur.MUST)
        .add(new TermQuery(new Term("bio", "berlin")), Occur.MUST_NOT).build());
    return queries;
  }

  /** What edismax makes of one word: the most of its boosted fields. */
  private static Query overFields(String word) {
    List<Query> disjuncts = new ArrayList<>();
    for (int i = 0; i < FIELDS.length; i++) {
      disjuncts.add(new BoostQuery(new TermQuery(new Term(FIELDS[i], word)), BOOSTS[i]));
    }
    return new DisjunctionMaxQuery(disjuncts, 0f);
  }

  /** Short texts from a few words, so that many scores tie; the stemmed copy holds them all. */
  private static void texts(int id, org.apache.lucene.document.Document doc) {
    SplittableRandom random = new SplittableRandom(id);
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < FIELDS.length - 1; i++) {
      int length = i == 3 ? 5 + random.nextInt(40) : random.nextInt(4);
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < length; w++) {
        // word 0 in most texts, the later ones rarer
        text.append(WORDS[Math.min(WORDS.length - 1, (int) (random.nextDouble() * random.nextDouble() * WORDS.length))])
            .append(' ');
      }
      doc.add(new TextField(FIELDS[i], text.toString(), Field.Store.NO));
      all.append(text);
    }
    doc.add(new TextField(FIELDS[4], all.toString(), Field.Store.NO));
    doc.add(new StringField("key", Integer.toString(id), Field.Store.NO));
    if (random.nextInt(3) == 0) {
      doc.add(new StringField("interest", "hiking", Field.Store.NO));
    }
  }

  /** The same index with one member in 25 deleted. */
  private static DirectoryReader withDeletions(DirectoryReader reader) throws IOException {
    ByteBuffersDirectory directory = (ByteBuffersDirectory) reader.directory();
    reader.close();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      for (int id = 1; id <= 2000; id += 25) {
        writer.deleteDocuments(new Term("key", Integer.toString(id)));
      }
    }
    return DirectoryReader.open(directory);
  }
}
