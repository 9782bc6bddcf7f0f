package iommulab.report;

import iommulab.parse.TableCsv;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Escaping and the small table renderer every report table goes through. Tables sit in a div that
 * scrolls sideways, so a derived table's twenty-odd columns do not widen the page.
 */
final class Html {
  private Html() {}

  /** Text safe in element content and in double-quoted attributes. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A table of text cells; every cell escaped. */
  static String table(List<String> header, List<List<String>> rows) {
    StringBuilder sb = new StringBuilder("<div class=\"scroll\"><table>\n<thead><tr>");
    for (String h : header) {
      sb.append("<th>").append(esc(h)).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      sb.append("<tr>");
      for (String cell : row) {
        sb.append("<td>").append(esc(cell)).append("</td>");
      }
      sb.append("</tr>\n");
    }
    return sb.append("</tbody>\n</table></div>\n").toString();
  }

  /**
   * A Tablesaw table in canonical cell text ({@link TableCsv#cell}), at most {@code maxRows} rows
   * (the rest counted in a caption, never silently dropped). {@code notes} maps "row:column" to
   * already-escaped HTML shown under that cell.
   */
  static String table(Table t, int maxRows, Map<String, String> notes) {
    StringBuilder sb = new StringBuilder("<div class=\"scroll\"><table>\n");
    int rows = Math.min(maxRows, t.rowCount());
    if (rows < t.rowCount()) {
      sb.append("<caption>first ").append(rows).append(" of ").append(t.rowCount())
          .append(" rows</caption>\n");
    }
    sb.append("<thead><tr>");
    for (String h : t.columnNames()) {
      sb.append("<th>").append(esc(h)).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < rows; r++) {
      sb.append("<tr>");
      for (int c = 0; c < t.columnCount(); c++) {
        String note = notes.get(r + ":" + t.column(c).name());
        sb.append(note == null ? "<td>" : "<td class=\"annotated\">")
            .append(esc(TableCsv.cell(t.column(c), r)));
        if (note != null) {
          sb.append(note);
        }
        sb.append("</td>");
      }
      sb.append("</tr>\n");
    }
    return sb.append("</tbody>\n</table></div>\n").toString();
  }
}
