package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases a code review of the stack parser found (2026-12-07); each failed before its fix. */
class StackCountReviewTest {
  static final ParseOptions LENIENT = StackCountTest.LENIENT;

  @Test
  void aBpftraceEntryCutOffKeepsAllItsLines() throws Exception {
    StackCountResult r = StackCount.parse("Attaching 1 probe...\n@[\n    f1\n    f2\n    f3\n", LENIENT);
    assertEquals(List.of(new SourceLine(2, "@["), new SourceLine(3, "    f1"), new SourceLine(4, "    f2"),
        new SourceLine(5, "    f3")), r.unrecognized());
    assertEquals(0, r.stacks().size());
  }

  @Test
  void aFoldedLineAfterAnUnfinishedStackIsAStackOfItsOwn() throws Exception {
    StackCountResult r = StackCount.parse("  a\n    sleep [1]\np;x;y 5\n", LENIENT);
    assertEquals(1, r.stacks().size());
    Stack s = r.stacks().get(0);
    assertEquals(List.of("y", "x"), s.frames());
    assertEquals("p", s.process());
    assertEquals(Stack.UNKNOWN_PID, s.pid());
    assertEquals(List.of(new SourceLine(1, "  a"), new SourceLine(2, "    sleep [1]")), r.unrecognized());
    assertThrows(ParseException.class, () -> StackCount.parse("  a\n  b\np;x;y 5\n", StackCountTest.STRICT));
  }

  @Test
  void aPidBeyondAnIntIsABadPidNotAWrappedOne() {
    ParseException e = assertThrows(ParseException.class,
        () -> StackCount.parse("  f1\n    sleep [4294967296]\n    5\n\n", LENIENT));
    assertEquals("s.txt:2:12: bad pid '4294967296' (over 2147483647); expected process line '    comm [PID]'",
        e.getMessage());
  }

  @Test
  void intervalsWithoutTheHeaderLineAreNumberedFromTheFirstStack() throws Exception {
    // stackcount -i 1 output pasted without its 'Tracing ...' line: an empty line after the one that
    // ends a stack opens the next interval
    StackCountResult r = StackCount.parse("  a\n    5\n\n\n  b\n    3\n\n\n  c\n    1\n\n", LENIENT);
    assertEquals(List.of(0, 1, 2), r.stacks().stream().map(Stack::interval).toList());
    assertEquals(3, r.facts().get("intervals"));
    StackCountResult one = StackCount.parse("  a\n    5\n\n  b\n    3\n\n", LENIENT);
    assertEquals(List.of(0, 0), one.stacks().stream().map(Stack::interval).toList());
  }

  @Test
  void unrecognisedLinesAreInLineOrder() throws Exception {
    StackCountResult r = StackCount.parse("  a\ngarbage\n  b\n\n", LENIENT);
    assertEquals(List.of(new SourceLine(1, "  a"), new SourceLine(2, "garbage"), new SourceLine(3, "  b")),
        r.unrecognized());
  }

  // ---- second review: frameless -f lines, distinct frames, 64-bit total, negative bpftrace values ----

  @Test
  void aFramelessFoldedStackBeforeTheFirstSemicolonLineIsARow() throws Exception {
    // bcc stackcount -f prints "%s %d" % (";".join([comm] + user frames + kernel frames), count), sorted
    // by count ascending: a stack with neither user nor kernel frames is " 1" (comm empty, as on line
    // 102 of sample-f-sched_switch.txt) or "mkdir 1" (-P), and as one of the smallest counts it can be
    // the first line printed.
    StackCountResult r = StackCount.parse(" 1\n;a;b 3\n", StackCountTest.STRICT);
    assertEquals(List.of(0, 2), r.stacks().stream().map(Stack::depth).toList());
    assertEquals(List.of(1L, 3L), r.stacks().stream().map(Stack::count).toList());
    assertEquals(List.of(1L, 2L), r.stacks().stream().map(Stack::line).toList());
    assertEquals("folded", r.facts().get("format"));
    assertEquals(List.of(), r.unrecognized());
    // the same row as that line gives after a ';' line
    Stack after = StackCount.parse(";a;b 3\n 1\n", StackCountTest.STRICT).stacks().get(1);
    Stack before = r.stacks().get(0);
    assertEquals(List.of(after.process(), after.pid(), after.count(), after.frames(), after.userStart()),
        List.of(before.process(), before.pid(), before.count(), before.frames(), before.userStart()));
    // -P -f, with the terminal's ^C glued to the first line as in bcc-ctrlc-tty-f-P.txt
    StackCountResult p = StackCount.parse("^Cmkdir 1\nmkdir 1\nmkdir;a 2\n", StackCountTest.STRICT);
    assertEquals(List.of("mkdir", "mkdir", "mkdir"), p.stacks().stream().map(Stack::process).toList());
    assertEquals(List.of(0, 0, 1), p.stacks().stream().map(Stack::depth).toList());
    // -f -T -i 1: bcc prints the time before each interval's lines, and no empty line
    StackCountResult t = StackCount.parse("08:07:04\n 1\n08:07:05\n;a 2\n", StackCountTest.STRICT);
    assertEquals(List.of(0, 1), t.stacks().stream().map(Stack::interval).toList());
    assertEquals(List.of("08:07:04", "08:07:05"), t.facts().get("interval_times"));
  }

