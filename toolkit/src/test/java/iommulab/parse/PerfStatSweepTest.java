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
    "csv-space-interval-no-aggr.txt", "no-aggr-repeat-csv.txt", "csv-semicolon-interval-de_DE.txt"
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
}
