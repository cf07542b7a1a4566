package com.expat.search.bench.lab;

import com.expat.search.lab.RunResult;
import com.expat.search.lab.LabJson;

import com.expat.search.bench.lab.hand.HandWrittenLab;
import com.expat.search.bench.load.Loopback;
import com.expat.search.common.solr.IndexNames;
import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.solr.client.solrj.SolrClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eval handwritten}: the hand-written judged set ({@code lab/handwritten/}) end to end on a
 * scratch Solr ({@link HandWrittenLab}): indexes the little world into three cores, starts a query
 * service in-process over them, scores every profile and the baselines, prints the means.
 */
@Command(name = "handwritten", mixinStandardHelpOptions = true,
    description = {"Score every ranking profile and the baselines on the hand-written judged set (benchmarks/README.md).",
        "Indexes its little world into the given cores of a loopback Solr (REPLACING what they hold: use a scratch Solr,",
        "e.g. SOLR_PORT=0 SOLR_HOME=$(mktemp -d) bin/expat-search solr) and runs a query service in-process over them."})
final class HandWrittenCommand implements Callable<Integer> {
  @Option(names = "--solr", required = true, description = "base URL of a loopback Solr, e.g. http://127.0.0.1:8983/solr")
  String solr;

  @Option(names = "--members-core", defaultValue = "members", description = "default ${DEFAULT-VALUE}")
  String membersCore;

  @Option(names = "--events-core", defaultValue = "events", description = "default ${DEFAULT-VALUE}")
  String eventsCore;

  @Option(names = "--catalog-core", defaultValue = "catalog", description = "default ${DEFAULT-VALUE}")
  String catalogCore;

  @Option(names = "--replace", description = "go on although the members core holds documents (they are deleted)")
  boolean replace;

  @Option(names = "--k", defaultValue = "10", description = "cut-off of every metric (default ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--relevant", defaultValue = "2", description = "grade from which a document is relevant (default ${DEFAULT-VALUE})")
  int relevant;

  @Option(names = "--out", description = "a directory for the run files (<ranker>.json), for `eval compare`")
  Path out;

  @Override
  public Integer call() throws IOException {
    String url = Loopback.require(solr).toString();
    IndexNames cores = new IndexNames(membersCore, eventsCore, catalogCore);
    try (SolrClient client = SolrClients.create(SolrSettings.at(java.net.URI.create(url)))) {
      long present = HandWrittenLab.count(client, membersCore);
      if (present > 0 && !replace) {
        throw new IllegalArgumentException("core " + membersCore + " at " + url + " holds " + present
            + " documents; use a scratch Solr, or --replace to delete them");
      }
      List<RunResult> runs = HandWrittenLab.run(client, url, cores, k, relevant);
      for (RunResult run : runs) {
        System.out.println(EvalCommand.summary(run));
        if (out != null) {
          LabJson.writeRun(out.resolve(run.ranker().replace(':', '-') + ".json"), run);
        }
      }
    }
    return 0;
  }
}
