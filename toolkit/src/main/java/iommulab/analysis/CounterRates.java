package iommulab.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * perf stat counters as rates: per second of elapsed time, per byte qemu-io moved, and one event over
 * another (tlb_miss per transaction).
 *
 * <p>Input is a perf stat table (parser columns {@code run,interval_s,aggr,...,elapsed_s,line}); any
 * other column, such as a record's {@code run_id}, {@code run_label} or configuration columns, marks
 * which run a row belongs to and is carried into the result.
 *
 * <pre>{@code
 * Table rates = CounterRates.perSecond(record.table(Tool.PERF_STAT));
 * // run_id, run_label, ..., run, event, unit, value, elapsed_s, value_per_second
 * }</pre>
 */
public final class CounterRates {
  /** The perf stat parser's own columns; every other column identifies the run. */
  static final Set<String> PERF_COLUMNS =
      Set.of(
          "run", "interval_s", "aggr", "aggr_cpus", "event", "value", "unit", "status", "run_pct",
          "variance_pct", "metric_value", "metric_unit", "elapsed_s", "line");

  private CounterRates() {}

  /**
   * One row per run and event: the counter's total over the run and that total per second of
   * elapsed time. The total is perf's own total row when there is one (no {@code interval_s}, no
   * {@code aggr}); else the sum of the per-aggregate totals ({@code -A}, {@code --per-core}); else,
   * for {@code -I} output without a summary, the sum of every interval. Elapsed time is the block's
   * {@code elapsed_s}, or the last interval timestamp when perf printed none. Not-counted readings
   * (no value) add nothing and are counted in {@code missing}.
   *
   * <p>Columns: the run columns, {@code run}, {@code event}, {@code unit}, {@code value}, {@code
   * elapsed_s}, {@code value_per_second}, {@code missing}.
   */
  public static Table perSecond(Table perf) {
    List<String> runColumns = runColumns(perf);
    // A record's run_id decides every other run column, so grouping by it alone is enough and
    // much cheaper on ten million rows; the other run columns are copied from each group's row.
    List<String> keyColumns =
        new ArrayList<>(runColumns.contains("run_id") ? List.of("run_id") : runColumns);
    keyColumns.add("run");
    keyColumns.add("event");
    Groups groups = Groups.of(perf, keyColumns);
    int n = groups.count();
    double[] total = new double[n];
    double[] aggrSum = new double[n];
    double[] intervalSum = new double[n];
    double[] lastInterval = new double[n];
    double[] elapsed = new double[n];
    int[] missing = new int[n];
    byte[] seen = new byte[n]; // bit 1: total row, 2: aggregate rows, 4: interval rows
    String[] unit = new String[n];
    java.util.Arrays.fill(lastInterval, Double.NaN);
    java.util.Arrays.fill(elapsed, Double.NaN);

    NumericColumn<?> value = Statistics.numeric(perf, "value");
    NumericColumn<?> interval = Statistics.numeric(perf, "interval_s");
    NumericColumn<?> elapsedS = Statistics.numeric(perf, "elapsed_s");
    StringColumn aggr = perf.stringColumn("aggr");
    StringColumn units = perf.stringColumn("unit");
    int[] of = groups.groupOfRow;
    int[] firstRow = new int[n];
    java.util.Arrays.fill(firstRow, -1);
    for (int r = 0; r < of.length; r++) {
      int g = of[r];
      if (firstRow[g] < 0) {
        firstRow[g] = r;
      }
      if (unit[g] == null && !units.isMissing(r)) {
        unit[g] = units.get(r);
      }
      if (!elapsedS.isMissing(r)) {
        elapsed[g] = elapsedS.getDouble(r);
      }
      boolean isInterval = !interval.isMissing(r);
      if (isInterval) {
        double t = interval.getDouble(r);
        if (Double.isNaN(lastInterval[g]) || t > lastInterval[g]) {
          lastInterval[g] = t;
        }
      }
      if (value.isMissing(r)) {
        missing[g]++;
        continue;
      }
      double v = value.getDouble(r);
      if (isInterval) {
        intervalSum[g] += v;
        seen[g] |= 4;
      } else if (aggr.isMissing(r) || aggr.get(r).isEmpty()) {
        total[g] += v;
        seen[g] |= 1;
      } else {
        aggrSum[g] += v;
        seen[g] |= 2;
      }
    }

    Table out = Table.create("counter rates");
    List<String> outColumns = new ArrayList<>(runColumns);
    outColumns.add("run");
    outColumns.add("event");
    List<StringColumn> keyOut = new ArrayList<>();
    List<Column<?>> keySource = new ArrayList<>();
    for (String k : outColumns) {
      keyOut.add(StringColumn.create(k));
      keySource.add(perf.column(k));
    }
    StringColumn unitOut = StringColumn.create("unit");
    DoubleColumn valueOut = DoubleColumn.create("value");
    DoubleColumn elapsedOut = DoubleColumn.create("elapsed_s");
    DoubleColumn perSecond = DoubleColumn.create("value_per_second");
    IntColumn missingOut = IntColumn.create("missing");
    for (int g = 0; g < n; g++) {
      for (int k = 0; k < keyOut.size(); k++) {
        keyOut.get(k).append(Groups.text(keySource.get(k), firstRow[g]));
      }
      unitOut.append(unit[g] == null ? "" : unit[g]);
      double v =
          (seen[g] & 1) != 0
              ? total[g]
              : (seen[g] & 2) != 0 ? aggrSum[g] : (seen[g] & 4) != 0 ? intervalSum[g] : Double.NaN;
      double e = Double.isNaN(elapsed[g]) ? lastInterval[g] : elapsed[g];
      appendOrMissing(valueOut, v);
      appendOrMissing(elapsedOut, e);
      appendOrMissing(perSecond, v / e);
      missingOut.append(missing[g]);
    }
    out.addColumns(keyOut.toArray(new Column<?>[0]));
    out.addColumns(unitOut, valueOut, elapsedOut, perSecond, missingOut);
    return out;
  }

