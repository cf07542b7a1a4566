package com.expat.search.testing.solr;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a real Solr: {@code @ExtendWith(SolrExtension.class)}, then take a
 * {@link SolrCores} parameter.
 *
 * <p>The node: with {@code SOLR_URL} set, that node (standalone or SolrCloud); otherwise the
 * project's local Solr launcher ({@code solr-config/target/solr-config.jar}), started once per
 * test JVM as a child process on a free port with a temporary home, and stopped when the JVM's
 * tests end (or at JVM exit). The project root is the system property {@code expat.root}, set by
 * surefire and failsafe, or the nearest directory above {@code user.dir} holding
 * {@code solr-config/}. If the launcher's jar is missing or Solr does not come up within two
 * minutes, the test class fails with the reason and the tail of the child's stderr.
 *
 * <p>Every test class gets its own fresh cores (see {@link SolrCores}), so classes may run in
 * parallel in one JVM; the node is started exactly once however many classes ask at a time.
 */
public final class SolrExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(SolrExtension.class);
  private static final String NODE = "node";
  private static final String CORES = "cores";

  @Override
  public void beforeAll(ExtensionContext context) {
    SolrNodeResource node = node(context);
    String owner = context.getRequiredTestClass().getSimpleName();
    context.getStore(NAMESPACE).put(CORES, node.createCores(owner));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TestCoreSet cores = context.getStore(NAMESPACE).remove(CORES, TestCoreSet.class);
    if (cores != null) {
      cores.drop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SolrCores.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    for (ExtensionContext at = context; at != null; at = at.getParent().orElse(null)) {
      TestCoreSet cores = at.getStore(NAMESPACE).get(CORES, TestCoreSet.class);
      if (cores != null) {
        return cores.cores();
      }
    }
    throw new ParameterResolutionException(
        "SolrCores is available once the test class has started; register SolrExtension on the"
            + " class (@ExtendWith(SolrExtension.class)), not on a method");
  }

  private static SolrNodeResource node(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(NODE, key -> SolrNodeResource.open(), SolrNodeResource.class);
  }
}
