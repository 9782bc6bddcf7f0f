package iommulab.parse;

import java.util.List;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Builds the stackcount table from the parsed stacks once the input has been read. The column names
 * and order are the documented CSV contract (README, {@code ### stackcount}).
 *
 * <p>The columns are filled in one pass after the parse rather than a row at a time during it: the
 * parse loop then stays small, which matters on two CPUs where the JIT compiler's time for a large
 * inlined loop competes with the parse itself.
 */
final class StackTable {
  static final String[] COLUMNS = {
    "stack_id", "interval", "process", "pid", "count", "depth", "leaf", "root", "folded", "line"
  };

  private StackTable() {}

  /** The table of {@code stacks}, in order; the {@code folded} column reads their frames when asked. */
  static Table build(String name, List<Stack> stacks) {
    int n = stacks.size();
    int[] ids = new int[n];
    int[] intervals = new int[n];
    int[] pids = new int[n];
    long[] counts = new long[n];
    int[] depths = new int[n];
    long[] lines = new long[n];
    String[] processes = new String[n];
    String[] leaves = new String[n];
    String[] roots = new String[n];
    boolean anyUnknownPid = false;
    for (int i = 0; i < n; i++) {
      Stack s = stacks.get(i);
      ids[i] = i;
      intervals[i] = s.interval();
      pids[i] = s.pid();
      anyUnknownPid |= !s.hasPid();
      counts[i] = s.count();
      depths[i] = s.depth();
      lines[i] = s.line();
      processes[i] = s.process();
      leaves[i] = s.leaf();
      roots[i] = s.root();
    }
    IntColumn pid = IntColumn.create(COLUMNS[3], pids);
    if (anyUnknownPid) {
      for (int i = 0; i < n; i++) {
        if (pids[i] == Stack.UNKNOWN_PID) {
          pid.setMissing(i);
        }
      }
    }
    List<Column<?>> columns =
        List.of(
            IntColumn.create(COLUMNS[0], ids),
            IntColumn.create(COLUMNS[1], intervals),
            StringColumn.create(COLUMNS[2], processes),
            pid,
            LongColumn.create(COLUMNS[4], counts),
            IntColumn.create(COLUMNS[5], depths),
            StringColumn.create(COLUMNS[6], leaves),
            StringColumn.create(COLUMNS[7], roots),
            StringColumn.createInternal(COLUMNS[8], new StackFoldedData(stacks)),
            LongColumn.create(COLUMNS[9], lines));
    return Table.create(name, columns);
  }
}
