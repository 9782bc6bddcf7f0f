package iommulab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iommulab.parse.TableCsv;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CounterRatesTest {
  /** A perf stat table in the parser's columns plus a record's run_id and run_label. */
  static Table perf(
      String[] runId, String[] label, double[] interval, String[] aggr, String[] event,
      double[] value, double[] elapsed) {
    int n = runId.length;
    Table t = Table.create("perf stat");
    t.addColumns(StringColumn.create("run_id", runId), StringColumn.create("run_label", label));
    t.addColumns(IntColumn.create("run", new int[n]));
    t.addColumns(DoubleColumn.create("interval_s", interval));
    t.addColumns(StringColumn.create("aggr", aggr), IntColumn.create("aggr_cpus", new int[n]));
    t.addColumns(StringColumn.create("event", event), DoubleColumn.create("value", value));
    String[] unit = new String[n];
    java.util.Arrays.fill(unit, "");
    t.addColumns(StringColumn.create("unit", unit), StringColumn.create("status", unit));
    t.addColumns(DoubleColumn.create("run_pct", new double[n]));
    t.addColumns(DoubleColumn.create("variance_pct", new double[n]));
    t.addColumns(DoubleColumn.create("metric_value", new double[n]));
    t.addColumns(StringColumn.create("metric_unit", unit));
    t.addColumns(DoubleColumn.create("elapsed_s", elapsed));
    t.addColumns(IntColumn.create("line", new int[n]));
    return t;
  }

  private static final double NA = Double.NaN;

  /**
   * The reference page's counts over `sleep 1`: 622224 transactions strict, 4233791 lazy, 38648
   * tlb_miss strict; elapsed 1.001 s each (assumed here). Per second = count / 1.001, as Python prints it.
   */
  @Test
  void perSecondUsesTheTotalRowAndElapsedTime() {
    Table perf =
        perf(
            new String[] {"p1", "p2", "p3"},
            new String[] {"strict", "lazy", "strict"},
            new double[] {NA, NA, NA},
            new String[] {"", "", ""},
            new String[] {"transaction", "transaction", "tlb_miss"},
            new double[] {622224, 4233791, 38648},
            new double[] {1.001, 1.001, 1.001});
    Table rates = CounterRates.perSecond(perf);
    assertEquals(
        "run_id,run_label,run,event,unit,value,elapsed_s,value_per_second,missing\n"
            + "p1,strict,0,transaction,,622224,1.001,621602.3976023977,0\n"
            + "p2,lazy,0,transaction,,4233791,1.001,4229561.438561439,0\n"
            + "p3,strict,0,tlb_miss,,38648,1.001,38609.39060939061,0\n",
        TableCsv.toString(rates));
    var ratio =
        CounterRates.eventRatio(rates, "tlb_miss", "transaction", "run_label");
    assertEquals(1, ratio.size(), "lazy has no tlb_miss run");
    assertEquals(
        "tlb_miss per transaction (strict) = 0.06211 (no interval: n = 1 over n = 1)",
        ratio.get(0).toString());
  }

  /** -I with -A and no summary: sum of every interval and CPU, over the last timestamp. */
  @Test
  void intervalRowsSumOverTheLastTimestamp() {
    Table perf =
        perf(
            new String[] {"p", "p", "p", "p"},
            new String[] {"l", "l", "l", "l"},
            new double[] {1.0, 1.0, 2.0, 2.0},
            new String[] {"CPU0", "CPU1", "CPU0", "CPU1"},
            new String[] {"cs", "cs", "cs", "cs"},
            new double[] {10, 20, 30, NA},
            new double[] {NA, NA, NA, NA});
    Table rates = CounterRates.perSecond(perf);
    assertEquals(60.0, rates.doubleColumn("value").get(0), 0);
    assertEquals(2.0, rates.doubleColumn("elapsed_s").get(0), 0);
    assertEquals(30.0, rates.doubleColumn("value_per_second").get(0), 0);
    assertEquals(1, rates.intColumn("missing").get(0), "the not-counted reading is counted");
  }

  @Test
  void perByteDividesByTheBytesThePairedQemuRunMoved() {
    Table perf =
        perf(
            new String[] {"perf1"}, new String[] {"strict"}, new double[] {NA},
            new String[] {""}, new String[] {"transaction"}, new double[] {1 << 20},
            new double[] {2.0});
    Table qemu =
        Table.create(
            "qemu-io",
            StringColumn.create("run_id", "qemu1", "qemu1"),
            DoubleColumn.create("bytes", 1 << 29, 1 << 29));
    Table t = CounterRates.perByte(CounterRates.perSecond(perf), qemu, Map.of("perf1", "qemu1"));
    assertEquals("qemu1", t.stringColumn("qemu_run_id").get(0));
    assertEquals(1 << 30, t.doubleColumn("bytes").get(0), 0);
    assertEquals(1.0 / 1024, t.doubleColumn("value_per_byte").get(0), 0);
    assertEquals(1024.0, t.doubleColumn("value_per_MiB").get(0), 0);
    Table unpaired = CounterRates.perByte(CounterRates.perSecond(perf), qemu, Map.of());
    assertTrue(unpaired.doubleColumn("value_per_byte").isMissing(0));
    assertEquals(List.of(""), unpaired.stringColumn("qemu_run_id").asList());
  }
}
