package iommulab.parse;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The perf stat table while it is being filled: one primitive array per column, sized once from the
 * input size so a 1 GB file does not copy its columns on the way (the table must fit in a 1 GiB heap).
 * Missing values use Tablesaw's own markers (NaN, {@link Integer#MIN_VALUE}, the empty string).
 */
final class PerfColumns {
  static final String[] NAMES = {
    "run", "interval_s", "aggr", "aggr_cpus", "event", "value", "unit", "status",
    "run_pct", "variance_pct", "metric_value", "metric_unit", "elapsed_s", "line"
  };
  static final int MISSING_INT = Integer.MIN_VALUE;

  int size;
  private int capacity;
  int[] run;
  double[] intervalSeconds;
  final PerfStringColumn aggr;
  int[] aggrCpus;
  final PerfStringColumn event;
  double[] value;
  final PerfStringColumn unit;
  final PerfStringColumn status;
  float[] runPct;
  float[] variancePct;
  float[] metricValue;
  final PerfStringColumn metricUnit;
  double[] elapsedSeconds;
  int[] line;

  PerfColumns(int expectedRows) {
    capacity = Math.max(expectedRows, 64);
    run = new int[capacity];
    intervalSeconds = new double[capacity];
    aggr = new PerfStringColumn("aggr", capacity);
    aggrCpus = new int[capacity];
    event = new PerfStringColumn("event", capacity);
    value = new double[capacity];
    unit = new PerfStringColumn("unit", capacity);
    status = new PerfStringColumn("status", capacity);
    runPct = new float[capacity];
    variancePct = new float[capacity];
    metricValue = new float[capacity];
    metricUnit = new PerfStringColumn("metric_unit", capacity);
    elapsedSeconds = new double[capacity];
    line = new int[capacity];
  }

  /** Makes room for one more row in the numeric arrays; the string columns grow themselves. */
  void ensureRoom() {
    if (size < capacity) {
      return;
    }
    capacity = PerfStringColumn.grow(capacity);
    run = Arrays.copyOf(run, capacity);
    intervalSeconds = Arrays.copyOf(intervalSeconds, capacity);
    aggrCpus = Arrays.copyOf(aggrCpus, capacity);
    value = Arrays.copyOf(value, capacity);
    runPct = Arrays.copyOf(runPct, capacity);
    variancePct = Arrays.copyOf(variancePct, capacity);
    metricValue = Arrays.copyOf(metricValue, capacity);
    elapsedSeconds = Arrays.copyOf(elapsedSeconds, capacity);
    line = Arrays.copyOf(line, capacity);
  }

  /** Grows every column once to hold {@code rows} rows (a better estimate than the first one). */
  void reserve(int rows) {
    if (rows <= capacity) {
      return;
    }
    capacity = rows;
    run = Arrays.copyOf(run, capacity);
    intervalSeconds = Arrays.copyOf(intervalSeconds, capacity);
    aggrCpus = Arrays.copyOf(aggrCpus, capacity);
    value = Arrays.copyOf(value, capacity);
    runPct = Arrays.copyOf(runPct, capacity);
    variancePct = Arrays.copyOf(variancePct, capacity);
    metricValue = Arrays.copyOf(metricValue, capacity);
    elapsedSeconds = Arrays.copyOf(elapsedSeconds, capacity);
    line = Arrays.copyOf(line, capacity);
    for (PerfStringColumn c : new PerfStringColumn[] {aggr, event, unit, status, metricUnit}) {
      c.reserve(capacity);
    }
  }

  /** Sets elapsed_s of rows {@code from..size)}: perf prints it after the block's counters. */
  void fillElapsed(int from, double seconds) {
    Arrays.fill(elapsedSeconds, from, size, seconds);
  }

  /** Hands the arrays to Tablesaw; this object must not be used afterwards. */
  Table build(String tableName) {
    int n = size;
    Table t = Table.create(tableName);
    t.addColumns(ints("run", run, n));
    run = null;
    t.addColumns(doubles("interval_s", intervalSeconds, n));
    intervalSeconds = null;
    t.addColumns(aggr.build());
    t.addColumns(ints("aggr_cpus", aggrCpus, n));
    aggrCpus = null;
    t.addColumns(event.build());
    t.addColumns(doubles("value", value, n));
    value = null;
    t.addColumns(unit.build());
    t.addColumns(status.build());
    t.addColumns(floats("run_pct", runPct, n));
    runPct = null;
    t.addColumns(floats("variance_pct", variancePct, n));
    variancePct = null;
    t.addColumns(floats("metric_value", metricValue, n));
    metricValue = null;
    t.addColumns(metricUnit.build());
    t.addColumns(doubles("elapsed_s", elapsedSeconds, n));
    elapsedSeconds = null;
    t.addColumns(ints("line", line, n));
    line = null;
    return t;
  }

  private static IntColumn ints(String name, int[] data, int n) {
    return new WrappedIntColumn(name, IntArrayList.wrap(data, n));
  }

  private static DoubleColumn doubles(String name, double[] data, int n) {
    return new WrappedDoubleColumn(name, DoubleArrayList.wrap(data, n));
  }

  private static FloatColumn floats(String name, float[] data, int n) {
    return FloatColumn.create(name, data.length == n ? data : Arrays.copyOf(data, n));
  }

  /**
   * Tablesaw's public factories copy the array they are given; its protected constructor takes the
   * list as is. Subclassing is the only way to hand over a 110 MB array without a second copy, which
   * is what lets the 1 GB input fit in a 1 GiB heap. Nothing is overridden.
   */
  private static final class WrappedDoubleColumn extends DoubleColumn {
    WrappedDoubleColumn(String name, DoubleArrayList data) {
      super(name, data);
    }
  }

  /** See {@link WrappedDoubleColumn}. */
  private static final class WrappedIntColumn extends IntColumn {
    WrappedIntColumn(String name, IntArrayList data) {
      super(name, data);
    }
  }
}
