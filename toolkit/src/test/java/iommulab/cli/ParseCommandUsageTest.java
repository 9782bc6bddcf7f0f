package iommulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandUsageTest {
  @Test
  void unknownToolIsAUsageError() {
    CliRun r = CliRun.run("parse", "--tool", "fio", "x.txt");
    assertEquals(Main.USAGE, r.exitCode());
    assertEquals(
        "iommulab parse: unknown tool 'fio'; expected one of qemu-io, perf-stat, stackcount or auto\n",
        r.err());
  }

  @Test
  void missingFileIsAUsageError() {
    CliRun r = CliRun.run("parse", "no/such/file.txt");
    assertEquals(Main.USAGE, r.exitCode());
    assertEquals("iommulab parse: no/such/file.txt: no such file\n", r.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun r = CliRun.run("parse", "--colour", "x.txt");
    assertEquals(Main.USAGE, r.exitCode());
    assertTrue(r.err().startsWith("iommulab: Unknown option: '--colour'"), r.err());
  }

  @Test
  void badFormatIsAUsageError() {
    CliRun r = CliRun.run("parse", "--format", "xml", "x.txt");
    assertEquals(Main.USAGE, r.exitCode());
    assertTrue(r.err().contains("xml"), r.err());
  }

  @Test
  void textNoToolPrintedIsMalformedWithLocation(@TempDir Path dir) throws Exception {
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "remember to set iommu.strict=0\n");
    CliRun r = CliRun.run("parse", notes.toString());
    assertEquals(Main.MALFORMED, r.exitCode());
    assertEquals(
        notes + ":1:1: cannot tell which tool printed this text; expected qemu-io, perf stat or"
            + " stackcount output (or name it with --tool)\n",
        r.err());
  }

  @Test
  void stdinWithoutToolIsDetectedTheSameWay() {
    CliRun r = CliRun.withStdin("hello\n", "parse", "-");
    assertEquals(Main.MALFORMED, r.exitCode());
    assertTrue(r.err().startsWith("<stdin>:1:1: cannot tell which tool printed this text"), r.err());
  }

  @Test
  void helpExitsZero() {
    CliRun r = CliRun.run("parse", "--help");
    assertEquals(Main.OK, r.exitCode());
  }
}
