package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/**
 * Cases a code review of the perf stat parser found (2026-12-07); each failed before its fix. The
 * texts are real perf 6.1.187 output (Debian linux-perf) from the commands above them, except the
 * {@code -I} metric line, which this machine cannot produce (no hardware counters).
 */
class PerfStatReviewTest {
  private static final ParseOptions STRICT = ParseOptions.defaults().withSource("s.txt").withStrict(true);

  private static List<Object> row(Table t, int i, String... columns) {
    return java.util.Arrays.stream(columns).<Object>map(c -> t.column(c).get(i)).toList();
  }

  // perf stat -e 'software/config=0,period=1000000,name=averyveryverylongeventname_xyz_abcdef/' \
  //     -e page-faults -- sleep 0.01 2> FILE
  @Test
  void anEventNameLongerThanItsColumnKeepsItsMetric() throws Exception {
    String text = """

         Performance counter stats for 'sleep 0.01':

                   1141244      averyveryverylongeventname_xyz_abcdef #    0.093 CPUs utilized         \s
                        78      page-faults                      #   68.346 K/sec                 \s

               0.012321610 seconds time elapsed

               0.001980000 seconds user
               0.000000000 seconds sys

        """;
    PerfStatResult r = PerfStat.parse(text, STRICT);
    Table t = r.table();
    assertEquals(List.of("averyveryverylongeventname_xyz_abcdef", 1141244.0, 0.093f, "CPUs utilized"),
        row(t, 0, "event", "value", "metric_value", "metric_unit"));
    assertEquals(List.of(), r.warnings());
  }

  // perf stat -r 2 -e 'software/config=0,period=1000000,name=averyveryverylongeventname_xyz_abcdef/' \
  //     -e page-faults -- sleep 0.01 2> FILE
  @Test
  void anEventNameLongerThanItsColumnKeepsItsVariance() throws Exception {
    String text = """

         Performance counter stats for 'sleep 0.01' (2 runs):

                    923494      averyveryverylongeventname_xyz_abcdef #    0.080 CPUs utilized            ( +-  0.01% )
                        75      page-faults                      #   81.208 K/sec                 \s

                 0.0115910 +- 0.0000351 seconds time elapsed  ( +-  0.30% )

        """;
    Table t = PerfStat.parse(text, STRICT).table();
    assertEquals(List.of("averyveryverylongeventname_xyz_abcdef", 0.01f, 0.08f),
        row(t, 0, "event", "variance_pct", "metric_value"));
  }

  // perf stat -x' ' -I 100 -e task-clock,page-faults -- sleep 0.25 2> FILE
  @Test
  void notCountedUnderASpaceSeparatorIsOneField() throws Exception {
    String text = """
             0.100152580 0.89 msec task-clock 892340 100.00 0.009 CPUs utilized
             0.100152580 77  page-faults 892340 100.00 86.290 K/sec
             0.200546439 <not counted> msec task-clock 0 100.00 \s
             0.200546439 <not counted>  page-faults 0 100.00 \s
             0.252033049 0.19 msec task-clock 193275 100.00 0.002 CPUs utilized
             0.252033049 0  page-faults 193275 100.00 0.000 /sec
        """;
    Table t = PerfStat.parse(text, STRICT).table();
    assertEquals(6, t.rowCount());
    assertEquals(List.of(0.200546439, "task-clock", "msec", "not-counted"), row(t, 2, "interval_s", "event", "unit", "status"));
    assertEquals(List.of("page-faults", "", "not-counted"), row(t, 3, "event", "unit", "status"));
  }

  // LC_ALL=de_DE.UTF-8 perf stat -r 3 -x, -e task-clock,page-faults,context-switches -- true 2> FILE
  @Test
  void aDecimalCommaVarianceUnderCommaSeparatedOutputIsRejoined() throws Exception {
    String text = """
        0,70,msec,task-clock,5,16%,696297,100,00,0,CPUs utilized
        49,,page-faults,0,68%,696297,100,00,66,K/sec
        0,,context-switches,0,00%,696297,100,00,0,/sec
        """;
    PerfStatResult r = PerfStat.parse(text, STRICT);
    Table t = r.table();
    assertEquals(3, t.rowCount());
    assertEquals(List.of("task-clock", 0.70, 5.16f, 100f), row(t, 0, "event", "value", "variance_pct", "run_pct"));
    assertEquals(List.of("page-faults", 49.0, 0.68f), row(t, 1, "event", "value", "variance_pct"));
  }

  // built from perf's stat-display.c (do_new_line_std under -I): a counter's second metric
  @Test
  void anIntervalLineWithOnlyAMetricIsAMetricRow() throws Exception {
    String text = """
        #           time             counts unit events
             1.001234567          2,345,678      instructions                     #    1.90  insn per cycle
             1.001234567                                                  #    0.41  stalled cycles per insn
        """;
    Table t = PerfStat.parse(text, STRICT).table();
    assertEquals(2, t.rowCount());
    assertEquals(List.of(1.001234567, "instructions", 0.41f, "stalled cycles per insn"),
        row(t, 1, "interval_s", "event", "metric_value", "metric_unit"));
    assertTrue(t.doubleColumn("value").isMissing(1));
  }

