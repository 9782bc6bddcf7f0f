package iommulab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iommulab.parse.QemuIo;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RunThroughputTest {

  @Test
  void eachReportCountsItsBytesOverItsRateNotItsRoundedSeconds() {
    // Two runs of two reports each, plus a report without a rate. Expected values by hand:
    // r1: 4096 B at 4096 B/s (1 s) + 8192 B at 2048 B/s (4 s) -> 12288 B / 5 s = 2457.6 B/s
    // r2: 1000 B at 500 B/s (2 s) -> 500 B/s, one missing report
    Table qemu = Table.create("q",
        StringColumn.create("run_id", "r1", "r1", "r2", "r2"),
        StringColumn.create("target", "file", "file", "null-co", "null-co"),
        DoubleColumn.create("bytes", 4096, 8192, 1000, Double.NaN),
        DoubleColumn.create("seconds", 0, 0, 0, 0),
        DoubleColumn.create("bytes_per_second", 4096, 2048, 500, Double.NaN));
    Table t = RunThroughput.of(qemu, "target");
    assertEquals(java.util.List.of("run_id", "target", "reports", "missing_reports", "bytes", "busy_s",
        "bytes_per_second"), t.columnNames());
    assertEquals(2, t.rowCount());
    assertEquals("r1", t.stringColumn("run_id").get(0));
    assertEquals("file", t.stringColumn("target").get(0));
    assertEquals(2457.6, t.doubleColumn("bytes_per_second").get(0), 1e-9);
    assertEquals(5.0, t.doubleColumn("busy_s").get(0), 1e-12);
    assertEquals(2, t.intColumn("reports").get(0));
    assertEquals(500.0, t.doubleColumn("bytes_per_second").get(1), 1e-12);
    assertEquals(1, t.intColumn("missing_reports").get(1));
  }

  @Test
  void aRunWithoutAnyMeasuredReportHasNoThroughput() {
    Table qemu = Table.create("q", StringColumn.create("run_id", "r1"),
        DoubleColumn.create("bytes", Double.NaN), DoubleColumn.create("bytes_per_second", Double.NaN));
    Table t = RunThroughput.of(qemu);
    assertTrue(t.doubleColumn("bytes_per_second").isMissing(0));
    assertEquals(1, t.intColumn("missing_reports").get(0));
  }

  @Test
  void parsedQemuIoOutputOfManyReadsGivesOneRowPerRun() throws Exception {
    // Two reports as qemu-io 7.2 prints them (first read printed 00.00 sec).
    String out = "read 4096/4096 bytes at offset 0\n"
        + "4 KiB, 1 ops; 00.00 sec (17.529 MiB/sec and 4487.4643 ops/sec)\n"
        + "read 4096/4096 bytes at offset 4096\n"
        + "4 KiB, 1 ops; 00.00 sec (35.058 MiB/sec and 8974.9286 ops/sec)\n";
    Table parsed = QemuIo.parse(out).table();
    Table withRun = parsed.copy().addColumns(StringColumn.create("run_id", "r1", "r1"));
    Table t = RunThroughput.of(withRun);
    // 8192 B over (4096 / (17.529 * 2^20) + 4096 / (35.058 * 2^20)) s
    double mib = 1024.0 * 1024;
    double expected = 8192 / (4096 / (17.529 * mib) + 4096 / (35.058 * mib));
    assertEquals(expected, t.doubleColumn("bytes_per_second").get(0), 1e-6);
    assertEquals(23.372 * mib, t.doubleColumn("bytes_per_second").get(0), 0.001 * mib);
  }
}
