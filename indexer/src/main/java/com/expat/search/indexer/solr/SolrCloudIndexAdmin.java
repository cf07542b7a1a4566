package com.expat.search.indexer.solr;

import com.expat.search.vocabulary.Cores;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.CollectionAdminResponse;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;

/**
 * {@link IndexAdmin} over SolrJ's Collections API, for SolrCloud: indexes are collections, live
 * names are aliases. Talks to any node through the plain HTTP client; every answer it acts on is
 * read fresh (LIST, LISTALIASES and CLUSTERSTATUS read ZooKeeper's state on the node asked), so
 * nothing is cached here.
 *
 * <p>Switching moves the alias with CREATEALIAS, which replaces an alias in one ZooKeeper write.
 * Nodes learn of it a moment apart, so for that moment a node may still route the alias to the
 * replaced collection: one more reason the replaced collection is kept, never dropped, by the
 * rebuild that replaced it.
 */
final class SolrCloudIndexAdmin implements IndexAdmin {
  private final SolrClient client;

  SolrCloudIndexAdmin(SolrClient client) {
    this.client = client;
  }

  /**
   * CREATE with {@code waitForFinalState}: it returns once every replica is active, so the first
   * write finds its leaders.
   */
  @Override
  public void createBulkCore(String name) {
    Shape shape = CoreNames.liveOfBuild(name).flatMap(this::collectionOf).map(this::shapeOf).orElse(Shape.SINGLE);
    CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(
            name, Cores.CONFIGSET, shape.shards(), shape.nrt(), shape.tlog(), shape.pull())
        .withProperty("expat.indexSort", BulkSort.INDEX_SORT);
    create.setWaitForFinalState(true);
    run("create collection " + name + " (" + shape + ")", () -> create.process(client));
  }

  /** On every replica's core: the handler acts on the one core it is asked of. */
  @Override
  public boolean pauseSoftCommits(String name) {
    return onEveryCore(name, "pause");
  }

  @Override
  public boolean resumeSoftCommits(String name) {
    return onEveryCore(name, "resume");
  }

  private boolean onEveryCore(String name, String action) {
    String collection = collectionOf(name).orElseThrow(
        () -> new IndexAdminException("there is no collection " + name + " to " + action + " the soft commits of"));
    boolean everywhere = true;
    for (Replica replica : replicasOf(collection)) {
      try (SolrClient node = new HttpJdkSolrClient.Builder(replica.baseUrl()).build()) {
        everywhere &= SoftCommits.ask(node, replica.core(), action);
      } catch (IOException e) {
        throw new IndexAdminException("closing the client of " + replica.baseUrl() + " failed: " + e.getMessage(), e);
      }
    }
    return everywhere;
  }

  /** Every replica of every shard, where it lives (its node's base URL) and its core's name. */
  private List<Replica> replicasOf(String collection) {
    List<Replica> replicas = new ArrayList<>();
    for (Object shard : entries(shardsOf(collection)).values()) {
      for (Object replica : entries(child(shard, "replicas")).values()) {
        Object baseUrl = child(replica, "base_url");
        Object core = child(replica, "core");
        if (baseUrl != null && core != null) {
          replicas.add(new Replica(baseUrl.toString(), core.toString()));
        }
      }
    }
    if (replicas.isEmpty()) {
      throw new IndexAdminException("Solr's cluster status shows no replicas for " + collection);
    }
    return replicas;
  }

  private record Replica(String baseUrl, String core) {}

  @Override
  public List<String> cores() {
    Map<String, List<String>> aliases = aliases();
    Set<String> aliased = new HashSet<>();
    aliases.values().forEach(aliased::addAll);
    List<String> names = new ArrayList<>(aliases.keySet());
    for (String collection : collections()) {
      if (!aliased.contains(collection)) {
        names.add(collection);
      }
    }
    return names;
  }

  @Override
  public boolean exists(String name) {
    return aliases().containsKey(name) || collections().contains(name);
  }

  @Override
  public String switchTo(String live, String build) {
    List<String> current = aliases().get(live);
    if (current == null) {
      throw new IndexAdminException(collections().contains(live)
          ? live + " is a collection, not an alias: on SolrCloud the live names must be aliases"
              + " (CREATEALIAS " + live + " to a collection of another name) for a rebuild to switch them"
          : "there is no alias " + live + " to switch");
    }
    if (current.size() != 1) {
      throw new IndexAdminException("the alias " + live + " points at " + current
          + "; a rebuild switches only an alias of a single collection");
    }
    createAlias(live, build);
    return current.get(0);
  }

  @Override
  public void restore(String live, String previous, String keepReplacedAs) {
    Map<String, List<String>> aliases = aliases();
    List<String> older = aliases.get(previous);
    if (older == null || older.size() != 1) {
      throw new IndexAdminException("the previous index " + previous + " is not an alias of one collection"
          + (older == null ? "" : " (it points at " + older + ")"));
    }
    String replaced = switchTo(live, older.get(0));
    createAlias(keepReplacedAs, replaced);
    run("delete alias " + previous, () -> CollectionAdminRequest.deleteAlias(previous).process(client));
  }

