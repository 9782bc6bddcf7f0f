package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ToolTest {
  @Test
  void looksUpCliNamesLeniently() {
    assertEquals(Tool.PERF_STAT, Tool.fromCliName("perf-stat"));
    assertEquals(Tool.PERF_STAT, Tool.fromCliName("PERF_STAT"));
    assertEquals(Tool.QEMU_IO, Tool.fromCliName("qemuio"));
  }

  @Test
  void unknownToolNamesTheAcceptedOnes() {
    var e = assertThrows(IllegalArgumentException.class, () -> Tool.fromCliName("fio"));
    assertEquals("unknown tool 'fio'; expected one of qemu-io, perf-stat, stackcount", e.getMessage());
  }
}
