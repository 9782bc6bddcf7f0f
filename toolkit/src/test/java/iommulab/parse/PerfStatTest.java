package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerfStatTest {
  private static final String HEADER = "\n Performance counter stats for 'x':\n\n";

  private static String message(String text) {
    return assertThrows(ParseException.class, () -> PerfStat.parse(text)).getMessage();
  }

  @Test
  void badValueInsideABlockNamesLineColumnAndShape() {
    assertEquals(
        "<input>:4:6: bad counter value '12x34'; expected "
            + "'[TIME] [AGGR [CPUS]] VALUE [UNIT] EVENT [# METRIC UNIT] [(PCT%)] [( +- VAR% )]'",
        message(HEADER + "     12x34 msec task-clock\n"));
  }

  @Test
  void truncatedCsvRecordIsAnError() {
    assertEquals(
        "<input>:2:1: too few fields (3 fields separated by ','); expected "
            + "'[TIME,][AGGR,[CPUS,]]VALUE,UNIT,EVENT,[VAR%,]RUNTIME,PCT[,METRIC,METRIC UNIT]'",
        message("19.51,msec,task-clock,19510090,100.00,0.919,CPUs utilized\n3,,context-sw\n"));
  }

  @Test
  void unterminatedJsonIsAnError() {
    assertEquals(
        "<input>:1:40: expected ',' or '}'; expected a flat JSON object "
            + "{\"event\" : \"...\", \"counter-value\" : \"...\", ...}",
        message("{\"counter-value\" : \"1.0\", \"event\" : \"x\""));
  }

  @Test
  void missingEventInsideABlock() {
    assertEquals(
        "<input>:4:24: missing event name after the counter value; expected "
            + "'[TIME] [AGGR [CPUS]] VALUE [UNIT] EVENT [# METRIC UNIT] [(PCT%)] [( +- VAR% )]'",
        message(HEADER + "             29.90     #    0.835 CPUs utilized\n"));
  }

  @Test
  void badElapsedTime() {
    assertEquals("<input>:5:15: bad elapsed deviation; expected 'MEAN +- SD seconds time elapsed  ( +- P% )'",
        message(HEADER + "   63      page-faults\n       1.0 +- x seconds time elapsed\n"));
  }

  @Test
  void strictModeRejectsUnknownLines() throws Exception {
    String text = "hello\n" + HEADER + "   63      page-faults\n";
    assertEquals(List.of(new SourceLine(1, "hello")), PerfStat.parse(text).unrecognized());
    ParseException e = assertThrows(ParseException.class,
        () -> PerfStat.parse(text, ParseOptions.defaults().withStrict(true)));
    assertEquals("<input>:1:1: unrecognised line; expected a perf stat line (--strict)", e.getMessage());
  }

  @Test
  void germanGroupingAndDecimalComma() throws Exception {
    var t = PerfStat.parse(HEADER + "          1.101,01 msec task-clock\n        26.638.473 ns   duration_time\n").table();
    assertEquals(1101.01, t.doubleColumn("value").get(0));
    assertEquals(26638473.0, t.doubleColumn("value").get(1));
  }

  @Test
  void englishGroupingWithDecimals() throws Exception {
    var t = PerfStat.parse(HEADER + "          1,101.01 msec task-clock\n         1,101      page-faults\n").table();
    assertEquals(1101.01, t.doubleColumn("value").get(0));
    assertEquals(1101.0, t.doubleColumn("value").get(1));
  }

  @Test
  void toolErrorOnlyHasNoRows() throws Exception {
    var r = PerfStat.parse("event syntax error: 'nosuchevent'\n                     \\___ parser error\n"
        + "Run 'perf list' for a list of valid events\n");
    assertEquals(0, r.table().rowCount());
    assertEquals(List.of(new ToolError(1, "event syntax error: 'nosuchevent'\n                     \\___ parser error\n"
        + "Run 'perf list' for a list of valid events")), r.toolErrors());
  }

  @Test
  void emptyGarbageAndTruncatedInputsDoNotCrash() throws Exception {
    assertEquals(0, PerfStat.parse("").table().rowCount());
    assertEquals(14, PerfStat.parse("").table().columnCount());
    assertEquals(0, PerfStat.parse("\u0000\u0001\uFFFD\u00ff garbage \u0007\n\n\u0000").table().rowCount());
    var t = PerfStat.parse(HEADER + "   63      page-faults").table();
    assertEquals(63.0, t.doubleColumn("value").get(0));
  }

  @Test
  void referencePageGoldenCounts() throws Exception {
    var r = PerfStat.parse(PerfStatGoldenTest.DIR.resolve("published-reference-page.txt"));
    assertEquals(List.of(622224.0, 38648.0, 4233791.0), r.table().doubleColumn("value").asList());
    assertEquals(3, r.runs().size());
    assertEquals("system wide", r.runs().get(0).target());
    assertEquals(1.002288245, r.runs().get(0).elapsedSeconds());
    assertTrue(r.warnings().stream().anyMatch(w -> w.line() == 29
        && w.message().equals("text after the counter kept as a note: <--- compared with '622224' if iommu.strict=1")));
  }

  @Test
  void repeatFactsAndMultiLineTarget() throws Exception {
    var table = PerfStat.parse(PerfStatGoldenTest.DIR.resolve("published-man-table.txt")).runs().get(0);
    assertEquals(5, table.repeats());
    assertEquals(0.198, table.elapsedStddevSeconds());
    assertEquals(3.62, table.elapsedVariancePct());
    assertEquals(List.of(5.189, 5.189, 5.186, 5.663, 6.186), table.runElapsedSeconds());
    var multi = PerfStat.parse(PerfStatGoldenTest.DIR.resolve("multi-line-command.txt")).runs().get(0);
    assertEquals("sh -c true\necho second line >/dev/null", multi.target());
  }

  @Test
  void proseAfterABlockIsNotACounter() throws Exception {
    var r = PerfStat.parse(HEADER + "   63      page-faults\n\n  1.0 seconds time elapsed\n\n"
        + "Some events weren't counted. Try disabling the NMI watchdog:\n"
        + "\techo 0 > /proc/sys/kernel/nmi_watchdog\n");
    assertEquals(1, r.table().rowCount());
    assertEquals(List.of(new SourceLine(9, "\techo 0 > /proc/sys/kernel/nmi_watchdog")), r.unrecognized());
    assertEquals(1, r.warnings().size());
  }

  @Test
  void newerPerfMetricUnitsWithInnerSpacesAndQuotedJsonNumbers() throws Exception {
    var t = PerfStat.parse(HEADER + "   63      page-faults     #     29.9 %  tma_backend_bound      (50.00%)\n").table();
    assertEquals("%  tma_backend_bound", t.stringColumn("metric_unit").get(0));
    assertEquals(50f, t.floatColumn("run_pct").get(0));
    var j = PerfStat.parse("{\"counter-value\" : \"5.0\", \"event\" : \"x\", \"metric-value\" : \"0.5\"}").table();
    assertEquals(0.5f, j.floatColumn("metric_value").get(0));
  }

  @Test
  void furtherMetricsBecomeRowsOfTheirCounter() throws Exception {
    // the layouts perf 6.x prints for a second metric of one counter (stat-display.c new_line_*)
    var human = PerfStat.parse(
        "     1.001208508 CPU0        1,725,710,363      cycles\n"
            + "     1.001208508 CPU0                                      #    0.41  insn per cycle\n").table();
    assertEquals(2, human.rowCount());
    assertEquals("cycles", human.stringColumn("event").get(1));
    assertEquals(0.41f, human.floatColumn("metric_value").get(1));
    assertEquals("insn per cycle", human.stringColumn("metric_unit").get(1));
    assertTrue(human.doubleColumn("value").isMissing(1));
    var csv = PerfStat.parse("1.001208508,CPU0,1725710363,,cycles,1001187173,100.00,,\n"
        + "1.001208508,CPU0,,,,,,0.41,insn per cycle\n").table();
    assertEquals(2, csv.rowCount());
    assertEquals("insn per cycle", csv.stringColumn("metric_unit").get(1));
    var labelled = PerfStat.parse(HEADER + "           696,428      cycles:u                         #    0.893 GHz\n"
        + "      TopdownL1                 #     33.0 %  tma_frontend_bound\n").table();
    assertEquals(2, labelled.rowCount());
    assertEquals("%  tma_frontend_bound", labelled.stringColumn("metric_unit").get(1));
    assertEquals(33f, labelled.floatColumn("metric_value").get(1));
  }

  @Test
  void builtStringColumnsBehaveLikeTablesawOnes() throws Exception {
    var t = PerfStat.parse(PerfStatGoldenTest.DIR.resolve("no-aggr.txt")).table();
    var aggr = t.stringColumn("aggr");
    assertEquals(List.of("CPU0", "CPU1", "CPU0", "CPU1"), aggr.asList());
    assertEquals(2, aggr.countUnique());
    aggr.append("CPU9");
    aggr.append("");
    assertEquals("CPU9", aggr.get(4));
    assertTrue(aggr.isMissing(5));
    assertEquals(2, aggr.isEqualTo("CPU0").size());
  }

  @Test
  void aMissingPidIsAToolErrorNotAnUnknownLine() throws Exception {
    // What perf 6.1 printed here for `perf stat -e cycles -p 999999` (no such process).
    PerfStatResult r = PerfStat.parse(
        "Problems finding threads of monitor\n\n Usage: perf stat [<options>] [<command>]\n\n"
            + "    -p, --pid <pid>       stat events on existing process id\n"
            + "    -t, --tid <tid>       stat events on existing thread id\n\n");
    assertEquals(0, r.table().rowCount());
    assertEquals(List.of(), r.unrecognized());
    assertEquals("Problems finding threads of monitor", r.toolErrors().get(0).message());
    assertEquals(1, r.toolErrors().get(0).line());
  }

  @Test
  void perThreadNameWithSpacesOnlyWhereACounterLineIsExpected() throws Exception {
    // Before the block the same shape is the workload's prose and stays a line of text; inside the
    // block it is a --per-thread label "comm-tid" whose command name holds spaces.
    String text = "copied step-12 3 files in total\n" + HEADER
        + "    web content-42              1.50 msec task-clock\n"
        + "  a-1 b c-d-7                      3      context-switches\n";
    PerfStatResult r = PerfStat.parse(text);
    assertEquals(List.of(new SourceLine(1, "copied step-12 3 files in total")), r.unrecognized());
    assertEquals(List.of("web content-42", "a-1 b c-d-7"), r.table().stringColumn("aggr").asList());
    assertEquals(List.of(1.5, 3.0), r.table().doubleColumn("value").asList());
  }
}
