package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import iommulab.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The problems found by the second sweep of real bcc stackcount 0.26 / bpftrace 0.17 outputs, each on
 * the real output copied in as a fixture (their expected tables are checked by
 * {@link StackCountGoldenTest}; see the fixtures' README.md).
 */
class StackCountSweepTest {
  static final Path DIR = StackCountGoldenTest.DIR;
  static final String MEMLOCK =
      "ERROR: Unknown error -1: couldn't set RLIMIT_MEMLOCK for bpftrace. If your program is not loading,"
          + " you can try \"ulimit -l 8192\" to fix the problem";
  static final Warning MEMLOCK_WARNING =
      new Warning(1, "bpftrace went on running after this notice: " + MEMLOCK);

  @Test
  void entriesOfMapsWithoutAStackAreCountedApartNotRows() throws Exception {
    StackCountResult r = StackCount.parse(DIR.resolve("bt-mixed-maps.txt"));
    assertEquals(1, r.stacks().size());
    assertEquals(48L, r.facts().get("total_count"));
    assertEquals(List.of("@"), r.facts().get("maps"));
    assertEquals(28L, r.facts().get("non_stack_entries"));
    assertEquals(List.of("@c", "@x"), r.facts().get("non_stack_maps"));
    assertEquals(
        List.of(
            MEMLOCK_WARNING,
            new Warning(11, "28 entries of maps @c, @x left out of the table because their keys hold no stack")),
        r.warnings());
    assertEquals(List.of(), r.unrecognized());
    StringBuilder folded = new StringBuilder();
    r.writeFolded(folded);
    assertEquals(
        "entry_SYSCALL_64_after_hwframe+118;do_syscall_64+527;syscall_trace_enter+384;perf_syscall_enter+475 48\n",
        folded.toString());
  }

  @Test
  void emptyStacksStayRowsAndOneScalarEntryIsSaidInTheSingular() throws Exception {
    StackCountResult r = StackCount.parse("@[]: 3\n@[, sleep]: 4\n@[sleep, 12, ]: 5\n@n[7]: 9\n");
    assertEquals(List.of(3L, 4L, 5L), r.stacks().stream().map(Stack::count).toList());
    assertEquals(List.of("", "sleep", "sleep"), r.stacks().stream().map(Stack::process).toList());
    assertEquals(12L, r.facts().get("total_count"));
    assertEquals(
        List.of(new Warning(4, "1 entry of map @n left out of the table because its key holds no stack")),
        r.warnings());
  }

  @Test
  void unrecognisedLinesGiveOneWarningOnStderr() throws Exception {
    Path debug = DIR.resolve("bcc-debug.txt");
    StackCountResult r = StackCount.parse(debug);
    assertEquals(23, r.unrecognized().size());
    assertEquals(new SourceLine(1, "#include <uapi/linux/ptrace.h>"), r.unrecognized().get(0));
    assertEquals(List.of(), r.warnings());
    assertEquals(18, r.stacks().size());
    Cli run = Cli.run("parse", "--tool", "auto", "--format", "summary", debug.toString());
    assertEquals(Main.OK, run.exitCode());
    assertEquals(
        List.of(
            debug + ":1: warning: 23 lines were not recognised and kept as text (first: '#include"
                + " <uapi/linux/ptrace.h>'); --format json lists them, --strict makes them errors"),
        run.errLines());
  }

  @Test
  void memlockNoticeIsAWarningSoATraceOfNothingExitsZero() throws Exception {
    Path noout = DIR.resolve("bt-ctrlc-noout.txt");
    StackCountResult r = StackCount.parse(noout);
    assertEquals(List.of(), r.toolErrors());
    assertEquals(List.of(MEMLOCK_WARNING), r.warnings());
    assertEquals(List.of(), r.unrecognized());
    assertEquals(1, r.facts().get("probes"));
    assertEquals(Main.OK, Cli.run("parse", "--tool", "auto", "--format", "summary", noout.toString()).exitCode());
  }

  @Test
  void bpftraceProgramErrorIsOneToolErrorWithItsProgramLine() throws Exception {
    StackCountResult tp = StackCount.parse(DIR.resolve("bt-missing-tp.txt"));
    assertEquals(
        List.of(
            new ToolError(
                2,
                "stdin:1:1-24: ERROR: tracepoint not found: nosuch:event (program line: tracepoint:nosuch:event"
                    + " { @[kstack] = count(); })")),
        tp.toolErrors());
    assertEquals(List.of(), tp.unrecognized());
    StackCountResult syntax = StackCount.parse(DIR.resolve("bt-syntax.txt"));
    assertEquals(
        List.of(
            new ToolError(
                2,
                "stdin:1:42-43: ERROR: syntax error, unexpected =, expecting ] or \",\" (program line:"
                    + " tracepoint:sched:sched_switch { @[kstack = count(); })")),
        syntax.toolErrors());
    assertEquals(List.of(), syntax.unrecognized());
    for (String name : List.of("bt-missing-tp.txt", "bt-syntax.txt", "bt-uprobe-missing.txt")) {
      Cli run = Cli.run("parse", "--tool", "auto", "--format", "summary", DIR.resolve(name).toString());
      assertEquals(Main.TOOL_ERROR, run.exitCode(), name + ": " + run.err());
    }
  }

  @Test
  void toolErrorsWithoutTheMemlockLineAndBpftraceWarnings() throws Exception {
    String text = Files.readString(DIR.resolve("bt-missing-tp.txt"), StandardCharsets.UTF_8);
    StackCountResult r = StackCount.parse(text.substring(text.indexOf('\n') + 1), ParseOptions.defaults().withStrict(true));
    assertEquals(1, r.toolErrors().size());
    assertEquals(1, r.toolErrors().get(0).line());
    StackCountResult noProbes = StackCount.parse(DIR.resolve("bt-uprobe-missing.txt"));
    assertEquals(List.of(new ToolError(2, "No probes to attach")), noProbes.toolErrors());
    // A WARNING: has the same three lines; a stack after it is read as usual.
    StackCountResult w =
        StackCount.parse("prog.bt:3:5-9: WARNING: unused\n  @x = 1;\n    ~~~~\n@[\n    f\n]: 2\n");
    assertEquals(List.of(new Warning(1, "bpftrace: prog.bt:3:5-9: WARNING: unused (program line:   @x = 1;)")), w.warnings());
    assertEquals(List.of(), w.toolErrors());
    assertEquals(List.of("f"), w.stacks().get(0).frames());
  }

  @Test
  void bccProcessNamesAreTheUtf8OfTheirBytes() throws Exception {
    StackCountResult r = StackCount.parse(DIR.resolve("bcc-odd-comm-P.txt"));
    assertEquals(
        List.of("słeep"),
        r.stacks().stream().filter(s -> s.pid() == 11157).map(Stack::process).toList());
    StackCountResult odd = StackCount.parse("  f\n    b's\\xc5\\x82eep' [1]\n    1\n\n  f\n    b'x\\xff\\x41' [2]\n    1\n");
    assertEquals(List.of("słeep", "x\uFFFDA"), odd.stacks().stream().map(Stack::process).toList());
  }

  @Test
  void perfStackFramesLoseTheirAddress() throws Exception {
    StackCountResult k = StackCount.parse(DIR.resolve("bt-kstack-perf.txt"));
    assertEquals("__schedule+1576", k.stacks().get(0).frames().get(0));
    assertEquals(51, k.stacks().size());
    StackCountResult u = StackCount.parse(DIR.resolve("bt-ustack-perf.txt"));
    assertEquals("0x7fe6ca8d8930 ([unknown])", u.stacks().get(0).frames().get(0));
    assertEquals(
        List.of("__GI___libc_malloc+0 (/usr/lib/x86_64-linux-gnu/libc.so.6)"), u.stacks().get(2).frames());
    assertEquals("bpftrace", u.stacks().get(2).process());
  }

  @Test
  void keyWithKernelAndUserStackIsOneRow() throws Exception {
    StackCountResult r = StackCount.parse(DIR.resolve("bt-k-and-u.txt"));
    Stack first = r.stacks().get(0);
    assertEquals(
        List.of(
            "perf_syscall_enter+475", "syscall_trace_enter+384", "do_syscall_64+527",
            "entry_SYSCALL_64_after_hwframe+118", "0x7fa518530001", "0xd8ec81485355"),
        first.frames());
    assertEquals("cat", first.process());
    assertEquals(Stack.NOT_DELIMITED, first.userStart());
    assertEquals(6, r.stacks().size());
    assertEquals(3, r.toolErrors().size()); // bpftrace's "failed to look up stack id" on stderr
    assertEquals(Main.OK, Cli.run("parse", "--format", "summary", DIR.resolve("bt-k-and-u.txt").toString()).exitCode());
  }

  /** The CLI run in-process with its standard streams captured. */
  private record Cli(int exitCode, String err) {
    static synchronized Cli run(String... args) {
      PrintStream oldOut = System.out;
      PrintStream oldErr = System.err;
      var err = new ByteArrayOutputStream();
      try {
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(Main.run(args), err.toString(StandardCharsets.UTF_8));
      } finally {
        System.setOut(oldOut);
        System.setErr(oldErr);
      }
    }

    List<String> errLines() {
      return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
    }
  }

  @Test
  void bpftraceJsonOutputIsRefusedByName() {
    String text = "{\"type\": \"attached_probes\", \"data\": {\"probes\": 1}}\n\n"
        + "{\"type\": \"map\", \"data\": {\"@\": {\"\\n    perf_syscall_enter+475\\n\": 53}}}\n";
    assertEquals(java.util.Optional.of(Tool.STACKCOUNT), ToolDetector.detect(text));
    ParseException e = org.junit.jupiter.api.Assertions.assertThrows(ParseException.class, () -> StackCount.parse(text));
    assertEquals(1, e.line());
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("bpftrace -f json output is not supported"), e.getMessage());
  }
}
