package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-pass scan of perf stat CSV lines ({@code PerfCsvLine.fused}) must give, line for line,
 * exactly what the split-then-convert path gives: the same outcome and the same reading. Two
 * PerfCsvLine instances, one with the scan and one without, read the same lines: every perf fixture
 * with every separator, lines built to sit on the scan's edges, and random mutations of real lines.
 */
class PerfCsvFusedScanTest {
  private static final char[] SEPARATORS = {',', ';', '\t', '|', ':', ' '};

  private int records;
  private long scanned;

  /** Feeds both parsers the lines; fails at the first line where they differ. */
  private void compare(List<String> lines, char sep, String what) {
    PerfCsvLine withScan = new PerfCsvLine(new PerfProblem());
    PerfCsvLine without = new PerfCsvLine(new PerfProblem());
    without.fusedScan = false;
    PerfReading a = new PerfReading();
    PerfReading b = new PerfReading();
    for (int i = 0; i < lines.size(); i++) {
      char[] chars = lines.get(i).toCharArray();
      // the line sits inside a larger buffer, as in LineReader
      char[] buf = new char[chars.length + 6];
      "xx".getChars(0, 2, buf, 0);
      System.arraycopy(chars, 0, buf, 3, chars.length);
      buf[chars.length + 3] = sep;
      int ra = withScan.parse(buf, 3, 3 + chars.length, sep, a, true);
      int rb = without.parse(buf, 3, 3 + chars.length, sep, b, true);
      String where = what + " line " + (i + 1) + " [" + lines.get(i) + "] sep '" + sep + "'";
      assertEquals(rb, ra, where);
      if (rb == PerfProblem.RECORD || rb == PerfProblem.METRIC_ONLY) {
        assertEquals(describe(b), describe(a), where);
        records++;
      }
    }
    scanned += withScan.fusedLines;
    assertEquals(0, without.fusedLines);
  }

  private static String describe(PerfReading r) {
    return String.join("|",
        Long.toHexString(Double.doubleToRawLongBits(r.intervalSeconds)),
        String.valueOf(r.summaryRow),
        new String(r.aggrBuf, r.aggrStart, r.aggrEnd - r.aggrStart),
        String.valueOf(r.aggrCpus),
        Long.toHexString(Double.doubleToRawLongBits(r.value)),
        new String(r.unitBuf, r.unitStart, r.unitEnd - r.unitStart),
        new String(r.eventBuf, r.eventStart, r.eventEnd - r.eventStart),
        String.valueOf(r.status),
        Integer.toHexString(Float.floatToRawIntBits(r.runPct)),
        Integer.toHexString(Float.floatToRawIntBits(r.variancePct)),
        Integer.toHexString(Float.floatToRawIntBits(r.metricValue)),
        new String(r.metricUnitBuf, r.metricUnitStart, r.metricUnitEnd - r.metricUnitStart),
        String.valueOf(r.note));
  }

