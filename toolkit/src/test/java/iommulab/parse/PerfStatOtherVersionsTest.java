package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Lines that perf versions other than this machine's 6.1 print, built from their format strings in
 * tools/perf/util/stat-display.c (the version and the strings are named above each test). Real
 * captures of these need hardware counters or a perf this VM does not have.
 */
class PerfStatOtherVersionsTest {
  private static final ParseOptions STRICT = ParseOptions.defaults().withSource("s.txt").withStrict(true);

  private static List<Object> column(Table t, String name) {
    return t.column(name).asList().stream().map(v -> (Object) v).toList();
  }

  // perf 6.5+, Intel's default events include the metric group TopdownL1: printout() prints no counter
  // for it; print_metricgroup_header_std " %*s" (EVNAME_LEN 32) padded to MGROUP_LEN 50, then
  // print_metric_std " # " "%8.1f" " %-*s"; further metrics after do_new_line_std's 49 spaces
  @Test
  void aMetricGroupIsARowOfItsOwnWithItsMetrics() throws Exception {
    Table t = PerfStat.parse(DEFAULT_METRICGROUP_STD, STRICT).table();
    assertEquals(List.of("task-clock", "context-switches", "cycles", "instructions", "branch-misses",
        "TopdownL1", "TopdownL1", "TopdownL1", "TopdownL1"), column(t, "event"));
    assertEquals(List.of("%  tma_backend_bound", "%  tma_bad_speculation", "%  tma_frontend_bound",
        "%  tma_retiring"), column(t, "metric_unit").subList(5, 9));
    assertEquals(List.of(28.7f, 9.8f, 37.5f, 24.0f), column(t, "metric_value").subList(5, 9));
    assertEquals(true, t.doubleColumn("value").isMissing(5));
  }

  // the same on a hybrid: the group named "TopdownL1 (cpu_core)" (perf_stat__print_metricgroup_header
  // "%s (%s)"), after a <not counted> cpu_atom counter with print_running_std "  (%.2f%%)"
  @Test
  void aHybridMetricGroupKeepsItsPmuInTheName() throws Exception {
    Table t = PerfStat.parse(HYBRID_METRICGROUP_STD, STRICT).table();
    assertEquals(List.of("cpu_core/cycles/", "cpu_atom/cycles/", "TopdownL1 (cpu_core)", "TopdownL1 (cpu_core)"),
        column(t, "event"));
    assertEquals(List.of(11.4f, 12.9f), column(t, "metric_value").subList(2, 4));
  }

  // perf 6.5+ -x,: print_running_csv ",%lu,%.2f", print_metricgroup_header_csv 4 separators and the
  // name, new_line_csv, then print_metric_csv ",%s,%s" on lines of their own
  @Test
  void aCsvMetricGroupIsARowAndItsMetricsFollow() throws Exception {
    Table t = PerfStat.parse(DEFAULT_METRICGROUP_CSV, STRICT).table();
    assertEquals(List.of("task-clock", "branch-misses", "TopdownL1", "TopdownL1", "TopdownL1"), column(t, "event"));
    assertEquals(true, t.floatColumn("metric_value").isMissing(2));
    assertEquals(List.of(28.7f, 9.8f), column(t, "metric_value").subList(3, 5));
    assertEquals("%  tma_bad_speculation", t.stringColumn("metric_unit").get(4));
  }

  // perf 6.5+ -j: print_metricgroup_header_json "\"metricgroup\" : \"%s\"}", new_line_json "\n{",
  // print_metric_json "\"metric-value\" : \"%f\", \"metric-unit\" : \"%s\"}"
  @Test
  void aJsonMetricGroupIsARowAndItsMetricsFollow() throws Exception {
    Table t = PerfStat.parse(DEFAULT_METRICGROUP_JSON, STRICT).table();
    assertEquals(List.of("task-clock", "branch-misses", "TopdownL1", "TopdownL1", "TopdownL1"), column(t, "event"));
    assertEquals(List.of(28.7f, 9.8f), column(t, "metric_value").subList(3, 5));
  }

  // perf 6.5+ new_line_json puts a counter's second metric (print_instructions: stalled cycles per
  // insn) in an object of its own
  @Test
  void aJsonMetricOnItsOwnLineIsAMetricOfTheCounterAbove() throws Exception {
    Table t = PerfStat.parse(JSON_NEWLINE_METRIC, STRICT).table();
    assertEquals(List.of("instructions", "instructions", "branches"), column(t, "event"));
    assertEquals("stalled cycles per insn", t.stringColumn("metric_unit").get(1));
    assertEquals(0.25f, t.floatColumn("metric_value").get(1));
    assertEquals(true, t.doubleColumn("value").isMissing(1));
  }

