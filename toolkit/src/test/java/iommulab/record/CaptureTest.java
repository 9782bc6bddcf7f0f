package iommulab.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iommulab.parse.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureTest {
  @TempDir Path tmp;

  @Test
  void capturesAPlainCommandByteExact() throws Exception {
    RecordFixtures.Terminal t = RecordFixtures.Terminal.create();
    Capture.Outcome o = RecordFixtures.capture(tmp.resolve("rec"), "hi", t,
        "sh", "-c", "printf 'hi\\n'; printf 'oops' >&2; exit 3");
    Run r = o.run();
    assertEquals("r001", r.id());
    assertEquals(3, r.exitStatus());
    assertEquals(RunStatus.COMPLETE, r.status());
    assertEquals(ParseStatus.UNKNOWN_TOOL, r.parseStatus());
    assertNull(r.tool());
    assertEquals("sh -c 'printf '\\''hi\\n'\\''; printf '\\''oops'\\'' >&2; exit 3'", r.commandLine());
    assertEquals("hi\n", t.outText());
    assertEquals("oops", t.err().toString());
    Experiment e = Experiment.open(tmp.resolve("rec"));
    assertEquals(List.of(), e.problems());
    assertEquals("hi\n", Files.readString(e.dir().resolve("runs/r001/stdout.txt")));
    assertEquals("oops", Files.readString(e.dir().resolve("runs/r001/stderr.txt")));
    assertEquals(3, e.manifest().run("r001").files().get(0).bytes());
    // The boot configuration and device facts were read from the fixture root, not this machine.
    assertEquals("BOOT_IMAGE=/vmlinuz root=/dev/sda2 iommu.passthrough=1 cma=0", r.boot().cmdline());
    assertEquals(java.util.Map.of("0", "identity"), r.boot().groupTypes());
    assertEquals(java.util.Map.of("k", "hi"), r.values());
  }

  @Test
  void capturesQemuIoAndChecksItParses() throws Exception {
    RecordFixtures.Terminal t = RecordFixtures.Terminal.create();
    Capture.Outcome o = RecordFixtures.capture(tmp.resolve("rec"), "null", t,
        "qemu-io", "-f", "raw", "-c", "read 0 4k", "null-co://");
    Run r = o.run();
    assertEquals(0, r.exitStatus());
    assertEquals("qemu-io", r.tool());
    assertEquals(ParseStatus.OK, r.parseStatus(), r.parseMessage());
    assertEquals("runs/r001/stdout.txt", r.parsedFile());
    assertTrue(t.outText().startsWith("read 4096/4096 bytes at offset 0\n4 KiB, 1 ops; "), t.outText());
    var table = Experiment.open(tmp.resolve("rec")).table(Tool.QEMU_IO);
    assertEquals(1, table.rowCount());
    assertEquals(4096.0, ((Number) table.column("bytes").get(0)).doubleValue());
    assertEquals("null", table.stringColumn("run_label").get(0));
  }

  @Test
  void longRunsReportProgressOnTheProgressStream() throws Exception {
    RecordFixtures.Terminal t = RecordFixtures.Terminal.create();
    Capture.run(new Capture.Request(tmp.resolve("rec"), "slow", List.of("sh", "-c", "echo x; sleep 2.6"),
            null, java.util.Map.of(), RecordFixtures.CONFIG.resolve("sysfs-none"), "",
            java.time.Duration.ofSeconds(1)),
        t.out(), t.err(), new java.io.PrintStream(t.progress(), true));
    String progress = t.progress().toString();
    assertTrue(progress.matches("(?s)(iommulab capture r001: [12] s elapsed, 2 bytes captured\\n){2}.*"),
        progress);
  }

  @Test
  void aCommandThatCannotStartIsRecordedAsSuch() throws Exception {
    RecordFixtures.Terminal t = RecordFixtures.Terminal.create();
    Capture.Outcome o = RecordFixtures.capture(tmp.resolve("rec"), "x", t, "/nonexistent/tool");
    assertEquals(127, o.run().exitStatus());
    assertTrue(o.run().parseMessage().startsWith("the command could not be started: "),
        o.run().parseMessage());
  }

  @Test
  void concurrentCapturesIntoOneRecordKeepEveryRun() throws Exception {
    Path dir = tmp.resolve("rec");
    Experiment.create(dir, RecordFixtures.manifest("rec"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Capture.Outcome>> futures = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String label = "c" + i;
      futures.add(pool.submit(() -> RecordFixtures.capture(dir, label,
          RecordFixtures.Terminal.create(), "sh", "-c", "echo " + label)));
    }
    Set<String> ids = new HashSet<>();
    for (Future<Capture.Outcome> f : futures) {
      ids.add(f.get(60, TimeUnit.SECONDS).run().id());
    }
    pool.shutdown();
    Experiment e = Experiment.open(dir);
    assertEquals(8, ids.size());
    assertEquals(8, e.runs().size());
    assertEquals(List.of(), e.problems());
    for (Run r : e.runs()) {
      assertEquals(RunStatus.COMPLETE, r.status());
      assertEquals(r.label() + "\n", Files.readString(dir.resolve(r.files().get(0).path())));
    }
  }

  @Test
  void capturesFromSeparateProcessesIntoOneRecordKeepEveryRun() throws Exception {
    Path dir = tmp.resolve("rec");
    Experiment.create(dir, RecordFixtures.manifest("rec"));
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      // the sleep makes the runs overlap: each writes the manifest when it starts and when it ends
      children.add(labelledChildCapture(dir, "p" + i, "sh", "-c", "sleep 0.5; echo p" + i));
    }
    for (Process p : children) {
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a capture process did not finish");
      assertEquals(0, p.exitValue());
    }
    Experiment e = Experiment.open(dir);
    assertEquals(List.of(), e.problems());
    assertEquals(4, e.runs().size());
    assertEquals(4, e.runs().stream().map(Run::id).distinct().count());
    for (Run r : e.runs()) {
      assertEquals(RunStatus.COMPLETE, r.status());
      assertEquals(r.label() + "\n", Files.readString(dir.resolve(r.files().get(0).path())));
    }
  }

  @Test
  void killMinus9LeavesAReadableRecordWithPartialOutputMarked() throws Exception {
    Path dir = tmp.resolve("rec");
    Process jvm = childCapture(dir, "sh", "-c", "echo partial; exec sleep 60");
    Path out = dir.resolve("runs/r001/stdout.txt");
    waitForContent(out, "partial\n");
    List<ProcessHandle> children = jvm.descendants().toList();
    jvm.destroyForcibly();
    jvm.waitFor(10, TimeUnit.SECONDS);
    children.forEach(ProcessHandle::destroyForcibly);
    Experiment e = Experiment.open(dir);
    Run r = e.manifest().run("r001");
    assertEquals(RunStatus.RUNNING, r.status());
    assertEquals(List.of(new Problem(Problem.Kind.PARTIAL, "r001", "run r001 did not finish: its capture "
        + "ended without recording an exit (killed?); the raw output kept is partial (8 bytes, no checksum)")),
        e.problems());
    assertEquals("partial\n", Files.readString(out));
  }

  @Test
  void interruptEndsTheCommandAndKeepsItsOutput() throws Exception {
    Path dir = tmp.resolve("rec");
    Process jvm = childCapture(dir, "sh", "-c", "echo before; exec sleep 60");
    waitForContent(dir.resolve("runs/r001/stdout.txt"), "before\n");
    new ProcessBuilder("kill", "-INT", Long.toString(jvm.pid())).start().waitFor();
    assertTrue(jvm.waitFor(30, TimeUnit.SECONDS), "capture did not end after SIGINT");
    Experiment e = Experiment.open(dir);
    Run r = e.manifest().run("r001");
    assertEquals(RunStatus.INTERRUPTED, r.status());
    assertEquals(List.of(), e.problems());
    assertNotNull(r.files().get(0).sha256());
    assertEquals("before\n", Files.readString(dir.resolve("runs/r001/stdout.txt")));
  }

  private static Process childCapture(Path dir, String... command) throws Exception {
    return labelledChildCapture(dir, "child", command);
  }

  private static Process labelledChildCapture(Path dir, String label, String... command) throws Exception {
    List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), "iommulab.cli.Main", "capture", "--record",
        dir.toString(), "--label", label, "--progress", "0", "--"));
    argv.addAll(List.of(command));
    return new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static void waitForContent(Path file, String content) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!(Files.exists(file) && Files.readString(file).equals(content))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(file + " never held " + content);
      }
      Thread.sleep(50);
    }
  }
}
