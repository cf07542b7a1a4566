package com.expat.search.query.members;

/** A language a member speaks: ISO 639-1 code and level (native, fluent, intermediate, basic). */
public record LanguageLevel(String code, String level) {}
