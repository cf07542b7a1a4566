package com.expat.search.common.solr;

import com.expat.search.common.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A ZooKeeper connect string as {@code SOLR_ZK_HOSTS} gives it, {@code host:port[,host:port...][/chroot]},
 * split into what SolrJ's cloud client takes: the hosts, and the chroot if any.
 *
 * @param hosts {@code host:port} entries, at least one
 * @param chroot the ZooKeeper path Solr's nodes live under, e.g. {@code /solr}
 */
public record ZkHosts(List<String> hosts, Optional<String> chroot) {

  public ZkHosts {
    hosts = List.copyOf(hosts);
    if (hosts.isEmpty()) {
      throw new ConfigException("SOLR_ZK_HOSTS names no ZooKeeper host");
    }
  }

  /**
   * @throws ConfigException naming the value when it is not {@code host:port[,host:port...][/chroot]}
   */
  public static ZkHosts parse(String connectString) {
    String text = connectString.trim();
    int slash = text.indexOf('/');
    String hostPart = slash < 0 ? text : text.substring(0, slash);
    Optional<String> chroot = Optional.empty();
    if (slash >= 0) {
      String path = text.substring(slash);
      if (path.length() > 1) {
        chroot = Optional.of(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
      }
    }
    List<String> hosts = new ArrayList<>();
    for (String entry : hostPart.split(",", -1)) {
      String host = entry.trim();
      int colon = host.lastIndexOf(':');
      if (colon <= 0 || !isPort(host.substring(colon + 1))) {
        throw new ConfigException("SOLR_ZK_HOSTS=" + connectString
            + ": each entry must be host:port (e.g. 127.0.0.1:9983), optionally followed by /chroot;"
            + " bad entry '" + host + "'");
      }
      hosts.add(host);
    }
    return new ZkHosts(hosts, chroot);
  }

  private static boolean isPort(String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int port = Integer.parseInt(text);
    return port > 0 && port <= 65_535;
  }

  @Override
  public String toString() {
    return String.join(",", hosts) + chroot.orElse("");
  }
}
