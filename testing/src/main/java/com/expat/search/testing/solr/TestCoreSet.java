package com.expat.search.testing.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.CoreAdminRequest;

/**
 * The cores (standalone) or single-shard collections (SolrCloud) of one test class, created from
 * configset {@code expat} and dropped with their index afterwards.
 */
final class TestCoreSet {
  private static final String CONFIGSET = "expat";

  private final SolrClient client;
  private final boolean cloud;
  private final SolrCores cores;

  private TestCoreSet(SolrClient client, boolean cloud, SolrCores cores) {
    this.client = client;
    this.cloud = cloud;
    this.cores = cores;
  }

  static TestCoreSet create(SolrClient client, String baseUrl, boolean cloud, String suffix) {
    List<String> created = new ArrayList<>();
    try {
      for (String base : List.of("members", "events", "catalog")) {
        String name = base + "_" + suffix;
        createOne(client, cloud, name);
        created.add(name);
      }
    } catch (RuntimeException e) {
      created.forEach(name -> dropQuietly(client, cloud, name));
      throw e;
    }
    return new TestCoreSet(
        client, cloud, new SolrCores(client, baseUrl, created.get(0), created.get(1), created.get(2)));
  }

  SolrCores cores() {
    return cores;
  }

  void drop() {
    for (String name : List.of(cores.members(), cores.events(), cores.catalog())) {
      dropQuietly(client, cloud, name);
    }
  }

  private static void createOne(SolrClient client, boolean cloud, String name) {
    try {
      if (cloud) {
        var create = CollectionAdminRequest.createCollection(name, CONFIGSET, 1, 1);
        create.setWaitForFinalState(true);
        create.process(client);
      } else {
        var create = new CoreAdminRequest.Create();
        create.setCoreName(name);
        create.setInstanceDir(name);
        create.setConfigSet(CONFIGSET);
        create.process(client);
      }
    } catch (SolrServerException | IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot create test " + (cloud ? "collection " : "core ") + name
              + " from configset " + CONFIGSET + ": " + e.getMessage(), e);
    }
  }

  private static void dropQuietly(SolrClient client, boolean cloud, String name) {
    try {
      if (cloud) {
        CollectionAdminRequest.deleteCollection(name).process(client);
      } else {
        var unload = new CoreAdminRequest.Unload(true);
        unload.setCoreName(name);
        unload.setDeleteDataDir(true);
        unload.setDeleteInstanceDir(true);
        unload.process(client);
      }
    } catch (SolrServerException | IOException | RuntimeException e) {
      System.err.println("[SolrExtension] could not remove test core " + name + ": " + e);
    }
  }
}
