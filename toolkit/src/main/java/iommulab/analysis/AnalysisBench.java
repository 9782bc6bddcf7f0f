package iommulab.analysis;

import java.util.List;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Times the analysis of a large synthetic record: {@code RUNS} qemu-io runs and a perf stat
 * {@code -I} table of {@code RUNS x EVENTS x INTERVALS} rows in a record's columns. Run by
 * {@code toolkit/bench/analysis.sh}: {@code java -cp iommulab.jar iommulab.analysis.AnalysisBench
 * [RUNS [INTERVALS]]} (defaults 1000 and 1000: ten million perf rows with 10 events).
 */
final class AnalysisBench {
  private static final String[] LABELS = {"strict", "lazy", "passthrough", "vfio"};
  private static final int EVENTS = 10;

  private AnalysisBench() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int intervals = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    long t0 = System.nanoTime();
    Table qemu = qemu(runs);
    Table perf = perf(runs, intervals);
    long built = System.nanoTime();
    System.out.printf(
        "built %d qemu-io rows and %d perf rows in %.2f s (not part of the analysis)%n",
        qemu.rowCount(), perf.rowCount(), (built - t0) / 1e9);

    long a = System.nanoTime();
    List<Summary> throughput = Statistics.summarize(qemu, "bytes_per_second", "run_label");
    List<Ratio> ratios = Statistics.ratios(qemu, "bytes_per_second", "strict", "run_label");
    long b = System.nanoTime();
    Table rates = CounterRates.perSecond(perf);
    long c = System.nanoTime();
    List<Summary> counters = Statistics.summarize(rates, "value_per_second", "run_label", "event");
    long c1 = System.nanoTime();
    List<EventRatio> tlb = CounterRates.eventRatio(rates, "event_1", "event_0", "run_label");
    long c2 = System.nanoTime();
    Table perByte = CounterRates.perByte(rates, qemu, java.util.Map.of());
    long d = System.nanoTime();

    System.out.printf("qemu-io summaries and ratios over %d runs: %.3f s (%s)%n",
        runs, (b - a) / 1e9, ratios.get(0));
    System.out.printf("perf counters per second over %d rows -> %d run/event rows: %.3f s%n",
        perf.rowCount(), rates.rowCount(), (c - b) / 1e9);
    System.out.printf(
        "counter summaries (%d groups) %.3f s, event ratios (%d) %.3f s, per-byte pairing"
            + " (%d rows) %.3f s%n",
        counters.size(), (c1 - c) / 1e9, tlb.size(), (c2 - c1) / 1e9, perByte.rowCount(),
        (d - c2) / 1e9);
    System.out.printf("analysis total: %.2f s (%d throughput groups)%n",
        (d - a) / 1e9, throughput.size());
  }

  private static Table qemu(int runs) {
    SplittableRandom random = new SplittableRandom(7);
    StringColumn runId = StringColumn.create("run_id");
    StringColumn label = StringColumn.create("run_label");
    DoubleColumn bytes = DoubleColumn.create("bytes");
    DoubleColumn rate = DoubleColumn.create("bytes_per_second");
    for (int r = 0; r < runs; r++) {
      runId.append(runId(r));
      label.append(LABELS[r % LABELS.length]);
      bytes.append(1L << 30);
      double mean = (r % LABELS.length == 0 ? 150 : 2600) * 1048576.0;
      rate.append(mean * (1 + 0.02 * random.nextGaussian()));
    }
    return Table.create("qemu-io", runId, label, bytes, rate);
  }

  /** Every column of a record's perf stat table, filled as perf -I -a -x, would fill them. */
  private static Table perf(int runs, int intervals) {
    int rows = runs * EVENTS * intervals;
    SplittableRandom random = new SplittableRandom(11);
    StringColumn runId = StringColumn.create("run_id");
    StringColumn label = StringColumn.create("run_label");
    StringColumn status = StringColumn.create("run_status");
    StringColumn strict = StringColumn.create("iommu_strict");
    IntColumn run = IntColumn.create("run", rows);
    DoubleColumn interval = DoubleColumn.create("interval_s", rows);
    StringColumn aggr = StringColumn.create("aggr");
    IntColumn aggrCpus = IntColumn.create("aggr_cpus", rows);
    StringColumn event = StringColumn.create("event");
    DoubleColumn value = DoubleColumn.create("value", rows);
    StringColumn unit = StringColumn.create("unit");
    StringColumn counted = StringColumn.create("status");
    DoubleColumn runPct = DoubleColumn.create("run_pct", rows);
    DoubleColumn variance = DoubleColumn.create("variance_pct", rows);
    DoubleColumn metric = DoubleColumn.create("metric_value", rows);
    StringColumn metricUnit = StringColumn.create("metric_unit");
    DoubleColumn elapsed = DoubleColumn.create("elapsed_s", rows);
    IntColumn line = IntColumn.create("line", rows);
    String[] events = new String[EVENTS];
    for (int e = 0; e < EVENTS; e++) {
      events[e] = "event_" + e;
    }
    int i = 0;
    for (int r = 0; r < runs; r++) {
      String id = runId(r);
      String l = LABELS[r % LABELS.length];
      for (int t = 1; t <= intervals; t++) {
        for (int e = 0; e < EVENTS; e++) {
          runId.append(id);
          label.append(l);
          status.append("complete");
          strict.append(r % 2 == 0 ? "1" : "0");
          run.set(i, 0);
          interval.set(i, t * 1.000123);
          aggr.append("");
          aggrCpus.setMissing(i);
          event.append(events[e]);
          value.set(i, 1000.0 * (e + 1) + random.nextInt(100));
          unit.append("");
          counted.append("counted");
          runPct.set(i, 100);
          variance.setMissing(i);
          metric.setMissing(i);
          metricUnit.append("");
          elapsed.setMissing(i);
          line.set(i, i + 1);
          i++;
        }
      }
    }
    return Table.create(
        "perf-stat", runId, label, status, strict, run, interval, aggr, aggrCpus, event, value,
        unit, counted, runPct, variance, metric, metricUnit, elapsed, line);
  }

  private static String runId(int r) {
    return String.format("r%04d", r + 1);
  }
}
