package iommulab.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One executed notebook as a standalone HTML page: markdown as HTML, code highlighted, outputs as the
 * kernel rendered them (rich HTML as is, so a chart's embedded plotly.js comes along exactly once).
 * Needs nothing from the network.
 */
final class HtmlPage {
  private static final String STYLE =
      "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;margin:2em auto;"
          + "padding:0 1em;color:#1b1b1b;line-height:1.45}"
          + "pre{background:#f6f8fa;padding:.6em .8em;overflow-x:auto;border-radius:4px;margin:.3em 0;"
          + "font-size:13px;font-family:ui-monospace,'DejaVu Sans Mono',monospace}"
          + ".cell{margin:1em 0}.prompt{color:#6a737d;font-size:12px;font-family:monospace}"
          + ".code{border-left:3px solid #1f4e79}.out{margin-left:.8em}"
          + ".stream{background:#fff;border-left:3px solid #ddd}.stderr{background:#fff5f5}"
          + ".error{background:#ffeef0;color:#86181d}"
          + ".kw{color:#d73a49}.str{color:#032f62}.com{color:#6a737d;font-style:italic}"
          + ".num{color:#005cc5}.magic{color:#6f42c1;font-weight:bold}"
          + "table{border-collapse:collapse;font-size:13px;margin:.3em 0}"
          + "th,td{border:1px solid #d0d7de;padding:2px 8px;text-align:right}th{background:#f0f3f6}"
          + "code{background:#f0f3f6;padding:0 3px;border-radius:3px}";

  private HtmlPage() {}

  static String render(String title, JsonObject nb) {
    StringBuilder sb = new StringBuilder(64 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Text.escape(title))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    for (JsonElement e : nb.getAsJsonArray("cells")) {
      JsonObject cell = e.getAsJsonObject();
      String source = NotebookRunner.source(cell);
      switch (cell.get("cell_type").getAsString()) {
        case "markdown" -> sb.append("<div class=\"md\">").append(Markdown.html(source)).append("</div>\n");
        case "code" -> code(cell, source, sb);
        default -> sb.append("<pre>").append(Text.escape(source)).append("</pre>\n");
      }
    }
    return sb.append("</body></html>\n").toString();
  }

  private static void code(JsonObject cell, String source, StringBuilder sb) {
    JsonElement count = cell.get("execution_count");
    sb.append("<div class=\"cell\"><div class=\"prompt\">In [")
        .append(count == null || count.isJsonNull() ? " " : count.getAsString())
        .append("]:</div><pre class=\"code\">")
        .append(Highlight.java(source))
        .append("</pre>");
    if (cell.has("outputs")) {
      for (JsonElement o : cell.getAsJsonArray("outputs")) {
        output(o.getAsJsonObject(), sb);
      }
    }
    sb.append("</div>\n");
  }

  private static void output(JsonObject o, StringBuilder sb) {
    switch (o.get("output_type").getAsString()) {
      case "stream" -> sb.append("<pre class=\"out stream ")
          .append(Text.escape(o.get("name").getAsString())).append("\">")
          .append(Text.escape(NotebookRunner.joined(o.get("text")))).append("</pre>");
      case "error" -> {
        StringBuilder tb = new StringBuilder();
        o.getAsJsonArray("traceback").forEach(l -> tb.append(Text.stripAnsi(l.getAsString())).append('\n'));
        sb.append("<pre class=\"out error\">").append(Text.escape(tb.toString())).append("</pre>");
      }
      default -> rich(o.getAsJsonObject("data"), sb);
    }
  }

  private static void rich(JsonObject data, StringBuilder sb) {
    sb.append("<div class=\"out\">");
    if (data.has("text/html")) {
      sb.append(NotebookRunner.joined(data.get("text/html")));
    } else if (data.has("image/svg+xml")) {
      sb.append(NotebookRunner.joined(data.get("image/svg+xml")));
    } else if (data.has("image/png")) {
      sb.append("<img src=\"data:image/png;base64,")
          .append(NotebookRunner.joined(data.get("image/png")).replace("\n", "")).append("\">");
    } else if (data.has("text/markdown")) {
      sb.append(Markdown.html(NotebookRunner.joined(data.get("text/markdown"))));
    } else if (data.has("text/plain")) {
      sb.append("<pre>").append(Text.escape(NotebookRunner.joined(data.get("text/plain")))).append("</pre>");
    }
    sb.append("</div>");
  }
}
