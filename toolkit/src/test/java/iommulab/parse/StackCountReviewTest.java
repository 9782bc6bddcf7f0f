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
}