  // print_metric_std colours a metric past its threshold (color_fprintf) when stderr is a terminal,
  // as a capture with script(1) keeps it
  @Test
  void colouredMetricsAreReadWithoutTheirEscapes() throws Exception {
    Table t = PerfStat.parse(COLOR_METRIC, STRICT).table();
    assertEquals(13.62f, t.floatColumn("metric_value").get(0));
    assertEquals("of all branches", t.stringColumn("metric_unit").get(0));
  }

  // --per-cache (perf 6.5+) and --per-cluster (6.9+): print_aggr_id_std "S%d-D%d-L%d-ID%d" and
  // "S%d-D%d-CLS%d", then "%-*s %*d "; print_header_interval_std's "cache" title
  @Test
  void perCacheAndPerClusterLabelsAreAggregates() throws Exception {
    Table cache = PerfStat.parse(PER_CACHE_INTERVAL_STD, STRICT).table();
    assertEquals(List.of("S0-D0-L2-ID0", "S0-D0-L2-ID1"), column(cache, "aggr"));
    assertEquals(List.of(1, 1), column(cache, "aggr_cpus"));
    Table cluster = PerfStat.parse(PER_CLUSTER_STD, STRICT).table();
    assertEquals(List.of("S0-D0-CLS0", "S0-D0-CLS1"), column(cluster, "aggr"));
    assertEquals(List.of(201.23, 199.02), column(cluster, "value"));
    // print_aggr_id_json "\"cache\" : ..." and "\"cluster\" : ..."
    assertEquals("S0-D0-L3-ID0", PerfStat.parse(PER_CACHE_JSON, STRICT).table().stringColumn("aggr").get(0));
    assertEquals("S0-D0-CLS0", PerfStat.parse(PER_CLUSTER_JSON, STRICT).table().stringColumn("aggr").get(0));
  }

  // perf 5.2 to 5.6 (Ubuntu 20.04's 5.4): aggr_printout "CPU%*d%s " also under -x, leaves a space
  // after the separator
  @Test
  void aSpaceAfterTheCpuFieldOfOldCsvIsPadding() throws Exception {
    Table t = PerfStat.parse(OLD_NO_AGGR_CSV, STRICT).table();
    assertEquals(List.of("CPU0", "CPU1"), column(t, "aggr"));
    assertEquals(List.of(101.23, 99.1), column(t, "value"));
  }

  private static final String DEFAULT_METRICGROUP_STD = """

         Performance counter stats for 'sleep 1':

                      0.95 msec task-clock                       #    0.001 CPUs utilized            \s
                         1      context-switches                 #    1.050 K/sec                    \s
                 1,138,484      cycles                           #    1.196 GHz                      \s
                 1,179,436      instructions                     #    1.04  insn per cycle           \s
                     8,434      branch-misses                    #    3.62% of all branches          \s
                                TopdownL1                 #     28.7 %  tma_backend_bound     \s
                                                          #      9.8 %  tma_bad_speculation   \s
                                                          #     37.5 %  tma_frontend_bound    \s
                                                          #     24.0 %  tma_retiring          \s

               1.001234567 seconds time elapsed

               0.000000000 seconds user
               0.001000000 seconds sys

        """;

  private static final String HYBRID_METRICGROUP_STD = """

         Performance counter stats for 'sleep 1':

                 1,138,484      cpu_core/cycles/                 #    1.196 GHz                      \s
             <not counted>      cpu_atom/cycles/                                                        (0.00%)
                     TopdownL1 (cpu_core)                 #     11.4 %  tma_bad_speculation   \s
                                                          #     12.9 %  tma_frontend_bound    \s

               1.001234567 seconds time elapsed

        """;

  private static final String DEFAULT_METRICGROUP_CSV = """
        0.95,msec,task-clock,950000,100.00,0.001,CPUs utilized
        8434,,branch-misses,950000,100.00,3.62,of all branches
        ,2005553,100.00,,,,TopdownL1
        ,,,,,28.7,%  tma_backend_bound
        ,,,,,9.8,%  tma_bad_speculation
        """;

