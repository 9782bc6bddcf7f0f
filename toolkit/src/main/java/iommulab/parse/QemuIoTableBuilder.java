package iommulab.parse;

import java.util.Arrays;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Collects qemu-io report rows in primitive arrays and builds the Tablesaw table once at the end, so a
 * long transcript costs no boxing per row. An absent long is {@link #ABSENT} (Tablesaw's missing
 * long), an absent double NaN (Tablesaw's missing double).
 */
final class QemuIoTableBuilder {
  static final long ABSENT = Long.MIN_VALUE;

  static final String[] COLUMNS = {
    "index", "op", "offset", "requested_bytes", "bytes", "ops", "seconds", "bytes_per_second",
    "ops_per_second", "line"
  };

  private int rows;
  private String[] op = new String[16];
  private long[] offset = new long[16];
  private long[] requestedBytes = new long[16];
  private long[] bytes = new long[16];
  private long[] ops = new long[16];
  private double[] seconds = new double[16];
  private double[] bytesPerSecond = new double[16];
  private double[] opsPerSecond = new double[16];
  private long[] line = new long[16];

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
    if (rows == line.length) {
      grow();
    }
    op[rows] = opName;
    offset[rows] = offsetBytes;
    requestedBytes[rows] = requested;
    bytes[rows] = transferred;
    ops[rows] = opCount;
    seconds[rows] = elapsedSeconds;
    bytesPerSecond[rows] = rateBytesPerSecond;
    opsPerSecond[rows] = rateOpsPerSecond;
    line[rows] = lineNumber;
    return rows++;
  }

  private void grow() {
    int n = line.length * 2;
    op = Arrays.copyOf(op, n);
    offset = Arrays.copyOf(offset, n);
    requestedBytes = Arrays.copyOf(requestedBytes, n);
    bytes = Arrays.copyOf(bytes, n);
    ops = Arrays.copyOf(ops, n);
    seconds = Arrays.copyOf(seconds, n);
    bytesPerSecond = Arrays.copyOf(bytesPerSecond, n);
    opsPerSecond = Arrays.copyOf(opsPerSecond, n);
    line = Arrays.copyOf(line, n);
  }

  Table build(String name) {
    int[] index = new int[rows];
    Arrays.setAll(index, i -> i);
    return Table.create(
        name,
        IntColumn.create(COLUMNS[0], index),
        StringColumn.create(COLUMNS[1], Arrays.copyOf(op, rows)),
        longs(COLUMNS[2], offset),
        longs(COLUMNS[3], requestedBytes),
        longs(COLUMNS[4], bytes),
        longs(COLUMNS[5], ops),
        DoubleColumn.create(COLUMNS[6], Arrays.copyOf(seconds, rows)),
        DoubleColumn.create(COLUMNS[7], Arrays.copyOf(bytesPerSecond, rows)),
        DoubleColumn.create(COLUMNS[8], Arrays.copyOf(opsPerSecond, rows)),
        longs(COLUMNS[9], line));
  }

  /** Long.MIN_VALUE is Tablesaw's own missing-long marker, so absent cells need no second pass. */
  private LongColumn longs(String name, long[] values) {
    return LongColumn.create(name, Arrays.copyOf(values, rows));
  }
}
