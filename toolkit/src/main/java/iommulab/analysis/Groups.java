package iommulab.analysis;

import iommulab.parse.TableCsv;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Rows of a table numbered by the group they belong to, groups in order of first appearance.
 *
 * <p>Each grouping column is first coded to small integers (a string column's values are the
 * dictionary's own instances, so the lookups hash cached strings), then the codes combine into one
 * {@code long} per row: grouping ten million rows allocates per distinct value, not per row.
 */
final class Groups {
  final int[] groupOfRow;
  final List<List<String>> keys;

  private Groups(int[] groupOfRow, List<List<String>> keys) {
    this.groupOfRow = groupOfRow;
    this.keys = keys;
  }

  static Groups of(Table table, List<String> columns) {
    int rows = table.rowCount();
    List<Column<?>> cols = new ArrayList<>(columns.size());
    for (String name : columns) {
      cols.add(column(table, name));
    }
    // Fold one column at a time into a combined key per row, reusing one code array.
    long[] key = new long[rows];
    int[] code = new int[rows];
    long combinations = 1;
    for (Column<?> col : cols) {
      int cardinality = code(col, code);
      try {
        combinations = Math.multiplyExact(combinations, cardinality);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "too many distinct value combinations to group by " + columns, e);
      }
      for (int r = 0; r < rows; r++) {
        key[r] = key[r] * cardinality + code[r];
      }
    }
    int[] groupOfRow = code; // the codes are no longer needed
    LongIntMap index = new LongIntMap();
    List<List<String>> keys = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      int g = index.get(key[r]);
      if (g < 0) {
        g = keys.size();
        index.put(key[r], g);
        List<String> values = new ArrayList<>(cols.size());
        for (Column<?> col : cols) {
          values.add(text(col, r));
        }
        keys.add(List.copyOf(values));
      }
      groupOfRow[r] = g;
    }
    return new Groups(groupOfRow, keys);
  }

  /** Numbers the column's distinct values in order of appearance; returns how many there are. */
  private static int code(Column<?> col, int[] code) {
    if (col instanceof NumericColumn<?> numeric) {
      return codeNumbers(numeric, code);
    }
    Map<String, Integer> index = new HashMap<>();
    int rows = code.length;
    for (int r = 0; r < rows; r++) {
      String text = text(col, r);
      Integer c = index.get(text);
      if (c == null) {
        c = index.size();
        index.put(text, c);
      }
      code[r] = c;
    }
    return Math.max(1, index.size());
  }

  /**
   * Numeric cells coded by value, without formatting each one: missing cells share one code, and
   * whole doubles equal to ints group with them as their canonical text does.
   */
  private static int codeNumbers(NumericColumn<?> col, int[] code) {
    LongIntMap index = new LongIntMap();
    int missingCode = -1;
    int next = 0;
    for (int r = 0; r < code.length; r++) {
      if (col.isMissing(r)) {
        if (missingCode < 0) {
          missingCode = next++;
        }
        code[r] = missingCode;
        continue;
      }
      double v = col.getDouble(r);
      long bits = Double.doubleToLongBits(v == 0.0 ? 0.0 : v); // -0.0 prints as 0 too
      int c = index.get(bits);
      if (c < 0) {
        c = next++;
        index.put(bits, c);
      }
      code[r] = c;
    }
    return Math.max(1, next);
  }

  int count() {
    return keys.size();
  }

  /** The canonical text of a cell, so 4096.0 in a double column groups as "4096". */
  static String text(Column<?> column, int row) {
    if (column instanceof StringColumn s) {
      return s.get(row);
    }
    return TableCsv.cell(column, row);
  }

  static Column<?> column(Table table, String name) {
    if (!table.containsColumn(name)) {
      throw new IllegalArgumentException(
          "table " + table.name() + " has no column '" + name + "'; its columns are "
              + table.columnNames());
    }
    return table.column(name);
  }
}
