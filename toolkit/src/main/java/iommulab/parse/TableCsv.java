package iommulab.parse;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a table as RFC 4180 CSV in iommulab's canonical form: header first, an absent value as an
 * empty cell, whole numbers without a decimal point ({@code 1073741824}, not {@code 1.073741824E9}),
 * other numbers in plain decimal notation ({@code 157639770.112}). Golden files and exports use it.
 *
 * <pre>{@code TableCsv.write(result.table(), System.out);}</pre>
 */
public final class TableCsv {
  private static final double EXACT_INTEGER_LIMIT = 0x1p53;

  private TableCsv() {}

  public static void write(Table table, Appendable out) throws IOException {
    try (CSVPrinter printer =
        CSVFormat.RFC4180.builder().setRecordSeparator('\n').get().print(out)) {
      printer.printRecord(table.columnNames());
      int columns = table.columnCount();
      String[] cells = new String[columns];
      for (int row = 0; row < table.rowCount(); row++) {
        for (int c = 0; c < columns; c++) {
          cells[c] = cell(table.column(c), row);
        }
        printer.printRecord((Object[]) cells);
      }
      printer.flush();
    }
  }

  public static String toString(Table table) {
    StringWriter w = new StringWriter();
    try {
      write(table, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** The canonical text of one cell; empty when the value is missing. */
  public static String cell(Column<?> column, int row) {
    if (column.isMissing(row)) {
      return "";
    }
    Object v = column.get(row);
    if (v instanceof Double d) {
      return number(d);
    }
    if (v instanceof Float f) {
      return number(Double.parseDouble(Float.toString(f)));
    }
    return String.valueOf(v);
  }

  /** Formats a number the canonical way: integral values without a point, others plain decimal. */
  public static String number(double d) {
    if (Double.isNaN(d)) {
      return "";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == Math.rint(d) && Math.abs(d) < EXACT_INTEGER_LIMIT) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