  private static final String DEFAULT_METRICGROUP_JSON = """
        {"counter-value" : "0.950000", "unit" : "msec", "event" : "task-clock", "event-runtime" : 950000, "pcnt-running" : 100.00, "metric-value" : "0.001000", "metric-unit" : "CPUs utilized"}
        {"counter-value" : "8434.000000", "unit" : "", "event" : "branch-misses", "event-runtime" : 950000, "pcnt-running" : 100.00, "metric-value" : "3.620000", "metric-unit" : "of all branches"}
        {"event-runtime" : 2005553, "pcnt-running" : 100.00, "metricgroup" : "TopdownL1"}
        {"metric-value" : "28.700000", "metric-unit" : "%  tma_backend_bound"}
        {"metric-value" : "9.800000", "metric-unit" : "%  tma_bad_speculation"}
        """;

  private static final String JSON_NEWLINE_METRIC = """
        {"counter-value" : "1179436.000000", "unit" : "", "event" : "instructions", "event-runtime" : 950000, "pcnt-running" : 100.00, "metric-value" : "1.040000", "metric-unit" : "insn per cycle"}
        {"metric-value" : "0.250000", "metric-unit" : "stalled cycles per insn"}
        {"counter-value" : "233264.000000", "unit" : "", "event" : "branches", "event-runtime" : 950000, "pcnt-running" : 100.00, "metric-value" : "244.977000", "metric-unit" : "M/sec"}
        """;

  private static final String COLOR_METRIC = """

         Performance counter stats for 'sleep 1':

                     8,434      branch-misses                    # \u001b[31m  13.62%\u001b[m of all branches  \s

               1.001234567 seconds time elapsed

        """;

  private static final String PER_CACHE_INTERVAL_STD = """
        #           time cache                  cpus             counts unit events
             0.100299328 S0-D0-L2-ID0              1             102.26 msec task-clock                       #    1.023 CPUs utilized            \s
             0.100299328 S0-D0-L2-ID1              1             102.35 msec task-clock                       #    1.023 CPUs utilized            \s
        """;

  private static final String PER_CLUSTER_STD = """

         Performance counter stats for 'system wide':

        S0-D0-CLS0              2             201.23 msec task-clock                       #    2.008 CPUs utilized            \s
        S0-D0-CLS1              2             199.02 msec task-clock                       #    1.986 CPUs utilized            \s

               0.100234567 seconds time elapsed

        """;

  private static final String PER_CACHE_JSON = """
        {"cache" : "S0-D0-L3-ID0", "aggregate-number" : 2, "counter-value" : "201.230000", "unit" : "msec", "event" : "task-clock", "event-runtime" : 201230000, "pcnt-running" : 100.00, "metric-value" : "2.008000", "metric-unit" : "CPUs utilized"}
        """;

  private static final String PER_CLUSTER_JSON = """
        {"cluster" : "S0-D0-CLS0", "aggregate-number" : 2, "counter-value" : "201.230000", "unit" : "msec", "event" : "task-clock", "event-runtime" : 201230000, "pcnt-running" : 100.00, "metric-value" : "2.008000", "metric-unit" : "CPUs utilized"}
        """;

  private static final String OLD_NO_AGGR_CSV = """
        CPU0, 101.23,msec,task-clock,101230000,100.00,1.008,CPUs utilized
        CPU1, 99.10,msec,task-clock,99100000,100.00,0.990,CPUs utilized
        """;

  // --metric-only with metrics, published: tools/perf/Documentation/topdown.txt ("perf stat -a
  // --topdown -I1000", perf 6.x), the titles right-aligned over the values ("%*s ")
  @Test
  void metricOnlyValuesTakeTheirUnitsFromTheTitlesAboveThem() throws Exception {
    Table t = PerfStat.parse(PUBLISHED_TOPDOWN, STRICT).table();
    assertEquals(24, t.rowCount());
    assertEquals(List.of("%  tma_retiring", "%  tma_backend_bound", "%  tma_frontend_bound", "%  tma_bad_speculation"),
        column(t, "metric_unit").subList(0, 4));
    assertEquals(List.of(11.5f, 34.9f, 46.9f, 6.7f), column(t, "metric_value").subList(0, 4));
    assertEquals(5.704818971, t.doubleColumn("interval_s").get(23));
    assertEquals(7.3f, t.floatColumn("metric_value").get(23));
    assertEquals(true, t.stringColumn("event").isMissing(0));
  }

