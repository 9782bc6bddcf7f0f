package iommulab.parse;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The perf stat table while it is being filled: one primitive array per column, sized once from the
 * input size (allocated on another thread while the parse goes on) so a 1 GB file does not copy its
 * columns on the way, and handed to Tablesaw without a copy (the table must fit in a 1 GiB heap).
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
  /** Arrays of the estimated final size being allocated on another thread, or null. */
  private CompletableFuture<Reserve> pending;

  private static final int ADOPT_CHECK_MASK = (1 << 14) - 1;

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
    if (pending != null
        && (size == capacity || ((size & ADOPT_CHECK_MASK) == 0 && pending.isDone()))) {
      adopt(awaitPending());
    }
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

  /**
   * Starts allocating every column at {@code rows} rows on another thread; the parse goes on in the
   * current arrays and moves into the new ones when they are ready (or when the current ones are
   * full). Java zeroes a new array before it can be used, and on a 1 GB input the fresh ~700 MB cost
   * as much as a fifth of the parse when done in line: here the other core pays it.
   */
  void reserveInBackground(int rows) {
    if (rows <= capacity || pending != null) {
      return;
    }
    int strings = stringColumns().length;
    pending = CompletableFuture.supplyAsync(() -> new Reserve(rows, strings), PerfColumns::startDaemon);
  }

  private static void startDaemon(Runnable task) {
    Thread t = new Thread(task, "iommulab-perf-reserve");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Waits for a background reservation, if one is running, and drops it unused (so its arrays are
   * not being allocated while the table is built); a failure to allocate what is not needed is moot.
   */
  private void dropPending() {
    if (pending != null) {
      pending.handle((unused, failure) -> null).join();
      pending = null;
    }
  }

  /** The reservation; an OutOfMemoryError on the other thread is thrown here, as in line. */
  private Reserve awaitPending() {
    try {
      return pending.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private void adopt(Reserve r) {
    pending = null;
    if (r.rows <= size) {
      return;
    }
    capacity = r.rows;
    run = moveInto(run, r.run);
    intervalSeconds = moveInto(intervalSeconds, r.intervalSeconds);
    aggrCpus = moveInto(aggrCpus, r.aggrCpus);
    value = moveInto(value, r.value);
    runPct = moveInto(runPct, r.runPct);
    variancePct = moveInto(variancePct, r.variancePct);
    metricValue = moveInto(metricValue, r.metricValue);
    elapsedSeconds = moveInto(elapsedSeconds, r.elapsedSeconds);
    line = moveInto(line, r.line);
    PerfStringColumn[] strings = stringColumns();
    for (int i = 0; i < strings.length; i++) {
      strings[i].adoptKeys(r.byteKeys[i], r.rows);
    }
  }

  private <A> A moveInto(A from, A to) {
    System.arraycopy(from, 0, to, 0, size);
    return to;
  }

  private PerfStringColumn[] stringColumns() {
    return new PerfStringColumn[] {aggr, event, unit, status, metricUnit};
  }

  /** The arrays of every column at one capacity, made off the parsing thread. */
  private static final class Reserve {
    final int rows;
    final int[] run;
    final double[] intervalSeconds;
    final int[] aggrCpus;
    final double[] value;
    final float[] runPct;
    final float[] variancePct;
    final float[] metricValue;
    final double[] elapsedSeconds;
    final int[] line;
    final byte[][] byteKeys;

    Reserve(int rows, int stringColumns) {
      this.rows = rows;
      byteKeys = new byte[stringColumns][];
      run = new int[rows];
      intervalSeconds = new double[rows];
      aggrCpus = new int[rows];
      value = new double[rows];
      runPct = new float[rows];
      variancePct = new float[rows];
      metricValue = new float[rows];
      elapsedSeconds = new double[rows];
      line = new int[rows];
      for (int i = 0; i < byteKeys.length; i++) {
        byteKeys[i] = new byte[rows];
      }
    }
  }

  /** Sets elapsed_s of rows {@code from..size)}: perf prints it after the block's counters. */
  void fillElapsed(int from, double seconds) {
    Arrays.fill(elapsedSeconds, from, size, seconds);
  }

  /** Hands the arrays to Tablesaw; this object must not be used afterwards. */
  Table build(String tableName) {
    dropPending();
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
    if (FLOAT_COLUMN != null) {
      try {
        return (FloatColumn) FLOAT_COLUMN.invokeExact(name, FloatArrayList.wrap(data, n));
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
    return FloatColumn.create(name, data.length == n ? data : Arrays.copyOf(data, n));
  }

  /**
   * FloatColumn's constructor that takes the list as is, private unlike IntColumn's and
   * DoubleColumn's; {@link FloatColumn#create(String, float...)} copies the array, and on the 1 GB
   * input the three float columns would be copied twice each (about 330 MB of fresh memory). Null,
   * and so a copy, where the class is not open to reflection (a named module).
   */
  private static final MethodHandle FLOAT_COLUMN = floatColumnConstructor();

  private static MethodHandle floatColumnConstructor() {
    try {
      Constructor<FloatColumn> c =
          FloatColumn.class.getDeclaredConstructor(String.class, FloatArrayList.class);
      c.setAccessible(true);
      return MethodHandles.lookup().unreflectConstructor(c);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
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
