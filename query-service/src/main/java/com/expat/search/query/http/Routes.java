package com.expat.search.query.http;

import io.javalin.config.RoutesConfig;

/** A feature's endpoints; each feature package adds its own to the one Javalin app. */
@FunctionalInterface
public interface Routes {
  void addTo(RoutesConfig routes);
}
