package iommulab.kernel;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as an HTML {@code <table>}, escaped, showing at most a row limit (first rows,
 * then a note of how many were left out). Tablesaw's own HTML writer lives in a module we do not ship.
 */
final class HtmlTable {
  private HtmlTable() {}

  static String html(Table table, int rowLimit) {
    StringBuilder sb = new StringBuilder(256 + table.rowCount() * 64);
    sb.append("<div class=\"iommulab-table\">");
    if (table.name() != null && !table.name().isEmpty()) {
      sb.append("<div><b>").append(escape(table.name())).append("</b> ");
    } else {
      sb.append("<div>");
    }
    sb.append(table.rowCount()).append(" rows × ").append(table.columnCount()).append(" columns</div>");
    sb.append("<table><thead><tr>");
    for (Column<?> c : table.columns()) {
      sb.append("<th title=\"").append(escape(c.type().name())).append("\">")
          .append(escape(c.name())).append("</th>");
    }
    sb.append("</tr></thead><tbody>");
    int shown = Math.min(rowLimit, table.rowCount());
    for (int r = 0; r < shown; r++) {
      sb.append("<tr>");
      for (Column<?> c : table.columns()) {
        String cell = c.isMissing(r) ? "" : c.getString(r);
        sb.append("<td>").append(escape(cell)).append("</td>");
      }
      sb.append("</tr>");
    }
    sb.append("</tbody></table>");
    if (shown < table.rowCount()) {
      sb.append("<div>… ").append(table.rowCount() - shown).append(" more rows not shown</div>");
    }
    return sb.append("</div>").toString();
  }

  /** Plain text: Tablesaw's own printer, limited to {@code rowLimit} rows. */
  static String text(Table table, int rowLimit) {
    return table.print(rowLimit);
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }
}
