package com.expat.search.ranking.solr;

import com.expat.search.ranking.signals.LatLon;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the subset of Solr's function query syntax that the ranking writes, over one document
 * given as a map (field → value: {@link LatLon} for a location, {@link Instant} for a date, a
 * {@link Number}, a {@link String} or a collection of strings). Parses like Solr's {@code
 * StrParser}: numbers of digits, {@code + - . e E}; strings single- or double-quoted with backslash
 * escapes. With {@code floatMode} every function's result is rounded to {@code float}, as Solr's
 * float functions do, to measure the tolerance between Java and Solr.
 */
public final class FunctionEvaluator {
  private final Map<String, Object> doc;
  private final long nowMs;
  private final boolean floatMode;
  private String text;
  private int pos;

  public FunctionEvaluator(Map<String, Object> doc, Instant now, boolean floatMode) {
    this.doc = doc;
    this.nowMs = now.toEpochMilli();
    this.floatMode = floatMode;
  }

  public double evaluate(String function) {
    text = function;
    pos = 0;
    double value = expression();
    if (pos != text.length()) {
      throw new IllegalArgumentException("trailing text at " + pos + " in " + function);
    }
    return value;
  }

  private double expression() {
    char c = text.charAt(pos);
    if (Character.isDigit(c) || c == '-' || c == '+' || c == '.') {
      return number();
    }
    String name = identifier();
    if (pos < text.length() && text.charAt(pos) == '(') {
      pos++;
      double value = call(name);
      expect(')');
      return floatMode ? (float) value : value;
    }
    return field(name);
  }

  private double call(String name) {
    switch (name) {
      case "geodist" -> {
        String field = identifier();
        expect(',');
        double lat = number();
        expect(',');
        double lon = number();
        Object point = doc.get(field);
        return point instanceof LatLon location ? location.distanceKm(new LatLon(lat, lon)) : Double.POSITIVE_INFINITY;
      }
      case "termfreq" -> {
        String field = identifier();
        expect(',');
        String term = quoted();
        Object value = doc.get(field);
        if (value instanceof Collection<?> values) {
          return values.contains(term) ? 1 : 0;
        }
        return term.equals(value) ? 1 : 0;
      }
      case "exists" -> {
        return doc.get(identifier()) != null ? 1 : 0;
      }
      case "field" -> {
        return field(identifier());
      }
      case "ms" -> {
        double a = date();
        expect(',');
        double b = date();
        return a - b;
      }
      default -> {
        List<Double> args = arguments();
        return apply(name, args);
      }
    }
  }

  private double apply(String name, List<Double> args) {
    return switch (name) {
      case "exp" -> Math.exp(args.get(0));
      case "sum" -> args.stream().mapToDouble(Double::doubleValue).sum();
      case "mul" -> args.stream().mapToDouble(Double::doubleValue).reduce(1, (a, b) -> a * b);
      case "div" -> args.get(0) / args.get(1);
      case "sub" -> args.get(0) - args.get(1);
      case "max" -> args.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      case "min" -> args.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      case "gt" -> args.get(0) > args.get(1) ? 1 : 0;
      case "if" -> args.get(0) != 0 ? args.get(1) : args.get(2);
      default -> throw new IllegalArgumentException("unsupported function " + name);
    };
  }

  private List<Double> arguments() {
    List<Double> args = new ArrayList<>();
    args.add(expression());
    while (text.charAt(pos) == ',') {
      pos++;
      args.add(expression());
    }
    return args;
  }

  private double date() {
    String name = identifier();
    if (name.equals("NOW")) {
      return nowMs;
    }
    Object value = doc.get(name);
    return value instanceof Instant instant ? instant.toEpochMilli() : 0;
  }

  private double field(String name) {
    Object value = doc.get(name);
    if (value instanceof Number number) {
      return floatMode ? number.floatValue() : number.doubleValue();
    }
    if (value == null) {
      return 0;
    }
    throw new IllegalArgumentException("field " + name + " is not numeric: " + value);
  }

  private double number() {
    int start = pos;
    while (pos < text.length() && "0123456789+-.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    return Double.parseDouble(text.substring(start, pos));
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw new IllegalArgumentException("identifier expected at " + pos + " in " + text);
    }
    return text.substring(start, pos);
  }

  /** As Solr's {@code StrParser.getQuotedString}. */
  private String quoted() {
    char quote = text.charAt(pos);
    if (quote != '\'' && quote != '"') {
      throw new IllegalArgumentException("quoted string expected at " + pos + " in " + text);
    }
    pos++;
    StringBuilder result = new StringBuilder();
    while (true) {
      char c = text.charAt(pos++);
      if (c == quote) {
        return result.toString();
      }
      if (c == '\\') {
        char escaped = text.charAt(pos++);
        switch (escaped) {
          case 'n' -> result.append('\n');
          case 't' -> result.append('\t');
          case 'r' -> result.append('\r');
          case 'b' -> result.append('\b');
          case 'f' -> result.append('\f');
          case 'u' -> {
            result.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> result.append(escaped);
        }
      } else {
        result.append(c);
      }
    }
  }

  private void expect(char c) {
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw new IllegalArgumentException("'" + c + "' expected at " + pos + " in " + text);
    }
    pos++;
  }
}
