package iommulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parse command end to end on real fixtures: formats, detection and exit statuses. */
class ParseCommandTest {
  private static final Path RES = Path.of("src/test/resources");

  @Test
  void csvIsTheGoldenTableWithDetection() throws Exception {
    Path in = RES.resolve("qemu-io/aio.txt");
    CliRun r = CliRun.run("parse", in.toString());
    assertEquals(Main.OK, r.exitCode(), r.err());
    assertEquals(Files.readString(RES.resolve("qemu-io/aio.csv")), r.out());
  }

  @Test
  void stdinIsDetectedToo() throws Exception {
    String text = Files.readString(RES.resolve("qemu-io/aio.txt"));
    CliRun r = CliRun.withStdin(text, "parse", "-");
    assertEquals(Main.OK, r.exitCode(), r.err());
    assertEquals(Files.readString(RES.resolve("qemu-io/aio.csv")), r.out());
  }

  @Test
  void onlyAToolErrorIsExitThreeWithTheErrorOnStderr() {
    Path in = RES.resolve("stackcount/bcc-error-nomatch.txt");
    CliRun r = CliRun.run("parse", in.toString());
    assertEquals(Main.TOOL_ERROR, r.exitCode());
    assertEquals(
        in + ":1: stackcount error: No functions matched by pattern ^syscalls:sys_enter_kexec_load$\n",
        r.err());
  }

  @Test
  void malformedIsExitTwoWithFileLineColumn(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("bad.txt");
    Files.writeString(in, "read 12x/512 bytes at offset 0\n512 bytes, 1 ops; 00.00 sec (1 MiB/sec and 2048 ops/sec)\n");
    CliRun r = CliRun.run("parse", "--tool", "qemu-io", in.toString());
    assertEquals(Main.MALFORMED, r.exitCode());
    assertEquals(in + ":1:6: bad byte count '12x'; expected '<op> N/N bytes at offset N'\n", r.err());
  }

  @Test
  void jsonCarriesFactsRowsAndExactIntegers() {
    CliRun r = CliRun.run("parse", "--format", "json", RES.resolve("qemu-io/aio.txt").toString());
    assertEquals(Main.OK, r.exitCode(), r.err());
    var json = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals("qemu-io", json.get("tool").getAsString());
    assertTrue(json.getAsJsonArray("rows").size() > 0);
    assertEquals(
        json.getAsJsonArray("columns").size(),
        json.getAsJsonArray("rows").get(0).getAsJsonObject().size());
  }

  @Test
  void jsonPrintsFloatColumnsAsTheCsvDoes() {
    // metric_value and run_pct are float columns: 0.418 must not come out as 0.4180000126361847
    Path in = RES.resolve("perf-stat/append-csv-then-human.txt");
    CliRun r = CliRun.run("parse", "--format", "json", in.toString());
    assertEquals(Main.OK, r.exitCode(), r.err());
    var row = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("rows").get(0).getAsJsonObject();
    assertEquals("0.418", row.get("metric_value").toString());
    assertEquals("0.62", row.get("value").toString());
  }

  @Test
  void foldedNeedsStacks() {
    CliRun r = CliRun.run("parse", "--format", "folded", RES.resolve("qemu-io/aio.txt").toString());
    assertEquals(Main.USAGE, r.exitCode());
    assertTrue(r.err().contains("--format folded needs stack output"), r.err());
  }

  @Test
  void unrecognisedLinesAreOneWarningAndStrictMakesThemErrors(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("mixed.txt");
    Files.writeString(
        in,
        "read 512/512 bytes at offset 0\n512 bytes, 1 ops; 00.00 sec (1 MiB/sec and 2048 ops/sec)\n"
            + "my own note\n");
    CliRun lenient = CliRun.run("parse", "--format", "summary", in.toString());
    assertEquals(Main.OK, lenient.exitCode());
    assertEquals(
        in + ":3: warning: 1 line was not recognised and kept as text (first: 'my own note');"
            + " --format json lists them, --strict makes them errors\n",
        lenient.err());
    CliRun strict = CliRun.run("parse", "--strict", in.toString());
    assertEquals(Main.MALFORMED, strict.exitCode());
    assertTrue(strict.err().startsWith(in + ":3:1: "), strict.err());
  }
}
