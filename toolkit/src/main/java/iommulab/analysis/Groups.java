package iommulab.analysis;

import iommulab.parse.TableCsv;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    List<int[]> codes = new ArrayList<>(columns.size());
    List<Integer> cardinality = new ArrayList<>(columns.size());
    for (String name : columns) {
      Column<?> col = column(table, name);
      cols.add(col);
      Map<String, Integer> index = new HashMap<>();
      int[] code = new int[rows];
      for (int r = 0; r < rows; r++) {
        String text = text(col, r);
        Integer c = index.get(text);
        if (c == null) {
          c = index.size();
          index.put(text, c);
        }
        code[r] = c;
      }
      codes.add(code);
      cardinality.add(Math.max(1, index.size()));
    }
    long combinations = 1;
    for (int card : cardinality) {
      try {
        combinations = Math.multiplyExact(combinations, card);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "too many distinct value combinations to group by " + columns, e);
      }
    }
    int[] groupOfRow = new int[rows];
    Map<Long, Integer> index = new HashMap<>();
    List<List<String>> keys = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      long key = 0;
      for (int c = 0; c < codes.size(); c++) {
        key = key * cardinality.get(c) + codes.get(c)[r];
      }
      Integer g = index.get(key);
      if (g == null) {
        g = keys.size();
        index.put(key, g);
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
