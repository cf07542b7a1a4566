package com.expat.search.query.http;

/** One bad request parameter and what is wrong with it, as RFC 9457's {@code invalid_params}. */
public record InvalidParam(String name, String reason) {}
