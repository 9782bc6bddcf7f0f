package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real qemu-io fixture against the CSV derived beside it by {@code expected.py} (an independent
 * script, see the folder's README.md).
 */
class QemuIoGoldenTest {

  static Path folder() throws URISyntaxException {
    return Path.of(QemuIoGoldenTest.class.getResource("/qemu-io").toURI());
  }

  /** A fixture of this folder parsed with its name as the source. */
  static QemuIoResult fixture(String name, boolean strict) throws Exception {
    return QemuIo.parse(folder().resolve(name), ParseOptions.defaults().withSource(name).withStrict(strict));
  }

  static List<Path> fixtures() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(folder())) {
      return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void tableMatchesExpectedCsv(Path fixture) throws Exception {
    String name = fixture.getFileName().toString();
    Path csv = fixture.resolveSibling(name.replace(".txt", ".csv"));
    QemuIoResult result = QemuIo.parse(fixture, ParseOptions.defaults().withSource(name));
    assertEquals(Files.readString(csv, StandardCharsets.UTF_8), TableCsv.toString(result.table()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void realFixturesHaveNoUnrecognizedLines(Path fixture) throws Exception {
    String name = fixture.getFileName().toString();
    QemuIoResult result = QemuIo.parse(fixture, ParseOptions.defaults().withSource(name).withStrict(true));
    assertTrue(result.unrecognized().isEmpty(), () -> result.unrecognized().toString());
    assertFalse(result.summary().isEmpty());
  }
}
