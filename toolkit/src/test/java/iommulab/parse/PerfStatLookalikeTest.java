package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * A workload's own lines shaped like the perf lines the second 2026-12-07 session taught the parser
 * (metric-only titles and values, metric groups, header lookalikes, -x titles), around perf 6.1
 * output of this machine: a code review found each taken for perf's before its fix. They stay text.
 */
class PerfStatLookalikeTest {
  private static final ParseOptions OPTIONS = ParseOptions.defaults().withSource("s.txt");

  private static List<Object> column(Table t, String name) {
    return t.column(name).asList().stream().map(v -> (Object) v).toList();
  }

  private static List<Long> unrecognisedLines(PerfStatResult r) {
    return r.unrecognized().stream().map(SourceLine::line).toList();
  }

  // "cpu,mhz," then "2400," before perf's -x, records: not --metric-only titles and values (perf's
  // titles name a CPU aggregate, and its value lines then start with CPU<n>)
  @Test
  void aWorkloadsCsvTableIsNotMetricOnlyOutput() throws Exception {
    PerfStatResult r = PerfStat.parse(WORKLOAD_CPU_X, OPTIONS);
    assertEquals(List.of(1L, 2L), unrecognisedLines(r));
    assertEquals(List.of("task-clock", "context-switches"), column(r.table(), "event"));
  }

  // --per-thread -x, of threads named "cpu,0" and "cpu,1": the line ending in the separator is a record
  @Test
  void aThreadNamedLikeATitleIsARecord() throws Exception {
    PerfStatResult r = PerfStat.parse(PERTHREAD_CPU_COMM, OPTIONS);
    assertEquals(List.of("cpu,0-30102", "x,y-30103", "cpu,1-30104"), column(r.table(), "aggr"));
    assertEquals(List.of(), r.unrecognized());
  }

  // a two-line table before the header, or after the elapsed line: not metric-only titles and values
  @Test
  void aWorkloadsTableAroundTheBlockStaysText() throws Exception {
    PerfStatResult before = PerfStat.parse(WORKLOAD_HUMAN_TABLE, OPTIONS);
    assertEquals(List.of(1L, 2L), unrecognisedLines(before));
    assertEquals(1, before.runs().size());
    PerfStatResult after = PerfStat.parse(WORKLOAD_HUMAN_TABLE2, OPTIONS);
    assertEquals(List.of(7L, 8L), unrecognisedLines(after));
    assertEquals(List.of("task-clock"), column(after.table(), "event"));
  }

  // a header lookalike between -I -x, records, closed three lines later by a workload's "...':" line:
  // the records in between are records, not part of a target
  @Test
  void aHeaderLookalikeInACsvRunDoesNotSwallowRecords() throws Exception {
    PerfStatResult r = PerfStat.parse(CSV_HEADER_LOOKALIKE_CLOSED, OPTIONS);
    assertEquals(List.of(1, 3, 4, 6), column(r.table(), "line"));
    assertEquals(List.of(2L, 5L), unrecognisedLines(r));
  }

  // a workload's JSON before perf's -j records: kept as text, not an error that lost every row
  @Test
  void aWorkloadsJsonObjectIsText() throws Exception {
    PerfStatResult r = PerfStat.parse(JSON_WORKLOAD_STATUS, OPTIONS);
    assertEquals(List.of(1L, 2L), unrecognisedLines(r));
    assertEquals(5, r.table().rowCount());
  }

  // "Progress   # 50 %  done" inside a block: not a metric group (perf right-aligns the group's name
  // in its 32-column event field)
  @Test
  void aWorkloadsLabelledPercentIsNotAMetricGroup() throws Exception {
    PerfStatResult r = PerfStat.parse(BLOCK_WORKLOAD_WIDE_HASH, OPTIONS);
    assertEquals(List.of("task-clock", "context-switches"), column(r.table(), "event"));
    assertEquals(List.of(5L), unrecognisedLines(r));
  }

  private static final String PERTHREAD_CPU_COMM = """
        cpu,0-30102,1.68,msec,task-clock,1677504,100.00,0.016,CPUs utilized
        x,y-30103,1.13,msec,task-clock,1128638,100.00,0.011,CPUs utilized
        cpu,1-30104,<not counted>,msec,task-clock,0,100.00,,
        """;

  private static final String WORKLOAD_CPU_X = """
        cpu,mhz,
        2400,
        100.48,msec,task-clock,100479944,100.00,1.005,CPUs utilized
        21,,context-switches,100506755,100.00,208.995,/sec
        """;

  private static final String WORKLOAD_HUMAN_TABLE = """
        Total bytes
               4096

         Performance counter stats for './load.sh':

                    100.48 msec task-clock                #    1.005 CPUs utilized

               0.100216564 seconds time elapsed

        """;

  private static final String WORKLOAD_HUMAN_TABLE2 = """
         Performance counter stats for './load.sh':

                    100.48 msec task-clock                #    1.005 CPUs utilized

               0.100216564 seconds time elapsed

          reads   writes
            120       45
        """;

  private static final String CSV_HEADER_LOOKALIKE_CLOSED = """
             0.100216564,CPU0,100.48,msec,task-clock,100479944,100.00,1.005,CPUs utilized
        Performance counter stats for 'x' are below
             0.201401046,CPU0,101.18,msec,task-clock,101176928,100.00,1.012,CPUs utilized
             0.201401046,CPU1,101.71,msec,task-clock,101714819,100.00,1.017,CPUs utilized
        results for 'x':
             0.255717452,CPU0,54.15,msec,task-clock,54153978,100.00,0.542,CPUs utilized
        """;

  private static final String JSON_WORKLOAD_STATUS = """
        {"status" : "ok"}
        {"bytes" : 4096}
        {"counter-value" : "35.735989", "unit" : "msec", "event" : "task-clock", "event-runtime" : 35735989, "pcnt-running" : 100.00, "metric-value" : 0.941619, "metric-unit" : "CPUs utilized"}
        {"counter-value" : "0.000000", "unit" : "", "event" : "context-switches", "event-runtime" : 35735989, "pcnt-running" : 100.00, "metric-value" : 0.000000, "metric-unit" : "/sec"}
        {"counter-value" : "0.000000", "unit" : "", "event" : "cpu-migrations", "event-runtime" : 35735989, "pcnt-running" : 100.00, "metric-value" : 0.000000, "metric-unit" : "/sec"}
        {"counter-value" : "62.000000", "unit" : "", "event" : "page-faults", "event-runtime" : 35735989, "pcnt-running" : 100.00, "metric-value" : 1.734946, "metric-unit" : "K/sec"}
        {"counter-value" : "37951648.000000", "unit" : "ns", "event" : "duration_time", "event-runtime" : 37951648, "pcnt-running" : 100.00, "metric-value" : 1.062001, "metric-unit" : "G/sec"}
        """;

  private static final String BLOCK_WORKLOAD_WIDE_HASH = """

         Performance counter stats for './load.sh':

                    100.48 msec task-clock                #    1.005 CPUs utilized
        Progress                           #  50 %  done
                        21      context-switches          #  208.995 /sec

               0.100216564 seconds time elapsed

        """;
}