  private static List<Path> fixtures() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/perf-stat"))) {
      return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
  }

  @Test
  void everyFixtureLineWithEverySeparator() throws Exception {
    List<Path> files = fixtures();
    assertTrue(files.size() > 20, "the perf stat fixtures are there");
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (char sep : SEPARATORS) {
        compare(lines, sep, file.getFileName().toString());
      }
    }
    assertTrue(records > 100 && scanned > 50, "records compared: " + records + ", by the scan: " + scanned);
  }

  @Test
  void linesOnTheEdgesOfTheScan() {
    String t = "     1.001208508";
    List<String> lines = new ArrayList<>();
    lines.add(t + ",CPU0,1725710363,,cycles,1001187173,100.00,,");
    lines.add(t + ",CPU1,2848480464,,cycles,1001208386,100.00,,");
    lines.add(t + ",CPU1,<not counted>,,cycles,0,0.00,,");
    lines.add(t + ",CPU1,<not supported>,,cycles,0,0.00,,");
    lines.add(t + ",CPU1,<not countedx>,,cycles,0,0.00,,");
    lines.add(t + ",CPU2,9007199254740993,,cycles,1001208386,100.00,,"); // over 2^53
    lines.add(t + ",CPU2,99999999999999999999,,cycles,1001208386,100.00,,"); // 20 digits
    lines.add(t + ",CPU2,9999999999999999999,,cycles,1001208386,100.00,,"); // 19 digits, overflows a long
    lines.add(t + ",CPU2,1.5e3,,cycles,1001208386,100.00,,");
    lines.add(t + ",CPU2,12.,,cycles,1001208386,100.00,,");
    lines.add(t + ",CPU2,.5,,cycles,1001208386,100.00,,");
    lines.add(t + ",CPU2,1.2.3,,cycles,1001208386,100.00,,");
    lines.add(t + ",CPU2,1,5,msec,task-clock,1001208386,100,00,1,50,CPUs utilized"); // de_DE
    lines.add(t + ",CPU2,15,msec,task-clock,1001208386,100,00,,");
    lines.add(t + ",CPU2,15,msec,task-clock,1001208386,100.00,0.50,CPUs utilized");
    lines.add(t + ",CPU2,15,msec,task-clock,1001208386,100.00,0.50,CPUs, utilized ,  ");
    lines.add(t + ",CPU2,15,msec,task-clock,1001208386,100.00,0.50");
    lines.add(t + ",CPU2,15,msec,task-clock,1001208386,100.00");
    lines.add(t + ",CPU2,15,msec,task-clock,1001208386");
    lines.add(t + ",CPU2,15,msec,task-clock,-1,100.00,,");
    lines.add(t + ",CPU2,15,5msec,task-clock,1001208386,100.00,,");
    lines.add(t + ",CPU2,15,msec,,1001208386,100.00,,");
    lines.add(t + ",,15,msec,task-clock,1001208386,100.00,,");
    lines.add(t + ",7CPU,15,msec,task-clock,1001208386,100.00,,");
    lines.add(t + ",CPU2,15,msec,task-clock,1001208386,100.00,x,");
    lines.add(t + ",CPU2,15,msec,task-clock,1001208386,100.00,1.2.3,");
    lines.add(t + ",CPU2,15,msec,task-clock,1001208386,1.2.3,,");
    lines.add(t + ",CPU2,15,msec,task-clock,1001208386,,,");
    lines.add(t + ",CPU2,15,msec,task-clock,1001208386,100.00,12,");
    lines.add("     1.0012085,CPU2,15,msec,task-clock,1001208386,100.00,,"); // short timestamp
    lines.add("1.001208508,CPU2,15,msec,task-clock,1001208386,100.00,,"); // the same time, no indent
    lines.add("     1.001208509,CPU2,15,msec,task-clock,1001208386,100.00,,"); // the next time
    lines.add("     1.001208508x,CPU2,15,msec,task-clock,1001208386,100.00,,");
    lines.add("     1.0012085080,CPU2,15,msec,task-clock,1001208386,100.00,,");
    lines.add("    11.001208508,CPU2,15,msec,task-clock,1001208386,100.00,,");
    lines.add("   111111111111111111111.001208508,CPU2,15,msec,task-clock,1,100.00,,");
    lines.add(t + ",CPU2,15,msec,task-clock,1001208386,100.00,,");
    lines.add("summary,CPU2,15,msec,task-clock,1001208386,100.00,,");
    lines.add(t + ",CPU2,15,msec,task-clock,1.5%,1001208386,100.00,,");
    lines.add(t + ",CPU2,15,msec,task-clock,1001208386,100.00,,");
    lines.add(t + ",CPU2");
    lines.add("");
    lines.add(t + ",CPU2,15,msec,task-clock,1001208386,100.00,,");
    compare(lines, ',', "edges");
    // the same lines with the other separators
    for (char sep : new char[] {';', '\t', '|'}) {
      compare(lines.stream().map(l -> l.replace(',', sep)).toList(), sep, "edges");
    }
    assertTrue(scanned >= 4 * 20, "lines the scan took: " + scanned);
  }

  @Test
  void randomMutationsOfRealLines() throws Exception {
    List<String> base = new ArrayList<>();
    for (Path file : fixtures()) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.chars().filter(c -> c == ',').count() >= 5) {
          base.add(line);
        }
      }
    }
    assertTrue(base.size() > 50, "CSV lines among the fixtures: " + base.size());
    Random random = new Random(20261203);
    String alphabet = "0123456789.,<> -%abcCPU";
    for (int round = 0; round < 300; round++) {
      List<String> lines = new ArrayList<>();
      String seed = base.get(random.nextInt(base.size()));
      for (int i = 0; i < 40; i++) {
        // an unchanged line keeps the layout learned; then a mutated one
        lines.add(seed);
        StringBuilder m = new StringBuilder(seed);
        int edits = 1 + random.nextInt(3);
        for (int k = 0; k < edits && m.length() > 0; k++) {
          int at = random.nextInt(m.length());
          switch (random.nextInt(3)) {
            case 0 -> m.deleteCharAt(at);
            case 1 -> m.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            default -> m.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          }
        }
        lines.add(m.toString());
      }
      compare(lines, ',', "mutation round " + round);
    }
    assertTrue(scanned > 300 * 20, "lines the scan took: " + scanned);
  }
}
