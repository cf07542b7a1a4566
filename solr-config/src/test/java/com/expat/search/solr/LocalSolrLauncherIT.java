package com.expat.search.solr;

import static org.assertj.core.api.Assertions.assertThat;

import com.expat.search.common.solr.SolrClients;
import com.expat.search.common.solr.SolrSettings;
import com.expat.search.vocabulary.MemberFields;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's contract with whoever starts it: ready line, persistence, clean failures. */
class LocalSolrLauncherIT {
  private static final Duration START = Duration.ofMinutes(2);

  @TempDir Path dir;

  @Test
  void secondStartReusesTheIndexAndPrintsOneReadyLine() throws Exception {
    Path home = dir.resolve("home");
    Path urlFile = dir.resolve("url");
    String firstUrl;
    try (LauncherProcess first = LauncherProcess.start(
        dir, "--port", "0", "--home", home.toString(), "--url-file", urlFile.toString())) {
      firstUrl = first.awaitReady(START);
      assertThat(Files.readString(urlFile).trim()).isEqualTo(firstUrl);
      try (SolrClient client = client(firstUrl)) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.setField(MemberFields.ID, "42");
        doc.setField(MemberFields.VERSION, 1L);
        doc.setField(MemberFields.DISPLAY_NAME, "Persistent Pat");
        client.add("members", doc);
        client.commit("members");
      }
      first.terminate();
      assertThat(first.awaitExit(Duration.ofSeconds(30))).as("exit code after SIGTERM").isEqualTo(143);
      assertThat(first.stdoutLines()).containsExactly(LauncherProcess.READY + firstUrl);
    }
    assertThat(home.resolve("members/core.properties")).exists();

    try (LauncherProcess second = LauncherProcess.start(dir, "--port", "0", "--home", home.toString())) {
      String url = second.awaitReady(START);
      try (SolrClient client = client(url)) {
        assertThat((Object) client.getById("members", "42")).isNotNull();
        assertThat(client.getById("members", "42").getFieldValue(MemberFields.DISPLAY_NAME))
            .isEqualTo("Persistent Pat");
      }
    }
  }

  @Test
  void takenPortFailsWithAClearMessage() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
        java.net.InetAddress.getLoopbackAddress());
        LauncherProcess launcher = LauncherProcess.start(
            dir, "--port", Integer.toString(taken.getLocalPort()), "--home", dir.resolve("h").toString())) {
      assertThat(launcher.awaitExit(START)).isEqualTo(1);
      assertThat(launcher.stderr()).contains("port " + taken.getLocalPort()).contains("already in use");
      assertThat(launcher.stdoutLines()).isEmpty();
    }
  }

  @Test
  void badOptionExitsWithUsage() throws Exception {
    try (LauncherProcess launcher = LauncherProcess.start(dir, "--cloud", "0")) {
      assertThat(launcher.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
      assertThat(launcher.stderr()).contains("--cloud 0");
    }
  }

  private static SolrClient client(String baseUrl) {
    return SolrClients.create(SolrSettings.at(URI.create(baseUrl)).withRequestTimeout(Duration.ofSeconds(30)));
  }
}