  // perf stat -e task-clock -- sh -c 'echo 3.14; echo "# comments follow"' 2>&1 (the workload's lines first)
  @Test
  void aWorkloadsNumberOrCommentLineIsKeptNotTakenForPerfs() throws Exception {
    String text = """
        3.14
        # comments follow

         Performance counter stats for 'sh -c echo 3.14; echo "# comments follow"':

                      0.83 msec task-clock                       #    0.607 CPUs utilized         \s

               0.001363546 seconds time elapsed

        """;
    PerfStatResult r = PerfStat.parse(text, ParseOptions.defaults().withSource("s.txt"));
    assertEquals(List.of(new SourceLine(1, "3.14"), new SourceLine(2, "# comments follow")), r.unrecognized());
    assertEquals(1, r.table().rowCount());
  }

  // perf stat -e task-clock,page-faults -- python3 -c \
  //     'import json; print(json.dumps({"a":1,"b":[1,2]}, indent=2))' 2>&1 (perf 6.1.187)
  @Test
  void aWorkloadsPrettyPrintedObjectIsKeptNotAMalformedPerfJsonRecord() throws Exception {
    String text = """
        {
          "a": 1,
          "b": [
            1,
            2
          ]
        }

         Performance counter stats for 'python3 -c import json; print(json.dumps({"a":1,"b":[1,2]}, indent=2))':

                     93.84 msec task-clock                       #    0.920 CPUs utilized
                      9380      page-faults                      #   99.959 K/sec

               0.101982572 seconds time elapsed
        """;
    PerfStatResult r = PerfStat.parse(text, ParseOptions.defaults().withSource("s.txt"));
    assertEquals(2, r.table().rowCount());
    assertEquals(7, r.unrecognized().size());
    assertEquals(new SourceLine(1, "{"), r.unrecognized().get(0));
    assertEquals(new SourceLine(7, "}"), r.unrecognized().get(6));
  }

  @Test
  void aBadValueAfterPerfsPaddingIsReportedAtItsOwnColumn() {
    String text = "     0.100209426;1.12;msec;task-clock;1117070;100.00;0.011;CPUs utilized\n"
        + "     0.100209426;7.7.7;;page-faults;1117070;100.00;68.930;K/sec\n";
    ParseException e = assertThrows(ParseException.class, () -> PerfStat.parse(text, STRICT));
    assertTrue(e.getMessage().startsWith("s.txt:2:18: bad counter value '7.7.7'"), e.getMessage());
  }

  private static PerfStatResult fixture(String name, ParseOptions options) throws Exception {
    return PerfStat.parse(PerfStatGoldenTest.DIR.resolve(name), options);
  }

  // workload-lookalikes.txt: a workload printing perf's header words without perf's closing "':",
  // then "time", "time: 3 s" and "#counts: 5" (command in the fixtures' README)
  @Test
  void aWorkloadsHeaderAndTitleLookalikesAreKeptAsText() throws Exception {
    PerfStatResult r = fixture("workload-lookalikes.txt", ParseOptions.defaults());
    assertEquals(List.of(
        new SourceLine(1, "Performance counter stats for 'x' are below"),
        new SourceLine(2, "important workload line"),
        new SourceLine(3, "time"),
        new SourceLine(4, "time: 3 s"),
        new SourceLine(5, "#counts: 5")), r.unrecognized());
    assertEquals("sh -c echo \"Performance counter stats for 'x' are below\"; echo important workload line;"
        + " echo time; echo \"time: 3 s\"; echo \"#counts: 5\"", r.runs().get(0).target());
    assertEquals(2, r.table().rowCount());
  }

  // the same lookalike header before perf's -x, output (csv-comma-pmu-terms.txt): no line closes
  // it, so at the end of the text it and the lines it held are read again
  @Test
  void anUnclosedLookalikeHeaderDoesNotSwallowTheRecordsAfterIt() throws Exception {
    String text = "Performance counter stats for 'x' are below\n"
        + "16375826,,software/config=0,period=100000/,16378657,100.00,0.950,CPUs utilized\n"
        + "65,,page-faults,16378657,100.00,3.969,K/sec\n";
    PerfStatResult r = PerfStat.parse(text, ParseOptions.defaults().withSource("s.txt"));
    assertEquals(List.of(new SourceLine(1, "Performance counter stats for 'x' are below")), r.unrecognized());
    assertEquals(List.of("software/config=0,period=100000/", "page-faults"),
        r.table().stringColumn("event").asList());
    assertEquals(List.of(2, 3), r.table().intColumn("line").asList());
  }

