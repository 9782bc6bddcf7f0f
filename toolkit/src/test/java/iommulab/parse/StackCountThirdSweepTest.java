package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the third sweep of real bcc stackcount 0.26 / bpftrace 0.17 outputs found (2026-12-07, the
 * fixtures' README.md); each test failed before its fix.
 */
class StackCountThirdSweepTest {
  @Test
  void aMapPrintedAgainAfterAnotherOneStartsTheNextInterval() throws Exception {
    // real: interval:s:1 { print(@a); print(@b); clear(@a); clear(@b); }, no time(): three prints and
    // the dump at exit. @a's second print did not drop below @b's last value, so all three prints
    // were read as interval 0.
    StackCountResult r = StackCount.parse(StackCountGoldenTest.DIR.resolve("bt-two-maps-interval.txt"));
    assertEquals(List.of(0, 0, 1, 1, 2, 2, 3, 3), r.stacks().stream().map(Stack::interval).toList());
    assertEquals(List.of(9L, 10L, 9L, 9L, 12L, 9L, 4L, 5L), r.stacks().stream().map(Stack::count).toList());
    assertEquals(4, r.facts().get("intervals"));
  }

  @Test
  void aMapWithoutStacksBetweenTwoPrintsOfAStackMapSeparatesThem() throws Exception {
    // print(@a); print(@n); with @n[comm] = count(): @a's second print has higher values than its first
    String text = "@a[\n    f\n]: 3\n@n[cat]: 7\n@a[\n    f\n]: 4\n@n[cat]: 9\n";
    StackCountResult r = StackCount.parse(text, StackCountTest.STRICT);
    assertEquals(List.of(0, 1), r.stacks().stream().map(Stack::interval).toList());
  }

  @Test
  void entriesOfOneMapInAscendingOrderStayInOneInterval() throws Exception {
    String text = "@a[\n    f\n]: 3\n@a[\n    g\n]: 4\n@b[\n    f\n]: 1\n@c[\n    f\n]: 1\n";
    StackCountResult r = StackCount.parse(text, StackCountTest.STRICT);
    assertEquals(List.of(0, 0, 0, 0), r.stacks().stream().map(Stack::interval).toList());
  }
}
