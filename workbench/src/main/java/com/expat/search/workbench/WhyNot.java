package com.expat.search.workbench;

import java.util.List;

/**
 * The query service's answer to "why is this member not among the viewer's matches": each rule of
 * the real query, whether it keeps the member out, and a verdict.
 */
record WhyNot(String verdict, List<Rule> rules, String error, String request) {
  WhyNot {
    rules = List.copyOf(rules);
  }

  static WhyNot failed(String request, String error) {
    return new WhyNot("", List.of(), error, request);
  }

  record Rule(String rule, boolean excludes, String detail) {}
}
