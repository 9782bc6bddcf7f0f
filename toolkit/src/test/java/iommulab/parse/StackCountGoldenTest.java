package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture in {@code src/test/resources/stackcount} against the CSV beside it. The CSVs were
 * written by {@code expected.py} (an independent reading of the output shapes) and checked by hand;
 * see that folder's README.md.
 */
class StackCountGoldenTest {
  static final Path DIR = Path.of("src/test/resources/stackcount");

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".txt"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void tableMatchesExpectedCsv(String name) throws Exception {
    Path txt = DIR.resolve(name);
    String expected = Files.readString(DIR.resolve(name.replace(".txt", ".csv")), StandardCharsets.UTF_8);
    StackCountResult r = StackCount.parse(txt);
    assertEquals(expected, TableCsv.toString(r.table()), name);
    assertEquals(r.table().rowCount(), r.stacks().size());
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void sameTableFromStringAndWithCrlf(String name) throws Exception {
    String text = Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
    String fromFile = TableCsv.toString(StackCount.parse(DIR.resolve(name)).table());
    assertEquals(fromFile, TableCsv.toString(StackCount.parse(text).table()));
    String crlf = text.replace("\r\n", "\n").replace("\n", "\r\n");
    assertEquals(fromFile, TableCsv.toString(StackCount.parse(crlf).table()));
  }

  /** Fixtures holding text that is not the tool's output (bcc {@code --debug}'s C program). */
  static final Set<String> WITH_FOREIGN_TEXT = Set.of("bcc-debug.txt");

  @ParameterizedTest
  @MethodSource("fixtures")
  void realOutputHasNoUnrecognisedLines(String name) throws Exception {
    StackCountResult r = StackCount.parse(DIR.resolve(name));
    // The published examples begin with the shell command, which is recognised as such.
    if (!WITH_FOREIGN_TEXT.contains(name)) {
      assertEquals(java.util.List.of(), r.unrecognized(), name);
    }
    assertFalse(r.warnings().stream().anyMatch(w -> w.message().contains("not recognised")));
  }
}
