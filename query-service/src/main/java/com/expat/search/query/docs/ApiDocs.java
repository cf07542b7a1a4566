package com.expat.search.query.docs;

import com.expat.search.query.http.Routes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code GET /openapi.json}: the hand-written OpenAPI 3 document (resource {@code
 * /openapi.json}); {@code GET /docs}: the same document as one HTML page, rendered here once at
 * start-up (no script, no CDN), so the two never disagree.
 */
public final class ApiDocs implements Routes {
  private final byte[] document;
  private final String html;

  public ApiDocs(ObjectMapper mapper) {
    try (InputStream in = ApiDocs.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("resource /openapi.json is missing from the jar");
      }
      this.document = in.readAllBytes();
      this.html = render(mapper.readTree(document));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /openapi.json", e);
    }
  }

  @Override
  public void addTo(RoutesConfig routes) {
    routes.get("/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(document));
    routes.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(html));
  }

  static String render(JsonNode doc) {
    StringBuilder out = new StringBuilder(32_000);
    JsonNode info = doc.path("info");
    out.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(info.path("title").asText())).append("</title><style>")
        .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}")
        .append("code,pre{background:#f4f4f4;padding:0 .2em}table{border-collapse:collapse;width:100%;margin:.5rem 0}")
        .append("td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}")
        .append("h2{border-top:2px solid #333;padding-top:1rem}.m{font-weight:bold;color:#06c}")
        .append("</style></head><body><h1>").append(escape(info.path("title").asText())).append(" ")
        .append(escape(info.path("version").asText())).append("</h1><p>")
        .append(escape(info.path("description").asText()))
        .append("</p><p>Machine-readable: <a href=\"/openapi.json\">/openapi.json</a> (OpenAPI ")
        .append(escape(doc.path("openapi").asText())).append(").</p><ul>");
    doc.path("paths").fieldNames().forEachRemaining(path ->
        out.append("<li><a href=\"#").append(anchor(path)).append("\"><code>").append(escape(path))
            .append("</code></a></li>"));
    out.append("</ul>");
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        JsonNode operation = op.getValue();
        out.append("<h2 id=\"").append(anchor(path.getKey())).append("\"><span class=\"m\">")
            .append(escape(op.getKey().toUpperCase(java.util.Locale.ROOT))).append("</span> <code>")
            .append(escape(path.getKey())).append("</code></h2><p><b>")
            .append(escape(operation.path("summary").asText())).append("</b></p>");
        if (operation.has("description")) {
          out.append("<p>").append(escape(operation.path("description").asText())).append("</p>");
        }
        if (operation.path("parameters").size() > 0) {
          out.append("<table><tr><th>parameter</th><th>in</th><th>type</th><th>meaning</th></tr>");
          for (JsonNode parameter : operation.path("parameters")) {
            JsonNode p = resolve(doc, parameter);
            out.append("<tr><td><code>").append(escape(p.path("name").asText())).append("</code>")
                .append(p.path("required").asBoolean() ? " (required)" : "").append("</td><td>")
                .append(escape(p.path("in").asText())).append("</td><td>")
                .append(escape(type(p.path("schema")))).append("</td><td>")
                .append(escape(p.path("description").asText())).append("</td></tr>");
          }
          out.append("</table>");
        }
        out.append("<table><tr><th>status</th><th>answer</th></tr>");
        operation.path("responses").fields().forEachRemaining(response -> {
          JsonNode r = resolve(doc, response.getValue());
          StringBuilder media = new StringBuilder();
          r.path("content").fields().forEachRemaining(content -> {
            String schema = content.getValue().path("schema").path("$ref").asText("");
            media.append(" <code>").append(escape(content.getKey())).append("</code>");
            if (!schema.isEmpty()) {
              String name = schema.substring(schema.lastIndexOf('/') + 1);
              media.append(" <a href=\"#schema-").append(name).append("\">").append(name).append("</a>");
            }
          });
          out.append("<tr><td>").append(escape(response.getKey())).append("</td><td>")
              .append(escape(r.path("description").asText())).append(media).append("</td></tr>");
        });
        out.append("</table>");
      }
    }
    out.append("<h2>Schemas</h2>");
    doc.path("components").path("schemas").fields().forEachRemaining(schema -> {
      out.append("<h3 id=\"schema-").append(escape(schema.getKey())).append("\">").append(escape(schema.getKey()))
          .append("</h3>");
      if (schema.getValue().has("description")) {
        out.append("<p>").append(escape(schema.getValue().path("description").asText())).append("</p>");
      }
      out.append("<table><tr><th>field</th><th>type</th><th>meaning</th></tr>");
      schema.getValue().path("properties").fields().forEachRemaining(field ->
          out.append("<tr><td><code>").append(escape(field.getKey())).append("</code></td><td>")
              .append(escape(type(field.getValue()))).append("</td><td>")
              .append(escape(field.getValue().path("description").asText())).append("</td></tr>"));
      out.append("</table>");
    });
    return out.append("</body></html>").toString();
  }

  private static JsonNode resolve(JsonNode doc, JsonNode node) {
    String ref = node.path("$ref").asText("");
    if (!ref.startsWith("#/")) {
      return node;
    }
    JsonNode target = doc;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part);
    }
    return target;
  }

  private static String type(JsonNode schema) {
    if (schema.has("$ref")) {
      String ref = schema.path("$ref").asText();
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
    String type = schema.path("type").asText("");
    if (type.equals("array")) {
      return "array of " + type(schema.path("items"));
    }
    StringBuilder out = new StringBuilder(type);
    if (schema.has("enum")) {
      out.append(" ").append(schema.path("enum").toString());
    }
    if (schema.has("minimum") || schema.has("maximum")) {
      out.append(" ").append(schema.path("minimum").asText("")).append("..").append(schema.path("maximum").asText(""));
    }
    if (schema.has("default")) {
      out.append(", default ").append(schema.path("default").asText());
    }
    if (schema.path("nullable").asBoolean()) {
      out.append(", nullable");
    }
    return out.toString();
  }

  private static String anchor(String path) {
    return path.replaceAll("[^A-Za-z0-9]+", "-");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
