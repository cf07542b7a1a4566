package com.expat.search.indexer.world;

/** A row of {@code interests}. */
public record Interest(int id, String slug, String name, String category) {}