  /**
   * {@link #perSecond} rates with each perf run paired to the qemu-io run it measured, adding the
   * bytes that run moved and the counter per byte and per MiB (2^20 bytes).
   *
   * @param qemuRunOfPerfRun perf {@code run_id} to qemu-io {@code run_id}; perf runs not in the map
   *     are paired with the qemu-io run of the same id, and left without per-byte values when there
   *     is none
   */
  public static Table perByte(Table rates, Table qemuIo, Map<String, String> qemuRunOfPerfRun) {
    Groups qemuRuns = Groups.of(qemuIo, List.of("run_id"));
    NumericColumn<?> bytes = Statistics.numeric(qemuIo, "bytes");
    Map<String, Double> bytesOfRun = new HashMap<>();
    for (int r = 0; r < qemuIo.rowCount(); r++) {
      if (!bytes.isMissing(r)) {
        bytesOfRun.merge(
            qemuRuns.keys.get(qemuRuns.groupOfRow[r]).get(0), bytes.getDouble(r), Double::sum);
      }
    }
    StringColumn runId = rates.stringColumn("run_id");
    NumericColumn<?> value = Statistics.numeric(rates, "value");
    StringColumn pairedRun = StringColumn.create("qemu_run_id");
    DoubleColumn moved = DoubleColumn.create("bytes");
    DoubleColumn perByte = DoubleColumn.create("value_per_byte");
    DoubleColumn perMiB = DoubleColumn.create("value_per_MiB");
    for (int r = 0; r < rates.rowCount(); r++) {
      String perfRun = runId.get(r);
      String qemuRun = qemuRunOfPerfRun.getOrDefault(perfRun, perfRun);
      Double b = bytesOfRun.get(qemuRun);
      pairedRun.append(b == null ? "" : qemuRun);
      double v = value.isMissing(r) ? Double.NaN : value.getDouble(r);
      appendOrMissing(moved, b == null ? Double.NaN : b);
      appendOrMissing(perByte, b == null ? Double.NaN : v / b);
      appendOrMissing(perMiB, b == null ? Double.NaN : v / b * (1 << 20));
    }
    Table out = rates.copy();
    out.addColumns(pairedRun, moved, perByte, perMiB);
    return out;
  }

  /**
   * One event's mean rate over another's per group: {@code tlb_miss/s / transaction/s} for each
   * configuration. The two events may come from different perf runs of the same group (the
   * reference page measured them one at a time), which is why rates, not raw counts, are divided.
   */
  public static List<EventRatio> eventRatio(
      Table rates, String numeratorEvent, String denominatorEvent, String groupColumn) {
    Groups groups = Groups.of(rates, List.of(groupColumn));
    StringColumn event = rates.stringColumn("event");
    NumericColumn<?> perSecond = Statistics.numeric(rates, "value_per_second");
    List<EventRatio> out = new ArrayList<>();
    for (int g = 0; g < groups.count(); g++) {
      List<Double> num = new ArrayList<>();
      List<Double> den = new ArrayList<>();
      for (int r = 0; r < rates.rowCount(); r++) {
        if (groups.groupOfRow[r] != g || perSecond.isMissing(r)) {
          continue;
        }
        if (event.get(r).equals(numeratorEvent)) {
          num.add(perSecond.getDouble(r));
        } else if (event.get(r).equals(denominatorEvent)) {
          den.add(perSecond.getDouble(r));
        }
      }
      if (num.isEmpty() || den.isEmpty()) {
        continue;
      }
      String group = groups.keys.get(g).get(0);
      Ratio r =
          Statistics.ratio(
              "value_per_second", numeratorEvent, toArray(num), denominatorEvent, toArray(den));
      out.add(
          new EventRatio(
              group, numeratorEvent, denominatorEvent, r.value(), r.ciLow(), r.ciHigh(),
              r.numeratorN(), r.denominatorN()));
    }
    return out;
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The columns of a perf table that are not the parser's: they identify the run. */
  static List<String> runColumns(Table perf) {
    List<String> out = new ArrayList<>();
    for (String name : perf.columnNames()) {
      if (!PERF_COLUMNS.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  private static void appendOrMissing(DoubleColumn column, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      column.appendMissing();
    } else {
      column.append(v);
    }
  }
}