  // without -I: print_metric_headers_std " " and "%*s " per unit (metric_only_len), the values
  // "%*s " with a unit wider than the column pushing the titles after it
  @Test
  void metricOnlyValuesWithoutIntervalsUseTheLineUnderTheHeader() throws Exception {
    PerfStatResult r = PerfStat.parse(METRIC_ONLY_STD, STRICT);
    assertEquals(List.of("insn per cycle", "stalled cycles per insn"), column(r.table(), "metric_unit"));
    assertEquals(List.of(1.04f, 0.25f), column(r.table(), "metric_value"));
    assertEquals(List.of(), r.unrecognized());
    Table interval = PerfStat.parse(METRIC_ONLY_INTERVAL_STD, STRICT).table();
    assertEquals(List.of(1.04f, 0.98f), column(interval, "metric_value"));
    assertEquals(List.of("insn per cycle", "insn per cycle"), column(interval, "metric_unit"));
  }

  // -x,: print_metric_header "%s%s" unit and separator, print_metric_only_csv "%s%s" value and separator
  @Test
  void csvMetricOnlyValuesPairWithTheTitlesInOrder() throws Exception {
    Table t = PerfStat.parse(METRIC_ONLY_CSV_VALUES, STRICT).table();
    assertEquals(List.of("insn per cycle", "stalled cycles per insn"), column(t, "metric_unit"));
    assertEquals(List.of(1.04f, 0.25f), column(t, "metric_value"));
  }

  // -j: perf 6.1 {"unit" : "%s"} titles and {"metric-value" : "%s"} values; perf 6.5+
  // print_metric_only_json "\"%s\" : \"%s\"" (the unit is the key), "\"metric-value\" : \"none\"" when none
  @Test
  void jsonMetricOnlyValuesOfBothForms() throws Exception {
    Table old = PerfStat.parse(JSON_METRIC_ONLY_61, STRICT).table();
    assertEquals(List.of("insn per cycle", "stalled cycles per insn"), column(old, "metric_unit"));
    assertEquals(List.of(1.04f, 0.25f), column(old, "metric_value"));
    Table keyed = PerfStat.parse(JSON_METRIC_ONLY_NEW, STRICT).table();
    assertEquals(List.of("insn per cycle", "stalled cycles per insn"), column(keyed, "metric_unit"));
    Table interval = PerfStat.parse(JSON_METRIC_ONLY_INTERVAL_NEW, STRICT).table();
    assertEquals(List.of(0.100512345, 0.200812345), column(interval, "interval_s"));
    assertEquals(List.of(1.04f, 0.98f), column(interval, "metric_value"));
    assertEquals(0, PerfStat.parse(JSON_METRIC_ONLY_NONE, STRICT).table().rowCount());
  }

  private static final String METRIC_ONLY_STD = """

         Performance counter stats for 'sleep 1':

               insn per cycle stalled cycles per insn\s
                        1.04                     0.25\s

               1.001234567 seconds time elapsed

               0.000000000 seconds user
               0.001000000 seconds sys


        """;

  private static final String METRIC_ONLY_INTERVAL_STD = """
        #           time       insn per cycle\s
             0.100512345                 1.04\s
             0.200812345                 0.98\s
        """;

  private static final String METRIC_ONLY_CSV_VALUES = """
        insn per cycle,stalled cycles per insn,
        1.04,0.25,
        """;

  private static final String JSON_METRIC_ONLY_61 = """
        {"unit" : "insn per cycle"}{"unit" : "stalled cycles per insn"}
        {"metric-value" : "1.04"}{"metric-value" : "0.25"}
        """;

  private static final String JSON_METRIC_ONLY_NEW = """
        {"insn per cycle" : "1.04", "stalled cycles per insn" : "0.25"}
        """;

  private static final String JSON_METRIC_ONLY_INTERVAL_NEW = """
        {"interval" : 0.100512345, "insn per cycle" : "1.04"}
        {"interval" : 0.200812345, "insn per cycle" : "0.98"}
        """;

  private static final String JSON_METRIC_ONLY_NONE = """
        {"metric-value" : "none"}
        """;

  private static final String PUBLISHED_TOPDOWN = """
        #           time      %  tma_retiring %  tma_backend_bound %  tma_frontend_bound %  tma_bad_speculation
             1.001141351                 11.5                 34.9                  46.9                    6.7
             2.006141972                 13.4                 28.1                  50.4                    8.1
             3.010162040                 12.9                 28.1                  51.1                    8.0
             4.014009311                 12.5                 28.6                  51.8                    7.2
             5.017838554                 11.8                 33.0                  48.0                    7.2
             5.704818971                 14.0                 27.5                  51.3                    7.3
        """;
}
