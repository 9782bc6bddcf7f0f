package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackCountTest {
  static final Path DIR = StackCountGoldenTest.DIR;
  static final ParseOptions STRICT = ParseOptions.defaults().withSource("s.txt").withStrict(true);
  static final ParseOptions LENIENT = ParseOptions.defaults().withSource("s.txt");

  @Test
  void referencePageStackIsTheGoldenThirtyFrameArmSmmuStack() throws Exception {
    StackCountResult r = StackCount.parse(DIR.resolve("reference-arm_smmu.txt"));
    assertEquals(1, r.stacks().size());
    Stack s = r.stacks().get(0);
    assertEquals(262276, s.count());
    assertEquals(30, s.depth());
    assertEquals("arm_smmu_tlb_inv_page_nosync", s.leaf());
    assertEquals("arm_smmu_unmap", s.frames().get(5));
    assertEquals("work_pending", s.frames().get(19));
    assertEquals("[unknown]", s.root());
    assertEquals("", s.process());
    assertEquals(Stack.UNKNOWN_PID, s.pid());
    assertEquals(2, s.line());
    assertEquals("/usr/share/bcc/tools/stackcount 'arm_smmu_*'", r.facts().get("command"));
    assertEquals(262276L, r.facts().get("total_count"));
  }

  @Test
  void distinctFramesOfFoldedTextCountFramesNotProcesses() throws Exception {
    // -P -f: the first element is the process; without -P bcc prints it empty
    StackCountResult withProcess = StackCount.parse("sleep;a;b 5\ncat;a;c 2\n", STRICT);
    assertEquals(3, withProcess.facts().get("distinct_frames"));
    assertEquals(List.of("sleep", "cat"), withProcess.stacks().stream().map(Stack::process).toList());
    StackCountResult withoutProcess = StackCount.parse(";a;b 5\n;a;-;c 2\n", STRICT);
    assertEquals(3, withoutProcess.facts().get("distinct_frames"));
    assertEquals(List.of("", ""), withoutProcess.stacks().stream().map(Stack::process).toList());
  }

  @Test
  void framesAreInternedAcrossStacks() throws Exception {
    StackCountResult r = StackCount.parse(DIR.resolve("bcc-mkdir-P.txt"));
    assertTrue(r.stacks().get(0).leaf() == r.stacks().get(1).leaf());
  }

  @Test
  void headerAndIntervalFacts() throws Exception {
    StackCountResult r = StackCount.parse(DIR.resolve("bcc-mkdir-i-T.txt"));
    assertEquals("t:syscalls:sys_enter_mkdir", r.facts().get("pattern"));
    assertEquals(1, r.facts().get("functions_traced"));
    assertEquals(3, r.facts().get("intervals"));
    assertEquals(List.of("08:07:04", "08:07:05", "08:07:06"), r.facts().get("interval_times"));
    assertEquals(true, r.facts().get("detached"));
    assertEquals("bcc", r.facts().get("format"));
  }

  @Test
  void bpftraceFactsAndEmptyKey() throws Exception {
    StackCountResult r = StackCount.parse(DIR.resolve("bt-ustack-comm-pid.txt"));
    assertEquals("bpftrace", r.facts().get("format"));
    assertEquals(List.of("@u"), r.facts().get("maps"));
    StackCountResult empty = StackCount.parse("@[]: 3\n@x[\n]: 4\n");
    assertEquals(List.of(0, 0), List.of(empty.stacks().get(0).depth(), empty.stacks().get(1).depth()));
    assertEquals(List.of(3L, 4L), List.of(empty.stacks().get(0).count(), empty.stacks().get(1).count()));
  }

  @Test
  void toolErrorsAreReportedAndHoldNoRows() throws Exception {
    StackCountResult r = StackCount.parse(DIR.resolve("bcc-error-nomatch.txt"));
    assertEquals(
        List.of(new ToolError(1, "No functions matched by pattern ^syscalls:sys_enter_kexec_load$")),
        r.toolErrors());
    assertEquals(0, r.table().rowCount());
    StackCountResult k = StackCount.parse(DIR.resolve("bcc-error-kprobe.txt"));
    assertEquals(1, k.toolErrors().size());
  }

  @Test
  void emptyResultHasHeaderAndNoRows() throws Exception {
    StackCountResult r = StackCount.parse(DIR.resolve("bcc-empty.txt"));
    assertEquals(0, r.table().rowCount());
    assertEquals(10, r.table().columnCount());
    assertEquals("0 stacks, 1 interval, 0 distinct frames, total count 0", r.summary());
  }

  @Test
  void emptyInputGivesAnEmptyTable() throws Exception {
    StackCountResult r = StackCount.parse("");
    assertEquals(0, r.table().rowCount());
    assertEquals(
        "stack_id,interval,process,pid,count,depth,leaf,root,folded,line\n", TableCsv.toString(r.table()));
  }

  @Test
  void quotingAddressesAndEscapesAreRemovedOffsetsKept() throws Exception {
    String text =
        "  ffffffff814c254b b'perf_syscall_enter+0x1db'\n"
            + "  7f09ed6edf37     b'__mkdir+207'\n"
            + "    b\"it's\\x41\" [42]\n"
            + "    5\n";
    Stack s = StackCount.parse(text).stacks().get(0);
    assertEquals(List.of("perf_syscall_enter+0x1db", "__mkdir+207"), s.frames());
    assertEquals("it'sA", s.process());
    assertEquals(42, s.pid());
  }

  @Test
  void javaFramesSurviveFoldedText() throws Exception {
    String line = "java;start_thread;Lio/netty/util/ThreadDeathWatcher$Watcher;::run;Interpreter;-;do_futex 4\n";
    Stack s = StackCount.parse(line).stacks().get(0);
    assertEquals(
        List.of("do_futex", "Interpreter", "Lio/netty/util/ThreadDeathWatcher$Watcher;::run", "start_thread"),
        s.frames());
    assertEquals(1, s.userStart());
    assertEquals("java", s.process());
  }

  @Test
  void ctrlCGluedToTheFirstFoldedLine() throws Exception {
    StackCountResult r = StackCount.parse("^Cbash;main;-;__schedule 3\nsh;[unknown] 1\n");
    assertEquals("bash", r.stacks().get(0).process());
    assertEquals(List.of("__schedule", "main"), r.stacks().get(0).frames());
    assertEquals(List.of(), r.unrecognized());
  }

  @Test
  void identicalStacksStayTwoRows() throws Exception {
    StackCountResult r = StackCount.parse("  a\n  b\n    1\n\n  a\n  b\n    1\n");
    assertEquals(2, r.table().rowCount());
    assertEquals(List.of(0, 1), List.of(r.table().intColumn("stack_id").get(0), r.table().intColumn("stack_id").get(1)));
  }

  @Test
  void foldedColumnBehavesLikeAnyStringColumn() throws Exception {
    StackCountResult r = StackCount.parse(DIR.resolve("example-d-java.txt"));
    tech.tablesaw.api.StringColumn folded = r.table().stringColumn("folded");
    String second = r.stacks().get(1).folded();
    assertEquals(second, folded.get(1));
    assertEquals(1, r.table().where(folded.isEqualTo(second)).rowCount());
    assertEquals(List.of(1), List.of(r.table().where(folded.isEqualTo(second)).intColumn("stack_id").get(0)));
    tech.tablesaw.api.Table sorted = r.table().sortDescendingOn("folded");
    assertEquals(second, sorted.stringColumn("folded").get(0)); // "s" sorts after "["
    folded.set(0, "edited");
    folded.append("more");
    assertEquals(List.of("edited", second, "more"), folded.asList());
    assertEquals(0, folded.countMissing());
  }

  // ---- round trips: folded -> stacks -> folded ----

  @Test
  void foldedWithProcessRoundTripsByteForByte() throws Exception {
    for (String name : List.of("bcc-mkdir-f-P.txt", "sample-f-sched_switch.txt", "bcc-mkdir-f-d.txt")) {
      String text = Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
      StringBuilder out = new StringBuilder();
      StackCount.parse(text).writeFolded(out);
      // Without -P bcc prints an empty process element first; writeFolded leaves it out.
      String expected = text.startsWith(";") ? text.replaceAll("(?m)^;", "") : text;
      assertEquals(expected, out.toString(), name);
    }
  }

  @Test
  void multiLineOutputFoldsLikeBccDashF() throws Exception {
    // The same stacks as bcc -d prints them and as bcc -f -d would (published example).
    StringBuilder out = new StringBuilder();
    StackCount.parse(DIR.resolve("example-d-java.txt")).writeFolded(out);
    String expected =
        "containerd;[unknown];-;entry_SYSCALL_64_fastpath;SyS_futex;do_futex;hrtimer_init_sleeper 1\n"
            + "java;start_thread;java_start(Thread*);JavaThread::run();JavaThread::thread_main_inner();"
            + "thread_entry(JavaThread*, Thread*);"
            + "JavaCalls::call_virtual(JavaValue*, Handle, KlassHandle, Symbol*, Symbol*, Thread*);"
            + "JavaCalls::call_virtual(JavaValue*, KlassHandle, Symbol*, Symbol*, JavaCallArguments*, Thread*);"
            + "JavaCalls::call_helper(JavaValue*, methodHandle*, JavaCallArguments*, Thread*);call_stub;"
            + "Interpreter;Interpreter;Lio/netty/util/ThreadDeathWatcher$Watcher;::run;__pthread_cond_timedwait;"
            + "-;entry_SYSCALL_64_fastpath;SyS_futex;do_futex;hrtimer_init_sleeper 4\n";
    assertEquals(expected, out.toString());
    StringBuilder again = new StringBuilder();
    StackCountResult reparsed = StackCount.parse(out.toString());
    reparsed.writeFolded(again);
    assertEquals(expected, again.toString());
    assertEquals(
        StackCount.parse(DIR.resolve("example-d-java.txt")).stacks().get(1).frames(),
        reparsed.stacks().get(1).frames());
  }

  // ---- bad input: exact messages ----

  @Test
  void badCountNamesLineColumnAndShape() {
    ParseException e = assertThrows(ParseException.class, () -> StackCount.parse("  a\n    12x\n", LENIENT));
    assertEquals(
        "s.txt:2:5: bad count '12x'; expected count line '    N' (a whole number) or process line '    comm [PID]'",
        e.getMessage());
  }

  @Test
  void countTooLargeForLong() {
    ParseException e =
        assertThrows(ParseException.class, () -> StackCount.parse("  a\n    99999999999999999999\n", LENIENT));
    assertEquals(
        "s.txt:2:5: count '99999999999999999999' does not fit in 64 bits; expected count line '    N' (a whole number)",
        e.getMessage());
  }

  @Test
  void secondProcessLineAndSecondDelimiter() {
    ParseException p =
        assertThrows(ParseException.class, () -> StackCount.parse("  a\n    x [1]\n    y [2]\n    3\n", LENIENT));
    assertEquals(
        "s.txt:3:5: second process line for one stack; expected count line '    N' (a whole number)", p.getMessage());
    ParseException d =
        assertThrows(ParseException.class, () -> StackCount.parse("  a\n    --\n  b\n    --\n", LENIENT));
    assertEquals(
        "s.txt:4:5: second '--' delimiter in one stack; expected user frames or count line '    N' (a whole number)",
        d.getMessage());
  }

  @Test
  void badPid() {
    ParseException e = assertThrows(ParseException.class, () -> StackCount.parse("  a\n    sh [12a]\n    1\n", LENIENT));
    assertEquals("s.txt:2:9: bad pid '12a'; expected process line '    comm [PID]'", e.getMessage());
  }

  @Test
  void badFoldedCountOnceFoldedLinesWereSeen() {
    ParseException e = assertThrows(ParseException.class, () -> StackCount.parse("sh;a;b 1\nsh;a;b 2x\n", LENIENT));
    assertEquals(
        "s.txt:2:8: bad count '2x'; expected folded line 'process;frame;...;frame COUNT'", e.getMessage());
  }

  @Test
  void badBpftraceEntryEnd() {
    ParseException e = assertThrows(ParseException.class, () -> StackCount.parse("@[\n    f+1\n]x\n", LENIENT));
    assertEquals(
        "s.txt:3:1: bad end of bpftrace map entry ']x'; expected ']: N' or ', comm]: N' closing the bpftrace map entry",
        e.getMessage());
    ParseException text = assertThrows(ParseException.class, () -> StackCount.parse("@[\n    f+1\n]: x\n", LENIENT));
    assertEquals(
        "s.txt:3:4: value 'x' for a stack of map @, not a count; expected ']: N' or ', comm]: N' closing the bpftrace"
            + " map entry",
        text.getMessage());
  }

  @Test
  void strictRejectsUnrecognisedLines() {
    ParseException e =
        assertThrows(ParseException.class, () -> StackCount.parse("  a\n    1\nhello world\n", STRICT));
    assertEquals(
        "s.txt:3:1: unrecognized line; expected stackcount output (frames, '    N' counts, -f folded lines) or a bpftrace stack map",
        e.getMessage());
  }

  @Test
  void lenientKeepsUnrecognisedLinesWithNumbersAndNoWarningOfItsOwn() throws Exception {
    StackCountResult r = StackCount.parse("hello\n  a\n    1\n\nworld\n", LENIENT);
    assertEquals(List.of(new SourceLine(1, "hello"), new SourceLine(5, "world")), r.unrecognized());
    assertEquals(1, r.table().rowCount());
    // unrecognized() is the report; the CLI turns it into its one warning (ParseCommandTest).
    assertEquals(List.of(), r.warnings());
  }

  @Test
  void truncatedStackIsKeptVerbatimOrRejectedWhenStrict() throws Exception {
    String text = "  a\n    1\n\n  b\n    sh [7]";
    StackCountResult r = StackCount.parse(text, LENIENT);
    assertEquals(1, r.table().rowCount());
    assertEquals(List.of(new SourceLine(4, "  b"), new SourceLine(5, "    sh [7]")), r.unrecognized());
    assertEquals(
        new Warning(4, "input ends inside a stack at line 5; the stack's lines are kept as unrecognised"),
        r.warnings().get(0));
    ParseException e = assertThrows(ParseException.class, () -> StackCount.parse(text, STRICT));
    assertEquals(
        "s.txt:5:1: input ends inside a stack (stack began at line 4); expected count line '    N' (a whole number)",
        e.getMessage());
  }

  @Test
  void stackCutOffByAHeaderKeepsOnlyItsOwnLines() throws Exception {
    StackCountResult r = StackCount.parse("  a\n    --\nTracing 1 functions for \"x\"... Hit Ctrl-C to end.\n", LENIENT);
    assertEquals(List.of(new SourceLine(1, "  a"), new SourceLine(2, "    --")), r.unrecognized());
    assertEquals("x", r.facts().get("pattern"));
  }

  @Test
  void truncatedLastLineStillCounts() throws Exception {
    StackCountResult r = StackCount.parse("  a\n    26227");
    assertEquals(26227L, r.stacks().get(0).count());
  }

  @Test
  void binaryGarbageIsEitherParsedOrAParseException() {
    byte[] bytes = new byte[1 << 16];
    new java.util.Random(7).nextBytes(bytes);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    try {
      StackCountResult r = StackCount.parse(text, LENIENT);
      assertTrue(r.unrecognized().size() + r.stacks().size() + r.toolErrors().size() > 0);
    } catch (ParseException e) {
      assertTrue(e.getMessage().startsWith("s.txt:"), e.getMessage());
    }
  }

  @Test
  void bccPythonTracebackAfterDetachingIsOneToolErrorNotFrames() throws Exception {
    StackCountResult r = StackCount.parse(
        Path.of("src/test/resources/stackcount/bcc-uprobe-malloc-traceback.txt"),
        ParseOptions.defaults().withSource("tb.txt").withStrict(true));
    assertEquals(3, r.table().rowCount());
    assertEquals(List.of(), r.unrecognized());
    assertEquals(List.of(), r.warnings());
    assertEquals(
        List.of(new ToolError(13, "Exception ignored in atexit callback: <bound method BPF.cleanup of"
            + " <bcc.BPF object at 0x7fd0885f2d50>> ... KeyboardInterrupt: ")),
        r.toolErrors());
  }

  @Test
  void tracebackCutOffAtTheEndIsStillReported() throws Exception {
    StackCountResult r = StackCount.parse(
        "Traceback (most recent call last):\n  File \"/usr/sbin/stackcount-bpfcc\", line 9, in <module>\n");
    assertEquals(List.of(new ToolError(1, "Traceback (most recent call last):")), r.toolErrors());
    assertEquals(0, r.table().rowCount());
  }
}
