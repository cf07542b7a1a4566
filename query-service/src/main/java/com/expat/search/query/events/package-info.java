/**
 * Events: {@code GET /v1/events/search} and {@code GET /v1/members/{id}/events}. Only published
 * events are in the index; every query here also drops events that have ended.
 */
package com.expat.search.query.events;
