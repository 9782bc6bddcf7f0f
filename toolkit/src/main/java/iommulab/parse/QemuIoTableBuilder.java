package iommulab.parse;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Appends qemu-io report rows straight into Tablesaw's primitive columns (no boxing, no copy at the
 * end; {@code op} is dictionary-encoded, a byte per row). An absent long is {@link #ABSENT}, an absent
 * double NaN: both become missing cells.
 */
final class QemuIoTableBuilder {
  static final long ABSENT = Long.MIN_VALUE;

  static final String[] COLUMNS = {
    "index", "op", "offset", "requested_bytes", "bytes", "ops", "seconds", "bytes_per_second",
    "ops_per_second", "line"
  };

  private final IntColumn index = IntColumn.create(COLUMNS[0]);
  private final StringColumn op = StringColumn.create(COLUMNS[1]);
  private final LongColumn offset = LongColumn.create(COLUMNS[2]);
  private final LongColumn requestedBytes = LongColumn.create(COLUMNS[3]);
  private final LongColumn bytes = LongColumn.create(COLUMNS[4]);
  private final LongColumn ops = LongColumn.create(COLUMNS[5]);
  private final DoubleColumn seconds = DoubleColumn.create(COLUMNS[6]);
  private final DoubleColumn bytesPerSecond = DoubleColumn.create(COLUMNS[7]);
  private final DoubleColumn opsPerSecond = DoubleColumn.create(COLUMNS[8]);
  private final LongColumn line = LongColumn.create(COLUMNS[9]);
  private int rows;

  int rowCount() {
    return rows;
  }

  /** Adds a row; returns its 0-based index. {@code op} is "" for a {@code -C} line. */
  int add(
      String opName,
      long offsetBytes,
      long requested,
      long transferred,
      long opCount,
      double elapsedSeconds,
      double rateBytesPerSecond,
      double rateOpsPerSecond,
      long lineNumber) {
    index.append(rows);
    op.append(opName);
    append(offset, offsetBytes);
    append(requestedBytes, requested);
    append(bytes, transferred);
    append(ops, opCount);
    seconds.append(elapsedSeconds);
    bytesPerSecond.append(rateBytesPerSecond);
    opsPerSecond.append(rateOpsPerSecond);
    line.append(lineNumber);
    return rows++;
  }

  private static void append(LongColumn column, long value) {
    if (value == ABSENT) {
      column.appendMissing();
    } else {
      column.append(value);
    }
  }

  /** The table; the builder must not be used afterwards (the columns are handed over). */
  Table build(String name) {
    return Table.create(
        name, index, op, offset, requestedBytes, bytes, ops, seconds, bytesPerSecond, opsPerSecond,
        line);
  }
}