  @Test
  void aWorkloadLineEndingInANumberIsNotAFoldedStack() throws Exception {
    // a workload's output on the same terminal as bcc's multi-line output (the captures ran mkdir/cat
    // loops beside the tool): without a folded line with ';' right after it, it is not -f output
    StackCountResult r = StackCount.parse("hello 5\n  a\n    3\n\nworld 2\n 7\n", LENIENT);
    assertEquals(1, r.stacks().size());
    assertEquals(List.of(new SourceLine(1, "hello 5"), new SourceLine(5, "world 2"), new SourceLine(6, " 7")),
        r.unrecognized());
    assertEquals("bcc", r.facts().get("format"));
    ParseException e = assertThrows(ParseException.class,
        () -> StackCount.parse("done 5\n  a\n    1\n", StackCountTest.STRICT));
    assertEquals(
        "s.txt:1:1: unrecognized line; expected stackcount output (frames, '    N' counts, -f folded lines) or a"
            + " bpftrace stack map",
        e.getMessage());
  }

  @Test
  void distinctFramesCountOnlyTheFramesOfRows() throws Exception {
    // an empty line inside a stack (bcc's SIGINT handler, _signal_ignore in stackcount.py, prints one
    // when Ctrl-C is pressed again while it prints) and a capture cut off while bcc printed a stack
    // (timeout, kill): those stacks' lines are kept as unrecognised, so their frames are not the result's
    StackCountResult r = StackCount.parse("  x\n  a\n\n  a\n    1\n\n  b\n  c", LENIENT);
    assertEquals(1, r.stacks().size());
    assertEquals(1, r.facts().get("distinct_frames"));
    assertEquals("1 stacks, 1 interval, 1 distinct frames, total count 1", r.summary());
    // the same for a bpftrace entry cut off before its ']: N'
    StackCountResult bt = StackCount.parse("@[\n    f1\n]: 2\n@[\n    f2\n    f3\n", LENIENT);
    assertEquals(1, bt.stacks().size());
    assertEquals(1, bt.facts().get("distinct_frames"));
  }

  @Test
  void aTotalCountBeyond64BitsIsAParseException() {
    // bcc keeps each count in a u64 BPF_HASH value and prints it with %d; bpftrace prints count()
    // as a uint64: each fits in a long here, their sum does not
    String expected = "; expected counts whose sum fits in 64 bits (at most 9223372036854775807)";
    ParseException bcc = assertThrows(ParseException.class,
        () -> StackCount.parse("  a\n    9223372036854775807\n\n  b\n    1\n\n", LENIENT));
    assertEquals("s.txt:5:5: total count does not fit in 64 bits: count '1' after 9223372036854775807" + expected,
        bcc.getMessage());
    ParseException folded = assertThrows(ParseException.class,
        () -> StackCount.parse(";a 9223372036854775807\n;b 2\n", LENIENT));
    assertEquals("s.txt:2:4: total count does not fit in 64 bits: count '2' after 9223372036854775807" + expected,
        folded.getMessage());
    ParseException bt = assertThrows(ParseException.class,
        () -> StackCount.parse("@[\n    f\n]: 9223372036854775807\n@[]: 1\n", LENIENT));
    assertEquals("s.txt:4:6: total count does not fit in 64 bits: count '1' after 9223372036854775807" + expected,
        bt.getMessage());
  }

  @Test
  void aNegativeBpftraceValueForAStackIsAParseException() {
    // bpftrace prints a map's signed value (sum(), avg(), min(), max() of signed numbers) with
    // std::to_string (src/output.cpp, value_to_str), e.g. ']: -5' for '@[kstack] = sum(x)' with x < 0:
    // not a count
    String expected = "; expected ']: N' or ', comm]: N' closing the bpftrace map entry";
    ParseException multi = assertThrows(ParseException.class,
        () -> StackCount.parse("Attaching 1 probe...\n@[\n    f1\n    f2\n]: -5\n", LENIENT));
    assertEquals("s.txt:5:4: negative value '-5' for a stack of map @, not a count" + expected, multi.getMessage());
    ParseException empty = assertThrows(ParseException.class, () -> StackCount.parse("@[]: -5\n", LENIENT));
    assertEquals("s.txt:1:6: negative value '-5' for a stack of map @, not a count" + expected, empty.getMessage());
    ParseException comm =
        assertThrows(ParseException.class, () -> StackCount.parse("@s[, sleep]: -12\n", LENIENT));
    assertEquals("s.txt:1:14: negative value '-12' for a stack of map @s, not a count" + expected, comm.getMessage());
  }

  @Test
  void aNegativeValueOfAMapWithoutAStackIsLeftOutLikeItsOtherEntries() throws Exception {
    // '@x[pid] = sum(...)' beside a stack map: its entries are not rows whatever their sign
    StackCountResult r = StackCount.parse("@[\n    f1\n]: 3\n@x[1234]: -5\n@x[1240]: 2\n", StackCountTest.STRICT);
    assertEquals(1, r.stacks().size());
    assertEquals(3L, r.facts().get("total_count"));
    assertEquals(2L, r.facts().get("non_stack_entries"));
    assertEquals(List.of("@x"), r.facts().get("non_stack_maps"));
    assertEquals(List.of(), r.unrecognized());
  }
}
