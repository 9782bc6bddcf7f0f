package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real outputs that hold none of the lines only one tool prints, so detection falls back to
 * asking each parser (perf's CSV with any separator, a lone error report, qemu-io's map output).
 */
class ToolDetectorSweepTest {
  private static final Path RESOURCES = PerfStatGoldenTest.DIR.getParent();

  @ParameterizedTest
  @CsvSource({
    "perf-stat/no-aggr-csv.txt, PERF_STAT",
    "perf-stat/per-core-csv.txt, PERF_STAT",
    "perf-stat/csv-space.txt, PERF_STAT",
    "perf-stat/csv-semicolon-de_DE.txt, PERF_STAT",
    "perf-stat/csv-comma-de_DE.txt, PERF_STAT",
    "perf-stat/csv-tab.txt, PERF_STAT",
    "perf-stat/csv-space-interval-no-aggr.txt, PERF_STAT",
    "perf-stat/no-aggr-repeat-csv.txt, PERF_STAT",
    "perf-stat/csv-semicolon-interval-de_DE.txt, PERF_STAT",
    "perf-stat/metric-only-interval-csv.txt, PERF_STAT",
    "perf-stat/metric-only-interval-json.txt, PERF_STAT",
    "perf-stat/error-topdown.txt, PERF_STAT",
    "perf-stat/error-per-thread-options.txt, PERF_STAT",
    "perf-stat/error-bare-Error.txt, PERF_STAT",
    "perf-stat/error-workload-failed.txt, PERF_STAT",
    "qemu-io/raw-map-alloc-length.txt, QEMU_IO",
    "qemu-io/truncate-length-only.txt, QEMU_IO",
    "perf-stat/error-smi-cost.txt, PERF_STAT",
    "perf-stat/error-topdown-system-wide.txt, PERF_STAT",
    "perf-stat/default-fr_FR.txt, PERF_STAT",
    "qemu-io/help-read.txt, QEMU_IO",
    "qemu-io/usage-help.txt, QEMU_IO",
    "qemu-io/help-commands.txt, QEMU_IO"
  })
  void detectsWhatOnlyAParserRecognises(String file, Tool expected) throws Exception {
    assertEquals(Optional.of(expected), ToolDetector.detect(RESOURCES.resolve(file)), file);
  }

  @Test
  void textNoParserRecognisesIsNotGuessed() {
    assertEquals(Optional.empty(), ToolDetector.detect("hello\nworld\n"));
  }

  @Test
  void aLineCutShortAtTheHeadsEndDoesNotSpoilAParse(@TempDir Path dir) throws Exception {
    // the head ends inside a CSV record, which perf's parser alone would call malformed
    String lines = Files.readString(RESOURCES.resolve("perf-stat/csv-tab.txt"));
    StringBuilder text = new StringBuilder();
    while (text.length() <= ToolDetector.HEAD_CHARS || text.charAt(ToolDetector.HEAD_CHARS - 1) == '\n') {
      text.append(lines);
    }
    Path file = Files.writeString(dir.resolve("long.txt"), text);
    assertEquals(Optional.of(Tool.PERF_STAT), ToolDetector.detect(file));
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    assertEquals(Optional.of(Tool.PERF_STAT), ToolDetector.detect(new ByteArrayInputStream(bytes)));
    assertEquals(Optional.of(Tool.PERF_STAT), ToolDetector.detect(text));
  }
}
