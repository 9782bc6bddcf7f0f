package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The magics, on pasted tool output copied from this repository's real fixtures. */
class MagicsTest {
  static Session session;

  // Lines 2-3 of toolkit/src/test/resources/qemu-io/*.txt style output (qemu-io 7.2 on this machine).
  static final String QEMU_IO =
      "read 4096/4096 bytes at offset 0\n"
          + "4 KiB, 1 ops; 00.00 sec (17.529 MiB/sec and 4487.4643 ops/sec)\n";

  // perf-stat/default-C.txt (perf 6.1 on this machine), cut to two events.
  static final String PERF_STAT =
      "\n Performance counter stats for 'true':\n\n"
          + "             29.90 msec task-clock                       #    0.835 CPUs utilized          \n"
          + "                 2      context-switches                 #   66.879 /sec                   \n\n"
          + "       0.035829868 seconds time elapsed\n\n"
          + "       0.022976000 seconds user\n"
          + "       0.011488000 seconds sys\n\n";

  @BeforeAll
  static void start() {
    session = Session.start(Path.of("."));
  }

  @AfterAll
  static void stop() {
    session.close();
  }

  static RecordingOutput run(String code) {
    RecordingOutput out = new RecordingOutput();
    session.execute(code, out);
    return out;
  }

  @Test
  void qemuioBindsTheResultAndShowsItsTable() {
    RecordingOutput out = run("%%qemuio q1\n" + QEMU_IO);
    assertNull(out.ename, () -> String.valueOf(out.traceback));
    assertEquals(List.of("display"), out.events);
    String html = (String) out.displays.get(0).get("text/html");
    assertTrue(html.contains("<table>"), html);
    assertTrue(html.contains("4096"), html);
    assertEquals("result:QemuIoResult 1", run("q1.getClass().getSimpleName() + \" \" + q1.table().rowCount()").events.get(0));
  }

  @Test
  void perfstatBindsTheResult() {
    RecordingOutput out = run("%%perfstat p1\n" + PERF_STAT);
    assertNull(out.ename, () -> String.valueOf(out.traceback));
    assertEquals("result:PerfStatResult", run("p1.getClass().getSimpleName()").events.get(0));
    assertEquals("result:true", run("p1.table().rowCount() >= 2").events.get(0));
  }

  @Test
  void parseDetectsTheTool() {
    RecordingOutput out = run("%%parse any\n" + QEMU_IO);
    assertNull(out.ename, () -> String.valueOf(out.traceback));
    assertEquals("result:qemu-io", run("any.tool().cliName()").events.get(0));
  }

  @Test
  void parseOfUnknownTextSaysSo() {
    RecordingOutput out = run("%%parse x\nhello world\n");
    assertEquals("UsageError", out.ename);
    assertEquals(
        "%%parse cannot tell which tool printed this text; use %%qemuio, %%perfstat or %%stackcount",
        out.evalue);
  }

  @Test
  void stackcountBindsTheResult() throws Exception {
    String text = Files.readString(Path.of(System.getProperty("iommulab.projectRoot"),
        "toolkit/src/test/resources/detect/stackcount-sched_switch.txt"));
    RecordingOutput out = run("%%stackcount s1\n" + text);
    assertNull(out.ename, () -> String.valueOf(out.traceback));
    assertEquals("result:StackCountResult", run("s1.getClass().getSimpleName()").events.get(0));
  }

  @Test
  void parseErrorShowsLineColumnWithoutSourceAndTheExpectedShape() {
    RecordingOutput out = run("%%qemuio bad\nread 4096/4096 bytes at offset 0\n4 KiB, x ops; 00.00 sec (17.529 MiB/sec and 4487.4643 ops/sec)\n");
    assertEquals("ParseException", out.ename);
    String message = "2:8: bad op count 'x'; expected 'SIZE UNIT, N ops; TIME (RATE UNIT/sec and RATE ops/sec)'";
    assertEquals(message, out.evalue);
    assertEquals(
        List.of(message, "  4 KiB, x ops; 00.00 sec (17.529 MiB/sec and 4487.4643 ops/sec)", "         ^"),
        out.traceback);
  }

  @Test
  void magicNeedsAVariableName() {
    assertEquals(
        "%%qemuio needs one Java variable name, e.g. '%%qemuio run1'; got 'class'",
        run("%%qemuio class\n" + QEMU_IO).evalue);
    assertEquals(
        "%%perfstat needs one Java variable name, e.g. '%%perfstat run1'; got ''",
        run("%%perfstat\n" + PERF_STAT).evalue);
  }

  @Test
  void classpathMagicAddsADirectory(@TempDir Path dir) throws Exception {
    Path pkg = Files.createDirectories(dir.resolve("extra"));
    Path src = pkg.resolve("Hello.java");
    Files.writeString(src, "package extra; public class Hello { public static String hi() { return \"hi from jar\"; } }");
    int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), src.toString());
    assertEquals(0, rc);
    Files.delete(src);
    RecordingOutput out = run("%classpath " + dir + "\nextra.Hello.hi()");
    assertEquals(List.of("result:hi from jar"), out.events);
    assertEquals("UsageError", run("%classpath /no/such/dir").ename);
    assertEquals("%jars: no file matches 'nothing-*.jar'", run("%jars nothing-*.jar").evalue);
  }

  @Test
  void captureRunsACommandIntoTheCellAndIntoARecord(@TempDir Path dir) {
    assertEquals(List.of("stdout:hello there\n"), run("%capture -- echo 'hello there'").events);
    RecordingOutput failed = run("%capture -- false");
    assertEquals("CommandFailed", failed.ename);
    assertEquals("false exited with status 1", failed.evalue);

    Path rec = dir.resolve("rec");
    RecordingOutput captured = run("%capture --record " + rec + " --label first --set block_size=4096 -- echo measured");
    assertNull(captured.ename, () -> String.valueOf(captured.traceback));
    assertTrue(captured.events.get(0).equals("stdout:measured\n"), captured.events.toString());
    RecordingOutput opened = run("%record " + rec + " r\nr.manifest().runs().get(0).label() + \" \" + r.manifest().runs().get(0).values()");
    assertEquals("result:first {block_size=4096}", opened.events.get(opened.events.size() - 1));
    assertTrue(((String) opened.displays.get(0).get("text/plain")).contains("1 runs"), opened.displays.toString());
    assertEquals("%capture: --record and --label go together; "
        + "usage: %capture [--record R --label L] [--device BDF] [--set K=V]... -- COMMAND...",
        run("%capture --record x -- echo").evalue);
  }

  @Test
  void lsmagicListsEveryMagic() {
    String text = run("%lsmagic").events.get(0);
    for (String magic : List.of("%jars", "%classpath", "%record", "%capture", "%%qemuio", "%%perfstat", "%%stackcount", "%%parse", "%%time")) {
      assertTrue(text.contains(magic + " "), magic + " missing from " + text);
    }
  }
}
