package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.Table;

/**
 * Inputs large enough for a file (or String) of known size to have its columns sized ahead (after
 * 4096 lines, on another thread) and moved into mid-parse: the table must be the one a Reader, whose
 * size is unknown and so never sized ahead, builds row by row. Each input is one real fixture written many times over, as
 * {@code perf stat -o F --append} leaves it.
 */
class PerfStatLargeInputTest {
  @TempDir Path dir;

  static java.util.stream.Stream<String> fixtures() throws Exception {
    return PerfStatGoldenTest.fixtures().filter(f -> !f.startsWith("error-"));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void sizedAheadGivesTheTableOfAReader(String fixture) throws Exception {
    String one = Files.readString(PerfStatGoldenTest.DIR.resolve(fixture), StandardCharsets.UTF_8);
    if (!one.endsWith("\n")) {
      one += "\n";
    }
    int copies = Math.max(2, 3_000_000 / one.length());
    checkSame(one.repeat(copies), fixture, copies * PerfStat.parse(one).table().rowCount());
  }

  /** Long lines first, short ones after: the estimate made early is too low and the columns grow on. */
  @Test
  void estimateTooLowGrowsOn() throws Exception {
    String longLines = read("shared-perf-std-sw.txt");
    String shortLines = read("default-C.txt");
    String text = longLines.repeat(6_000_000 / longLines.length() / 4)
        + shortLines.repeat(6_000_000 / shortLines.length());
    checkSame(text, "short lines after long", -1);
  }

  /** Short lines first, long ones after: the columns were sized for more rows than come. */
  @Test
  void estimateTooHighKeepsOnlyTheRows() throws Exception {
    String shortLines = read("default-C.txt");
    String longLines = read("shared-perf-std-sw.txt");
    String text = shortLines.repeat(2_000_000 / shortLines.length())
        + longLines.repeat(8_000_000 / longLines.length());
    checkSame(text, "long lines after short", -1);
  }

  /**
   * {@code --per-thread} with every copy on its own thread ids: the aggregate keys widen to two bytes
   * before the move-in (over 254 distinct values) and to four after it (over 65,534).
   */
  @Test
  void manyDistinctAggregatesWidenTheKeysAroundTheMoveIn() throws Exception {
    String one = read("per-thread-csv.txt");
    StringBuilder text = new StringBuilder();
    java.util.regex.Pattern tid = java.util.regex.Pattern.compile("-(\\d+),");
    for (long copy = 1; copy <= 6000; copy++) {
      for (String line : one.split("\n")) {
        java.util.regex.Matcher m = tid.matcher(line);
        text.append(m.find()
            ? line.substring(0, m.start(1)) + (copy * 10_000_000L + Long.parseLong(m.group(1))) + line.substring(m.end(1))
            : line).append('\n');
      }
    }
    Path file = write(text.toString());
    assertTrue(PerfStat.parse(file).table().stringColumn("aggr").countUnique() > 65_534);
    checkSame(text.toString(), "per-thread, own thread ids", 6000 * PerfStat.parse(one).table().rowCount());
  }

  /** The float columns handed to Tablesaw without a copy still behave as Tablesaw's own. */
  @Test
  void floatColumnsTakeAppendsAfterTheParse() throws Exception {
    Path file = write(read("interval-csv.txt").repeat(20_000));
    Table t = PerfStat.parse(file).table();
    FloatColumn runPct = t.floatColumn("run_pct");
    int n = runPct.size();
    assertEquals(160_000, n);
    runPct.append(42.5f);
    assertEquals(n + 1, runPct.size());
    assertEquals(42.5f, runPct.getFloat(n));
    assertEquals(100f, runPct.getFloat(0));
    assertEquals(n, t.floatColumn("metric_value").size());
  }

  private void checkSame(String text, String what, int expectedRows) throws Exception {
    Path file = write(text);
    assertTrue(text.lines().count() > 4096, what + ": too small to size ahead");
    PerfStatResult fromFile = PerfStat.parse(file);
    PerfStatResult fromText =
        PerfStat.parse(new StringReader(text), ParseOptions.defaults().withSource(file.toString()));
    if (expectedRows >= 0) {
      assertEquals(expectedRows, fromFile.table().rowCount(), what);
    }
    assertEquals(TableCsv.toString(fromText.table()), TableCsv.toString(fromFile.table()), what);
    assertEquals(fromText.facts(), fromFile.facts(), what);
  }

  private Path write(String text) throws Exception {
    Path file = dir.resolve("large.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static String read(String fixture) throws Exception {
    return Files.readString(PerfStatGoldenTest.DIR.resolve(fixture), StandardCharsets.UTF_8);
  }
}
