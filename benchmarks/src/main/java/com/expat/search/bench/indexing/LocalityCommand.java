package com.expat.search.bench.indexing;

import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.vocabulary.MemberFields;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.StreamingResponseCallback;
import org.apache.solr.common.SolrDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench locality --core C}: how a core's documents lie by place in docid order ({@link
 * PlaceRuns}): runs of one city, runs per city averaged over documents, the largest city's runs.
 * Reads every visible document's {@code city_id} in one streamed {@code sort=_docid_ asc} request.
 * Compare a rebuilt core, sorted by city ({@code expat.indexSort}), with a plain load (e.g. the
 * cores {@code bench bulk --keep-cores} keeps; {@code --unsorted-plain} adds one without the sort).
 */
@Command(name = "locality", mixinStandardHelpOptions = true, usageHelpWidth = 120,
    description = {
      "How a core's documents lie by place in docid order: runs of one city, and for the average document",
      "the number of runs its city is split into (1: the city is one stretch of the index)."
    })
public final class LocalityCommand implements Callable<Integer> {
  @Option(names = "--solr", defaultValue = "http://127.0.0.1:8983/solr",
      description = "the Solr node (default ${DEFAULT-VALUE})")
  String solr;

  @Option(names = "--core", required = true, description = "the core to read")
  String core;

  @Override
  public Integer call() throws IOException, SolrServerException {
    PlaceRuns runs = new PlaceRuns();
    try (SolrClient client = SolrClients.create(
        SolrSettings.at(URI.create(solr)).withRequestTimeout(Duration.ofMinutes(10)))) {
      long found = client.query(core, new SolrQuery("*:*").setRows(0)).getResults().getNumFound();
      SolrQuery all = new SolrQuery("*:*").setRows((int) found).setFields(MemberFields.CITY_ID)
          .setSort("_docid_", SolrQuery.ORDER.asc);
      client.queryAndStreamResponse(core, all, new StreamingResponseCallback() {
        @Override
        public void streamSolrDocument(SolrDocument doc) {
          Object city = doc.getFirstValue(MemberFields.CITY_ID);
          runs.add(city instanceof Number number ? number.longValue() : PlaceRuns.NO_PLACE);
        }

        @Override
        public void streamDocListInfo(long numFound, long start, Float maxScore) {}
      });
    }
    print(core, runs.summary(), System.out);
    return 0;
  }

  static void print(String core, PlaceRuns.Summary s, PrintStream out) {
    out.printf(Locale.ROOT, "%s: %,d documents in %,d cities, %,d runs of one city (%.1f documents a run);"
            + " a document's city is in %.1f runs on average; the largest city: %,d documents in %,d runs%n",
        core, s.documents(), s.places(), s.runs(), s.meanRunLength(), s.runsPerDocumentsPlace(),
        s.largestPlaceDocuments(), s.largestPlaceRuns());
  }
}
