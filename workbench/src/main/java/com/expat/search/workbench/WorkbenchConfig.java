package com.expat.search.workbench;

import com.expat.search.common.config.ConfigException;
import com.expat.search.common.config.Env;
import com.expat.search.ranking.RankingProfiles;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The workbench's configuration, read from the environment once at start-up; failures name the
 * variable and its value.
 *
 * @param host the address to listen on; loopback by default, since the page reads and writes
 *     judged-set files and can see what the query service's debug endpoint shows
 * @param port 0 picks a free port (tests)
 * @param queryUrl the query service's base URL
 * @param setsDir the judged sets the page lists, loads and saves (uploads and grades go here)
 * @param gradesFile where grades given in the page are written (a judged set in the lab's JSON)
 * @param profiles the ranking profiles, for their names and base weights (the query service's own
 *     when both read the same {@code RANKING_PROFILES})
 */
public record WorkbenchConfig(String host, int port, URI queryUrl, Path setsDir, Path gradesFile, RankingProfiles profiles) {

  static final String VARIABLES =
      """
      Environment variables:
        LAB_PORT           port of the workbench (default 8070)
        LAB_HOST           address to listen on (default 127.0.0.1: the page is for engineers on this machine)
        QUERY_URL          the query service (default http://127.0.0.1:8080); run it with RANKING_OVERRIDES=on
                           for custom weights and DEBUG_ENDPOINTS=on for "why not shown"
        LAB_SETS_DIR       judged sets listed, loaded and saved by the page (default ./data/lab)
        LAB_GRADES         the judged set grades are written to (default LAB_SETS_DIR/graded.json)
        RANKING_PROFILES   the ranking profiles JSON, if the query service reads one (default: the shipped profiles)
      """;

  public WorkbenchConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(queryUrl, "queryUrl");
    Objects.requireNonNull(setsDir, "setsDir");
    Objects.requireNonNull(gradesFile, "gradesFile");
    Objects.requireNonNull(profiles, "profiles");
    if (port < 0 || port > 65535) {
      throw new ConfigException("LAB_PORT=" + port + " is outside 0..65535");
    }
  }

  private static RankingProfiles profiles(String file) {
    try {
      return RankingProfiles.load(Path.of(file));
    } catch (RuntimeException e) {
      throw new ConfigException("RANKING_PROFILES=" + file + ": " + e.getMessage());
    }
  }

  /** @throws ConfigException naming the first bad variable */
  public static WorkbenchConfig from(Env env) {
    Path sets = env.path("LAB_SETS_DIR", Path.of("data", "lab"));
    URI query = env.uri("QUERY_URL", "http", "https").orElse(URI.create("http://127.0.0.1:8080"));
    RankingProfiles profiles = env.optional("RANKING_PROFILES").map(String::strip).filter(s -> !s.isEmpty())
        .map(WorkbenchConfig::profiles).orElseGet(RankingProfiles::load);
    return new WorkbenchConfig(
        env.string("LAB_HOST", "127.0.0.1").strip(),
        env.integer("LAB_PORT", 8070, 0, 65535),
        query,
        sets,
        env.path("LAB_GRADES", sets.resolve("graded.json")),
        profiles);
  }
}
