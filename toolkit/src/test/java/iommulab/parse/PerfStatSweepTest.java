package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * perf's own lines found by a sweep of real outputs (fixtures added on 2026-12-03, see the
 * fixture README): what the golden tables cannot show, namely that nothing is left unrecognised
 * and that perf's error reports become {@link ToolError}s.
 */
class PerfStatSweepTest {
  private static final Path DIR = PerfStatGoldenTest.DIR;

  private static PerfStatResult strict(String fixture) throws Exception {
    return PerfStat.parse(DIR.resolve(fixture), ParseOptions.defaults().withStrict(true));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "interval-repeat-variance-over-100.txt", "append-csv-then-human.txt", "append-human-then-csv.txt",
    "metric-only-interval.txt", "metric-only-interval-csv.txt", "metric-only-interval-json.txt",
    "delay.txt", "json-tool-events.txt", "json-de_DE.txt", "csv-tab.txt",
    "csv-space-interval-no-aggr.txt", "no-aggr-repeat-csv.txt", "csv-semicolon-interval-de_DE.txt",
    "default-fr_FR.txt", "default-ru_RU.txt", "default-de_CH.txt", "repeat-fr_FR.txt", "interval-clear-tty.txt"
  })
  void perfsOwnLinesAreAllRecognised(String fixture) throws Exception {
    PerfStatResult r = strict(fixture);
    assertEquals(List.of(), r.unrecognized(), fixture);
    assertEquals(List.of(), r.toolErrors(), fixture);
  }

  @Test
  void anAppendedRunInAnotherFormIsItsOwnRun() throws Exception {
    PerfStatResult r = strict("append-csv-then-human.txt");
    assertEquals(2, r.runs().size());
    assertEquals(0.6, r.table().doubleColumn("value").get(1), 1e-9);
    assertEquals(1, r.table().intColumn("run").get(1));
  }

  @Test
  void aLoneErrorLineIsTheToolsError() throws Exception {
    assertEquals(
        List.of(new ToolError(1, "top down event configuration requires system-wide mode (-a)")),
        strict("error-topdown.txt").toolErrors());
  }

  @Test
  void aBareErrorTakesItsMessageFromTheNextLine() throws Exception {
    assertEquals(List.of(new ToolError(1, "Error:\nThe cycles event is not supported.")),
        strict("error-bare-Error.txt").toolErrors());
  }

  @Test
  void anOptionErrorTakesTheOptionsPrintedUnderIt() throws Exception {
    PerfStatResult r = strict("error-per-thread-options.txt");
    assertEquals(1, r.toolErrors().size());
    String message = r.toolErrors().get(0).message();
    assertTrue(message.startsWith("The --per-thread option is only available"), message);
    assertTrue(message.endsWith("-t, --tid <tid>       stat events on existing thread id"), message);
  }

  @Test
  void anOptionErrorBeforeTheUsageIsAnError() throws Exception {
    PerfStatResult r = strict("error-option-usage.txt");
    assertEquals("--interval-clear does not work with output", r.toolErrors().get(0).message());
    assertEquals(1, r.toolErrors().get(0).line());
    assertTrue(r.toolErrors().get(1).message().startsWith("Usage: perf stat"));
    assertEquals(List.of(), r.unrecognized());
  }

  @Test
  void aLineBeforeOrdinaryOutputStaysUnrecognised() throws Exception {
    String text = "--something the workload printed\n\n Performance counter stats for 'x':\n\n"
        + "              0.60 msec task-clock\n\n       0.001425212 seconds time elapsed\n";
    PerfStatResult r = PerfStat.parse(text);
    assertEquals(List.of(new SourceLine(1, "--something the workload printed")), r.unrecognized());
    assertEquals(List.of(), r.toolErrors());
    ParseException e = assertThrows(ParseException.class,
        () -> PerfStat.parse(text, ParseOptions.defaults().withStrict(true)));
    assertEquals(1, e.line());
  }

  @Test
  void optionLinesWithoutAnErrorAreNotSwallowed() throws Exception {
    PerfStatResult r = PerfStat.parse("    -p, --pid <pid>       stat events on existing process id\n");
    assertEquals(1, r.unrecognized().size());
    assertEquals(List.of(), r.toolErrors());
  }

  @Test
  void anUnrecognisedLastLineIsKept() throws Exception {
    PerfStatResult r = PerfStat.parse("0.62,msec,task-clock,618920,100.00,0.418,CPUs utilized\nbye\n");
    assertEquals(List.of(new SourceLine(2, "bye")), r.unrecognized());
    assertEquals(2, assertThrows(ParseException.class,
        () -> PerfStat.parse("0.62,msec,task-clock,618920,100.00,,\nbye", ParseOptions.defaults().withStrict(true)))
        .line());
  }

  @Test
  void delayNoticesOnlyCountAsWholeLines() throws Exception {
    PerfStatResult r = PerfStat.parse("Events disabled for now\n");
    assertEquals(1, r.unrecognized().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"error-smi-cost.txt", "error-topdown-system-wide.txt", "error-pmu-terms.txt"})
  void moreErrorReportsAreTheToolsErrors(String fixture) throws Exception {
    PerfStatResult r = strict(fixture);
    assertEquals(List.of(), r.unrecognized(), fixture);
    assertTrue(!r.toolErrors().isEmpty(), fixture);
    assertEquals(0, r.table().rowCount(), fixture);
  }

  @Test
  void aWorkloadsNumbersAreNotCounters() throws Exception {
    PerfStatResult r = PerfStat.parse(DIR.resolve("workload-numbers.txt"));
    assertEquals(List.of("task-clock"), r.table().stringColumn("event").asList());
    assertEquals(1, r.runs().size());
    // the target comes from perf's own header, not from the workload's "... stats for nothing"
    assertTrue(r.runs().get(0).target().startsWith("sh -c echo \"3 packets transmitted, 3 received"),
        r.runs().get(0).target());
    assertEquals(List.of(1L, 2L, 3L), r.unrecognized().stream().map(SourceLine::line).toList());
  }

  @Test
  void aWorkloadsLinesBetweenIntervalsAreNotCounters() throws Exception {
    PerfStatResult r = PerfStat.parse(DIR.resolve("interval-workload-interleaved.txt"));
    assertEquals(List.of("task-clock"), r.table().stringColumn("event").unique().asList());
    assertEquals(6, r.unrecognized().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"   1024 bytes", "64 MiB", "3 items done", "12 widgets"})
  void aBareNumberAndWordOutsideABlockIsText(String line) throws Exception {
    PerfStatResult r = PerfStat.parse(line + "\n");
    assertEquals(0, r.table().rowCount(), line);
    assertEquals(1, r.unrecognized().size(), line);
  }

  @ParameterizedTest
  @ValueSource(strings = {"  1024 page-faults", "  5 cycles", "  7 sched:sched_switch", "  9 cpu_core/cycles/"})
  void aBareCounterWithAnEventNameIsStillARow(String line) throws Exception {
    assertEquals(1, PerfStat.parse(line + "\n").table().rowCount(), line);
  }

  @Test
  void groupMarksOnlyGroupThreeDigits() {
    char[] ok = "559\u202f294\u202f611".toCharArray();
    assertEquals(559294611.0, PerfNumbers.parse(ok, 0, ok.length, true));
    char[] fr = "1\u202f234,56".toCharArray();
    assertEquals(1234.56, PerfNumbers.parse(fr, 0, fr.length, true), 1e-9);
    char[] bad = "55\u202f94".toCharArray();
    assertTrue(Double.isNaN(PerfNumbers.parse(bad, 0, bad.length, true)));
    assertTrue(Double.isNaN(PerfNumbers.parse(ok, 0, ok.length, false)));
  }
}