  // perf stat -r 2 -e task-clock -- sh -c 'echo Results:
  // echo done' 2>&1 >/dev/null (perf 6.1.187): a command with newlines is printed as it is, and its
  // line ending in ':' does not end the header; perf's closing "' (2 runs):" does
  @Test
  void aHeaderOverSeveralLinesEndsAtPerfsClosingQuote() throws Exception {
    String text = """

         Performance counter stats for 'sh -c echo Results:
        echo done' (2 runs):

                      0.90 msec task-clock                       #    0.685 CPUs utilized            ( +-  6.31% )

                  0.001313 +- 0.000154 seconds time elapsed  ( +- 11.74% )

        """;
    PerfStatResult r = PerfStat.parse(text, STRICT);
    assertEquals("sh -c echo Results:\necho done", r.runs().get(0).target());
    assertEquals(2, r.runs().get(0).repeats());
    assertEquals(1, r.table().rowCount());
  }

  // perf 6.1.187: perf stat -e task-clock,page-faults -- sh -c 'echo ...' 2>&1, then a line shaped
  // like perf's -I further-metric line after the block's elapsed line
  @Test
  void aMetricLineAfterAClosedBlockIsNotAMetricOfItsLastCounter() throws Exception {
    String text = """

         Performance counter stats for 'sh -c echo x':

                      0.75 msec task-clock                       #    0.754 CPUs utilized
                        64      page-faults                      #   85.538 K/sec

               0.000992119 seconds time elapsed
             1.001208508                                      #    0.41  insn per cycle
        """;
    PerfStatResult r = PerfStat.parse(text, ParseOptions.defaults().withSource("s.txt"));
    assertEquals(2, r.table().rowCount());
    assertEquals(List.of(new SourceLine(8,
        "     1.001208508                                      #    0.41  insn per cycle")), r.unrecognized());
  }

  // interval-csv-workload-qemu-io-C.txt (command in the fixtures' README): qemu-io's -C lines
  // between -I -x, intervals were an error that lost every row
  @Test
  void aWorkloadsCsvLikeLineBetweenCsvIntervalsIsKeptAsText() throws Exception {
    PerfStatResult r = fixture("interval-csv-workload-qemu-io-C.txt", ParseOptions.defaults());
    assertEquals(List.of(new SourceLine(7, "4096,1,0:00:00.15,27262.464,6.656"),
        new SourceLine(8, "4096,1,0:00:00.15,27258.921,6.655")), r.unrecognized());
    assertEquals(8, r.table().rowCount());
  }

  // --metric-only per CPU or core without metrics: perf's lines hold an aggregate and nothing else
  @ParameterizedTest
  @ValueSource(strings = {"metric-only-no-aggr-interval.txt", "metric-only-no-aggr.txt",
      "metric-only-per-core.txt", "metric-only-no-aggr-interval-csv.txt", "metric-only-no-aggr-csv.txt",
      "metric-only-no-aggr-interval-json.txt"})
  void metricOnlyAggregatesWithoutMetricsAreNeitherErrorsNorUnrecognised(String name) throws Exception {
    PerfStatResult r = fixture(name, STRICT);
    assertEquals(List.of(), r.unrecognized());
    assertEquals(0, r.table().rowCount());
  }

  // error-hint-tracepoint.txt: perf's "Hint:" line belongs to the "Error:" line above it
  @Test
  void perfsHintIsPartOfTheErrorAboveIt() throws Exception {
    PerfStatResult r = fixture("error-hint-tracepoint.txt", STRICT);
    assertEquals(List.of(), r.unrecognized());
    assertEquals(new ToolError(4, "Error:\tFile /sys/kernel/tracing/events/syscalls/sys_enter_rt_sigtimedwait_time32"
        + " not found.\nHint:\tPerhaps this kernel misses some CONFIG_ setting to enable this feature?."),
        r.toolErrors().get(1));
  }

  // LOCPATH=... LC_ALL=de_DE.UTF-8 perf stat -x, -e task-clock,page-faults,context-switches,
  //     cpu-migrations,duration_time,sched:sched_switch,'software/config=0,period=100000/' -o FILE -- W
  // (perf 6.1.187): the decimal commas and the PMU event's terms both split fields; the whole file
  // was an error (a third review)
  @Test
  void aPmuEventUnderADecimalCommaLocaleIsARecord() throws Exception {
    String text = """
        # started on Tue Dec  8 00:37:10 2026

        16,44,msec,task-clock,16435969,100,00,0,CPUs utilized
        62,,page-faults,16435969,100,00,3,K/sec
        16432385,,software/config=0,period=100000/,16435969,100,00,0,CPUs utilized
        """;
    Table t = PerfStat.parse(text, STRICT).table();
    assertEquals(List.of("software/config=0,period=100000/", 16432385.0, 100f, "CPUs utilized"),
        row(t, 2, "event", "value", "run_pct", "metric_unit"));
    assertEquals(16.44, t.doubleColumn("value").get(0));
  }
}
