package iommulab.kernel;

import iommulab.parse.TableCsv;
import java.math.BigDecimal;
import java.math.MathContext;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as an HTML {@code <table>}, escaped, showing at most a row limit (first rows,
 * then a note of how many were left out). Measured values are shown to six significant digits, the
 * exact value in the cell's tooltip. Tablesaw's own HTML writer lives in a module we do not ship.
 */
final class HtmlTable {
  private static final int SHOWN_DIGITS = 6;

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
        if (!c.isMissing(r) && c.get(r) instanceof Number n && (n instanceof Double || n instanceof Float)) {
          double v = n.doubleValue();
          String exact = TableCsv.number(v);
          String shown6 = rounded(v);
          if (!shown6.equals(exact)) {
            sb.append("<td title=\"").append(exact).append("\">").append(shown6).append("</td>");
            continue;
          }
        }
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

  /**
   * A measured value to {@value #SHOWN_DIGITS} significant digits ({@code 12.6724}, not
   * {@code 12.672395637265595}); whole numbers and very large values stay exact. The exact value is
   * the cell's tooltip, and the table itself is unchanged.
   */
  static String rounded(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v) || v == Math.rint(v) || Math.abs(v) >= 1e15) {
      return TableCsv.number(v);
    }
    return new BigDecimal(v).round(new MathContext(SHOWN_DIGITS)).stripTrailingZeros().toPlainString();
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
