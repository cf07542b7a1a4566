package com.expat.search.testing.memcached;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class a real memcached of its own: {@code @ExtendWith(MemcachedExtension.class)},
 * then take a {@link MemcachedServer} parameter. The server runs on a free port from before the
 * first test to after the last, 16 MB, and is started again before each test if a test stopped
 * it, so one test's outage never leaks into the next. The binary comes from Debian's package,
 * which {@code scripts/ensure-services} installs.
 */
public final class MemcachedExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(MemcachedExtension.class);
  private static final String SERVER = "server";

  @Override
  public void beforeAll(ExtensionContext context) {
    MemcachedServer server = MemcachedServer.onFreePort(16);
    server.start();
    context.getStore(NAMESPACE).put(SERVER, server);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server(context).start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    MemcachedServer server = context.getStore(NAMESPACE).remove(SERVER, MemcachedServer.class);
    if (server != null) {
      server.stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MemcachedServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context);
  }

  private static MemcachedServer server(ExtensionContext context) {
    for (ExtensionContext at = context; at != null; at = at.getParent().orElse(null)) {
      MemcachedServer server = at.getStore(NAMESPACE).get(SERVER, MemcachedServer.class);
      if (server != null) {
        return server;
      }
    }
    throw new IllegalStateException("MemcachedExtension is not registered on " + context.getDisplayName());
  }
}