  @Override
  public void rename(String name, String newName) {
    List<String> behind = aliases().get(name);
    if (behind == null) {
      createAlias(newName, name);
      return;
    }
    createAlias(newName, String.join(",", behind));
    run("delete alias " + name, () -> CollectionAdminRequest.deleteAlias(name).process(client));
  }

  @Override
  public void drop(String name) {
    Map<String, List<String>> aliases = aliases();
    List<String> behind = aliases.get(name);
    if (behind == null) {
      deleteCollection(name);
      return;
    }
    run("delete alias " + name, () -> CollectionAdminRequest.deleteAlias(name).process(client));
    Set<String> stillAliased = new HashSet<>();
    aliases.forEach((alias, collections) -> {
      if (!alias.equals(name)) {
        stillAliased.addAll(collections);
      }
    });
    for (String collection : behind) {
      if (!stillAliased.contains(collection)) {
        deleteCollection(collection);
      }
    }
  }

  private void createAlias(String alias, String collections) {
    run("point the alias " + alias + " at " + collections,
        () -> CollectionAdminRequest.createAlias(alias, collections).process(client));
  }

  private void deleteCollection(String name) {
    run("delete collection " + name, () -> CollectionAdminRequest.deleteCollection(name).process(client));
  }

  private Map<String, List<String>> aliases() {
    CollectionAdminResponse response =
        call("list aliases", () -> new CollectionAdminRequest.ListAliases().process(client));
    return response.getAliasesAsLists();
  }

  private List<String> collections() {
    return call("list collections", () -> CollectionAdminRequest.listCollections(client));
  }

  /** The one collection behind the alias {@code name}, or {@code name} itself if a collection. */
  private Optional<String> collectionOf(String name) {
    List<String> behind = aliases().get(name);
    if (behind != null) {
      return behind.size() == 1 ? Optional.of(behind.get(0)) : Optional.empty();
    }
    return collections().contains(name) ? Optional.of(name) : Optional.empty();
  }

  /**
   * The shards and, per shard, the replicas of each type, counted on the first shard (what the
   * collection has now, whatever it was created with).
   */
  private Shape shapeOf(String collection) {
    Map<String, Object> byName = entries(shardsOf(collection));
    if (byName.isEmpty()) {
      throw new IndexAdminException("Solr's cluster status shows no shards for " + collection);
    }
    int nrt = 0;
    int tlog = 0;
    int pull = 0;
    for (Object replica : entries(child(byName.values().iterator().next(), "replicas")).values()) {
      Object type = child(replica, "type");
      switch (type == null ? "NRT" : type.toString().toUpperCase(Locale.ROOT)) {
        case "TLOG" -> tlog++;
        case "PULL" -> pull++;
        default -> nrt++;
      }
    }
    // A shard needs a replica that can lead; PULL replicas cannot.
    return new Shape(byName.size(), nrt + tlog == 0 ? 1 : nrt, tlog, pull);
  }

  /** The shards of {@code collection} in Solr's cluster status, read fresh. */
  private Object shardsOf(String collection) {
    CollectionAdminResponse response = call("read the state of " + collection,
        () -> CollectionAdminRequest.getClusterStatus().setCollectionName(collection).process(client));
    return child(child(child(child(response.getResponse(), "cluster"), "collections"), collection), "shards");
  }

  /** A value of a response map, whichever of SolrJ's map types carries it; null when absent. */
  private static Object child(Object container, String key) {
    if (container instanceof NamedList<?> list) {
      return list.get(key);
    }
    if (container instanceof Map<?, ?> map) {
      return map.get(key);
    }
    return null;
  }

  private static Map<String, Object> entries(Object container) {
    Map<String, Object> entries = new TreeMap<>();
    if (container instanceof NamedList<?> list) {
      list.forEach(entry -> entries.put(entry.getKey(), entry.getValue()));
    } else if (container instanceof Map<?, ?> map) {
      map.forEach((key, value) -> entries.put(key.toString(), value));
    }
    return entries;
  }

  /** How many shards, and how many replicas of each type per shard. */
  private record Shape(int shards, int nrt, int tlog, int pull) {
    static final Shape SINGLE = new Shape(1, 1, 0, 0);

    @Override
    public String toString() {
      return shards + " shards x " + nrt + " NRT, " + tlog + " TLOG, " + pull + " PULL replicas";
    }
  }

  private interface Call<T> {
    T call() throws SolrServerException, IOException;
  }

  private static void run(String what, Call<?> call) {
    call(what, call);
  }

  private static <T> T call(String what, Call<T> call) {
    try {
      return call.call();
    } catch (SolrServerException | IOException | SolrException e) {
      throw new IndexAdminException("Solr could not " + what + ": " + e.getMessage(), e);
    }
  }
}
