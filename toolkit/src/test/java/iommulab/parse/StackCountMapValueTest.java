package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * bpftrace map entries whose value is not a plain number (bpftrace 0.17's {@code src/output.cpp}:
 * {@code stats()} prints {@code count N, average N, total N}, {@code hist()}/{@code lhist()} print
 * nothing after {@code ]: } and their buckets below, a stack value its frames below, strings and
 * {@code ksym()} as text). Each failed before the fix: such a one-line entry was read as the opening
 * of a multi-line key, its lines and the ones after it kept as an unfinished stack.
 */
class StackCountMapValueTest {
  static final ParseOptions LENIENT = StackCountTest.LENIENT;
  static final String EXPECTED = "; expected ']: N' or ', comm]: N' closing the bpftrace map entry";

  @Test
  void entriesOfMapsWithoutAStackAreCountedWhateverTheirValue() throws Exception {
    // real: stats(), hist(), lhist(), avg(), comm, (pid, comm), ksym() and kstack(3) values keyed by
    // comm or pid, beside one @c[kstack] = count() map (fixtures' README.md)
    StackCountResult r = StackCount.parse(StackCountGoldenTest.DIR.resolve("bt-nonstack-values.txt"));
    assertEquals(List.of(1536L), r.stacks().stream().map(Stack::count).toList());
    assertEquals(List.of("@c"), r.facts().get("maps"));
    // 2 entries each, but @str (48); '@k[cat]: _text@k[mkdir]: _text' is one line of two entries
    assertEquals(62L, r.facts().get("non_stack_entries"));
    assertEquals(List.of("@a", "@h", "@k", "@l", "@s", "@str", "@t", "@v"), r.facts().get("non_stack_maps"));
    assertEquals(List.of(), r.unrecognized());
    assertEquals(
        List.of(StackCountSweepTest.MEMLOCK_WARNING,
            new Warning(5, "62 entries of maps @a, @h, @k, @l, @s, @str, @t, @v left out of the table because"
                + " their keys hold no stack")),
        r.warnings());
  }

  @Test
  void theEmptyLineAfterAHistogramOrAStatsMapIsNotANewInterval() throws Exception {
    String text = "@a[\n    f\n]: 3\n"
        + "@h[cat]: \n[0]                   48 |@@@      |\n[512K, 1M)           696 |@@@@@@@@@|\n\n"
        + "@s[cat]: count 744, average 490462, total 364904448\n\n"
        + "@v[cat]: \n        perf_syscall_enter+475\n        do_syscall_64+527\n\n"
        + "@b[\n    g\n]: 5\n";
    StackCountResult r = StackCount.parse(text, StackCountTest.STRICT);
    assertEquals(List.of(3L, 5L), r.stacks().stream().map(Stack::count).toList());
    assertEquals(List.of(0, 0), r.stacks().stream().map(Stack::interval).toList());
    assertEquals(3L, r.facts().get("non_stack_entries"));
  }

  @Test
  void aStatsValueOfAStackIsAParseException() {
    ParseException multi = assertThrows(ParseException.class, () -> StackCount.parse(
        "@s[\n    perf_syscall_enter+475\n]: count 4212, average 492355, total 2073803368\n", LENIENT));
    assertEquals("s.txt:3:4: stats() value 'count 4212, average 492355, total 2073803368' for a stack of map @s,"
        + " not a count" + EXPECTED, multi.getMessage());
    ParseException one = assertThrows(ParseException.class,
        () -> StackCount.parse("@s[]: count 3, average 5, total 15\n", LENIENT));
    assertEquals("s.txt:1:7: stats() value 'count 3, average 5, total 15' for a stack of map @s, not a count"
        + EXPECTED, one.getMessage());
  }

  @Test
  void aHistogramOrStackValueOfAStackIsAParseException() {
    ParseException hist = assertThrows(ParseException.class, () -> StackCount.parse(
        "@h[\n    f\n]: \n[0]                  156 |@@      |\n\n", LENIENT));
    assertEquals("s.txt:3:4: no value after ']: ' (a hist() or lhist() histogram or a stack follows) for a stack"
        + " of map @h, not a count" + EXPECTED, hist.getMessage());
    ParseException lhist = assertThrows(ParseException.class, () -> StackCount.parse(
        "@l[\n    f\n, rmdir]: \n[0, 100000)           26 |@   |\n\n", LENIENT));
    assertEquals("s.txt:3:11: no value after ']: ' (a hist() or lhist() histogram or a stack follows) for a"
        + " stack of map @l, not a count" + EXPECTED, lhist.getMessage());
    ParseException one = assertThrows(ParseException.class,
        () -> StackCount.parse("@h[, cat]: \n[0]                  156 |@@      |\n\n", LENIENT));
    assertEquals("s.txt:1:12: no value after ']: ' (a hist() or lhist() histogram or a stack follows) for a"
        + " stack of map @h, not a count" + EXPECTED, one.getMessage());
  }

  @Test
  void aStringValueOfAStackIsAParseException() {
    ParseException multi = assertThrows(ParseException.class,
        () -> StackCount.parse("@str[\n    f\n]: sleep\n", LENIENT));
    assertEquals("s.txt:3:4: value 'sleep' for a stack of map @str, not a count" + EXPECTED, multi.getMessage());
    ParseException one = assertThrows(ParseException.class, () -> StackCount.parse("@x[]: foo\n", LENIENT));
    assertEquals("s.txt:1:7: value 'foo' for a stack of map @x, not a count" + EXPECTED, one.getMessage());
  }

  @Test
  void oneLineEntriesOfScalarKeysWithTextValuesAreNotOpeningKeys() throws Exception {
    StackCountResult r = StackCount.parse(
        "@x[1]: foo\n@t[cat]: (20142, cat)\n@n[::1]: 5\n@[\n    f\n]: 2\n", StackCountTest.STRICT);
    assertEquals(List.of(2L), r.stacks().stream().map(Stack::count).toList());
    assertEquals(3L, r.facts().get("non_stack_entries"));
    assertEquals(List.of("@x", "@t", "@n"), r.facts().get("non_stack_maps"));
  }
}
