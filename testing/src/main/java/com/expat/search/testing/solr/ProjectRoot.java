package com.expat.search.testing.solr;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project root: the directory holding {@code solr-config/}. */
final class ProjectRoot {
  private ProjectRoot() {}

  static Path find() {
    String configured = System.getProperty("expat.root");
    if (configured != null && !configured.isBlank()) {
      Path root = Path.of(configured).toAbsolutePath().normalize();
      if (Files.isDirectory(root.resolve("solr-config"))) {
        return root;
      }
    }
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("solr-config")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find the project root (a directory with solr-config/): system property"
            + " expat.root=" + configured + ", and none above user.dir=" + start);
  }
}
