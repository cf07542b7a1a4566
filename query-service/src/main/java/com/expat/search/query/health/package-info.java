/** Liveness and readiness. */
package com.expat.search.query.health;
