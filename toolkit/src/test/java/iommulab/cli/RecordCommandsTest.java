package iommulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordCommandsTest {
  static final Path WIKI = Path.of(System.getProperty("iommulab.projectRoot", ".."), "datasets/wiki-smmuv3-2021");
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"config", "capture", "record", "record new", "record show", "record annotate",
      "record export", "record bundle", "record import"})
  void everyCommandHasHelp(String command) {
    String[] args = (command + " --help").split(" ");
    CliRun r = CliRun.run(args);
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("Usage: iommulab " + command), r.out());
  }

  @Test
  void configOfAGivenCommandLineAsJson() {
    CliRun r = CliRun.run("config", "--cmdline", "iommu.passthrough=1 iommu.strict=0 cma=0", "--json");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("\"iommu_passthrough\": \"1\""), r.out());
    assertTrue(r.out().contains("\"translation\": \"bypass\""), r.out());
  }

  @Test
  void configReportsAMalformedValueWithExit2() {
    CliRun r = CliRun.run("config", "--cmdline", "iommu.strict=maybe");
    assertEquals(Main.MALFORMED, r.exitCode());
    assertTrue(r.out().contains("problem: 'iommu.strict=maybe': expected 0 or 1 (also y/n, on/off)"),
        r.out());
  }

  @Test
  void showBundleImportExportAnnotateTheWikiDataset() throws Exception {
    CliRun show = CliRun.run("record", "show", WIKI.toString());
    assertEquals(0, show.exitCode(), show.err());
    assertTrue(show.out().contains("run r005 [lazy qemu-io] qemu-io, transcribed"), show.out());
    assertTrue(show.out().contains("integrity: every raw file matches its sha256"), show.out());

    Path zip = tmp.resolve("wiki.zip");
    assertEquals(0, CliRun.run("record", "bundle", WIKI.toString(), zip.toString()).exitCode());
    Path copy = tmp.resolve("copy");
    CliRun imported = CliRun.run("record", "import", zip.toString(), copy.toString());
    assertEquals(0, imported.exitCode(), imported.err());
    assertEquals(Files.readString(WIKI.resolve("manifest.json")), Files.readString(copy.resolve("manifest.json")));

    CliRun note = CliRun.run("record", "annotate", copy.toString(), "--author", "t", "--text", "checked",
        "--run", "r003", "--tool", "perf-stat", "--line", "3", "--column", "value");
    assertEquals(0, note.exitCode(), note.err());
    assertEquals("noted on r003 perf-stat line 3 value\n", note.out());
    CliRun bad = CliRun.run("record", "annotate", copy.toString(), "--author", "t", "--text", "x",
        "--run", "r003", "--tool", "perf-stat", "--line", "9", "--column", "value");
    assertEquals(4, bad.exitCode());
    assertEquals("iommulab record annotate: run r003 has no perf-stat row at line 9\n", bad.err());

    CliRun export = CliRun.run("record", "export", copy.toString(), tmp.resolve("csv").toString());
    assertEquals(0, export.exitCode(), export.err());
    assertTrue(Files.readString(tmp.resolve("csv/qemu-io.csv")).contains(",157639770.112,"));
  }

  @Test
  void showNamesAChecksumMismatchAndExits2() throws Exception {
    Path zip = tmp.resolve("wiki.zip");
    CliRun.run("record", "bundle", WIKI.toString(), zip.toString());
    Path copy = tmp.resolve("copy");
    CliRun.run("record", "import", zip.toString(), copy.toString());
    Files.writeString(copy.resolve("runs/r003/output.txt"), "tampered\n");
    CliRun show = CliRun.run("record", "show", copy.toString());
    assertEquals(Main.MALFORMED, show.exitCode());
    assertTrue(show.out().contains("problem: run r003: runs/r003/output.txt: sha256 mismatch: manifest says "),
        show.out());
  }
}
