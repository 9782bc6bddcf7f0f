package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture in {@code src/test/resources/perf-stat/} against the table beside it, which
 * {@code expected.py} (an independent Python reading of the same text) wrote.
 */
class PerfStatGoldenTest {
  static final Path DIR = Path.of(System.getProperty("iommulab.projectRoot", ".."))
      .resolve("toolkit/src/test/resources/perf-stat");

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void tableMatchesExpectedCsv(String fixture) throws Exception {
    Path txt = DIR.resolve(fixture);
    String expected = Files.readString(DIR.resolve(fixture.replace(".txt", ".csv")), StandardCharsets.UTF_8);
    PerfStatResult result = PerfStat.parse(txt);
    assertEquals(expected, TableCsv.toString(result.table()), fixture);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void stringAndPathGiveTheSameTable(String fixture) throws Exception {
    Path txt = DIR.resolve(fixture);
    String text = Files.readString(txt, StandardCharsets.UTF_8);
    assertEquals(TableCsv.toString(PerfStat.parse(txt).table()), TableCsv.toString(PerfStat.parse(text).table()));
    String crlf = text.replace("\n", "\r\n");
    assertEquals(TableCsv.toString(PerfStat.parse(text).table()), TableCsv.toString(PerfStat.parse(crlf).table()));
  }
}
