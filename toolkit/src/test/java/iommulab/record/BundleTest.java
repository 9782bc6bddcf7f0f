package iommulab.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BundleTest {
  static final Path HOSTILE = Path.of("src/test/resources/record/hostile");
  @TempDir Path tmp;

  @Test
  void bundleRoundTripKeepsManifestAndBytes() throws Exception {
    Experiment e = Experiment.create(tmp.resolve("src"), RecordFixtures.manifest("src"));
    byte[] raw = ExperimentTest.QEMU.getBytes(StandardCharsets.UTF_8);
    byte[] binary = {0, (byte) 0xff, '\r', '\n', 'x'};
    e = e.addRun(RecordFixtures.template("strict", "qemu-io"), List.of(
        new Experiment.RawContent("output.txt", "output", raw, true),
        new Experiment.RawContent("stderr.txt", "stderr", binary, false)));
    e = e.annotate(Annotation.Target.record(), "ana", "note");
    Path zip = tmp.resolve("src.zip");
    Bundle.write(e, zip);
    Experiment copy = Bundle.importTo(zip, tmp.resolve("copy"), BundleLimits.defaults());
    assertEquals(e.manifest(), copy.manifest());
    assertEquals(List.of(), copy.problems());
    assertArrayEquals(raw, Files.readAllBytes(copy.dir().resolve("runs/r001/output.txt")));
    assertArrayEquals(binary, Files.readAllBytes(copy.dir().resolve("runs/r001/stderr.txt")));
    assertEquals(List.of("manifest.json", "runs"), list(copy.dir()));
  }

  @Test
  void bundlingRefusesARecordWithIntegrityProblems() throws Exception {
    Experiment e = Experiment.create(tmp.resolve("src"), RecordFixtures.manifest("src"));
    e = e.addRun(RecordFixtures.template("strict", "qemu-io"), List.of(
        new Experiment.RawContent("output.txt", "output", new byte[] {1}, true)));
    Files.delete(e.dir().resolve("runs/r001/output.txt"));
    Experiment broken = Experiment.open(e.dir());
    RecordException ex = assertThrows(RecordException.class,
        () -> Bundle.write(broken, tmp.resolve("x.zip")));
    assertEquals(e.dir() + ": not bundled, it has integrity problems: [run r001: runs/r001/output.txt "
        + "is missing]", ex.getMessage());
    assertFalse(Files.exists(tmp.resolve("x.zip")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "dotdot.zip     | : refused entry: 'runs/../../escaped.txt' escapes or does not name a place in the record (empty, '.' or '..' element)",
    "absolute.zip   | : refused entry: '/tmp/iommulab-absolute.txt' is an absolute path",
    "backslash.zip  | : refused entry: 'runs\\..\\..\\x.txt' contains a forbidden character (backslash, colon or control)",
    "symlink.zip    | : entry 'runs/r001/stdout.txt': is a symbolic link; bundles hold regular files only",
    "fifo.zip       | : entry 'runs/r001/stdout.txt': is a special file (mode 10644); bundles hold regular files only",
    "duplicate.zip  | : entry 'runs/r001/stdout.txt': appears more than once",
    "case.zip       | : entry 'runs/A.txt': differs from another entry only in letter case",
    "bomb.zip       | : entry 'runs/r001/stdout.txt': compressed 1028:1, more than the limit of 200:1",
    "no-manifest.zip| : no manifest.json; not an iommulab bundle",
    "lying-size.zip | : entry 'runs/r001/stdout.txt' inflates past its declared size of 100 bytes",
  })
  void hostileBundlesAreRefusedAndNothingIsWritten(String file, String message) throws IOException {
    Path zip = HOSTILE.resolve(file.strip());
    Path target = tmp.resolve("target");
    RecordException ex = assertThrows(RecordException.class,
        () -> Bundle.importTo(zip, target, BundleLimits.defaults()));
    assertEquals(zip + message.strip().replace("\\\\", "\\"), ex.getMessage().replace(zip + " ", zip + ""));
    assertEquals(List.of(), list(tmp));
    assertFalse(Files.exists(Path.of("/tmp/iommulab-absolute.txt")));
  }

  @Test
  void oversizedEntryIsRefused() throws IOException {
    Path zip = HOSTILE.resolve("big.zip");
    BundleLimits small = new BundleLimits(100, 1024, 1 << 20, 200, 1 << 20);
    RecordException ex = assertThrows(RecordException.class,
        () -> Bundle.importTo(zip, tmp.resolve("t"), small));
    assertEquals(zip + ": entry 'runs/r001/stdout.txt': 4096 bytes uncompressed, more than the limit "
        + "of 1024", ex.getMessage());
    assertEquals(List.of(), list(tmp));
  }

  @Test
  void importRefusesAnExistingTarget() throws Exception {
    Experiment e = Experiment.create(tmp.resolve("src"), RecordFixtures.manifest("src"));
    Bundle.write(e, tmp.resolve("b.zip"));
    Files.writeString(Files.createDirectories(tmp.resolve("busy")).resolve("f"), "keep me");
    RecordException ex = assertThrows(RecordException.class,
        () -> Bundle.importTo(tmp.resolve("b.zip"), tmp.resolve("busy"), BundleLimits.defaults()));
    assertEquals(tmp.resolve("busy") + ": already exists; import needs a new or empty directory",
        ex.getMessage());
    assertEquals("keep me", Files.readString(tmp.resolve("busy/f")));
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
