package com.expat.search.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The configset {@code expat} shipped in this module's resources
 * ({@code configsets/expat/conf/}), installed into a Solr home on every start so that config
 * changes apply; files no longer shipped are removed.
 */
final class Configset {
  static final String NAME = "expat";
  private static final String RESOURCE = "configsets/" + NAME + "/conf/solrconfig.xml";

  private Configset() {}

  /**
   * Replaces {@code <configsetsDir>/expat/conf} with the shipped files.
   *
   * @return the installed {@code conf} directory
   */
  static Path installInto(Path configsetsDir) {
    Path target = configsetsDir.resolve(NAME).resolve("conf");
    try {
      deleteRecursively(target);
      Files.createDirectories(target);
      withShippedConf(source -> copyTree(source, target));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install configset " + NAME + " into " + target, e);
    }
  }

  private interface ConfAction {
    void apply(Path conf) throws IOException;
  }

  private static void withShippedConf(ConfAction action) throws IOException {
    URL url = Configset.class.getClassLoader().getResource(RESOURCE);
    if (url == null) {
      throw new IllegalStateException(RESOURCE + " is missing from the class path");
    }
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad resource URL " + url, e);
    }
    if ("jar".equals(uri.getScheme())) {
      FileSystem jar;
      boolean opened = false;
      try {
        jar = FileSystems.newFileSystem(uri, Map.of());
        opened = true;
      } catch (FileSystemAlreadyExistsException e) {
        jar = FileSystems.getFileSystem(uri);
      }
      try {
        action.apply(jar.provider().getPath(uri).getParent());
      } finally {
        if (opened) {
          jar.close();
        }
      }
    } else {
      action.apply(Path.of(uri).getParent());
    }
  }

  private static void copyTree(Path source, Path target) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(source)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    for (Path file : files) {
      Path destination = target.resolve(source.relativize(file).toString());
      Files.createDirectories(destination.getParent());
      Files.copy(file, destination);
    }
  }

  /** Deletes {@code dir} and everything under it; nothing when it does not exist. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
