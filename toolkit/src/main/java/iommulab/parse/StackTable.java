package iommulab.parse;

import java.util.List;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Fills the stackcount table one stack at a time, straight into Tablesaw's primitive columns. The
 * column names and order are the documented CSV contract (README, {@code ### stackcount}).
 */
final class StackTable {
  static final String[] COLUMNS = {
    "stack_id", "interval", "process", "pid", "count", "depth", "leaf", "root", "folded", "line"
  };

  private final IntColumn stackId = IntColumn.create(COLUMNS[0]);
  private final IntColumn interval = IntColumn.create(COLUMNS[1]);
  private final StringColumn process = StringColumn.create(COLUMNS[2]);
  private final IntColumn pid = IntColumn.create(COLUMNS[3]);
  private final LongColumn count = LongColumn.create(COLUMNS[4]);
  private final IntColumn depth = IntColumn.create(COLUMNS[5]);
  private final StringColumn leaf = StringColumn.create(COLUMNS[6]);
  private final StringColumn root = StringColumn.create(COLUMNS[7]);

  private final LongColumn line = LongColumn.create(COLUMNS[9]);

  void add(Stack stack) {
    stackId.append(stackId.size());
    interval.append(stack.interval());
    process.append(stack.process());
    if (stack.hasPid()) {
      pid.append(stack.pid());
    } else {
      pid.appendMissing();
    }
    count.append(stack.count());
    depth.append(stack.depth());
    leaf.append(stack.leaf());
    root.append(stack.root());
    line.append(stack.line());
  }

  /** The table; {@code stacks} are the stacks added, in order, whose frames give the folded column. */
  Table build(String name, List<Stack> stacks) {
    StringColumn folded = StringColumn.createInternal(COLUMNS[8], new StackFoldedData(stacks));
    return Table.create(name, stackId, interval, process, pid, count, depth, leaf, root, folded, line);
  }
}
