/**
 * What every endpoint shares: the Javalin app, request parameter validation, RFC 9457 problems,
 * request ids, {@code X-Cache} and the access log.
 */
package com.expat.search.query.http;
