package com.expat.search.testing.solr;

import java.util.Objects;
import org.apache.solr.client.solrj.SolrClient;

/**
 * The Solr a test class works against, injected by {@link SolrExtension} as a parameter of a test
 * method, a constructor or a {@code @BeforeAll}/{@code @AfterAll} method.
 *
 * <p>The three names are fresh, empty cores (collections, on SolrCloud) created from configset
 * {@code expat} for this test class alone, and removed with their index after it. Pass them to
 * the client explicitly ({@code client.add(cores.members(), doc)}). The client is shared by every
 * test class of the JVM, is thread-safe and must not be closed by tests.
 *
 * @param client a client of the node at {@code baseUrl}, with generous test time limits
 * @param baseUrl the node's base URL, e.g. {@code http://127.0.0.1:41234/solr}
 * @param members the core standing in for {@code members}
 * @param events the core standing in for {@code events}
 * @param catalog the core standing in for {@code catalog}
 */
public record SolrCores(
    SolrClient client, String baseUrl, String members, String events, String catalog) {

  public SolrCores {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(catalog, "catalog");
  }
}
