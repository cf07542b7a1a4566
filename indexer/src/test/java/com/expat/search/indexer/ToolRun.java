package com.expat.search.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.testing.amqp.RabbitMq;
import com.expat.search.testing.db.TestDatabase;
import com.expat.search.testing.process.IndexerJvm;
import com.expat.search.testing.solr.SolrCores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of an operator's command as {@code bin/expat-search} runs it ({@code java -jar
 * target/indexer.jar COMMAND ARGS}), with the environment pointed at a test class's services; its
 * exit status and everything it printed.
 */
public record ToolRun(int status, String output) {
  private static final Path JAR = Path.of("target", "indexer.jar");

  /** The environment a command needs for the test class's services. */
  public static Map<String, String> env(TestDatabase db, SolrCores solr, RabbitMq rabbit) {
    return IndexerJvm.environment(rabbit == null ? null : rabbit.uri(), solr.baseUrl(), rabbit, db, solr);
  }

  /** Runs {@code args} with exactly {@code env} for the project's variables; waits at most 3 minutes. */
  public static ToolRun run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    assertThat(JAR).as("the indexer jar (mvn package builds it before failsafe runs)").exists();
    Path log = Files.createTempFile("tool-run", ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("SOLR_") || key.startsWith("DB_")
        || key.startsWith("AMQP_") || key.startsWith("INDEXER_") || key.startsWith("EXPAT_")
        || key.startsWith("VERIFY_") || key.startsWith("REINDEX_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", args) + " did not end within 3 minutes; its output:\n"
          + Files.readString(log, StandardCharsets.UTF_8));
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    return new ToolRun(process.exitValue(), output);
  }
}
