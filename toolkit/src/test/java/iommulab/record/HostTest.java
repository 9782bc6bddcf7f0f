package iommulab.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HostTest {
  @Test
  void aTranscribedRecordSaysItsHostWasNotRecorded() {
    assertEquals("not recorded", new Host("", "", 0, 0, "").describe());
  }

  @Test
  void aCapturedHostReadsAsOneLine() {
    assertEquals("Linux 6.18.44-fc-v782, AMD EPYC, 2 CPUs, 1 NUMA node(s)",
        new Host("6.18.44-fc-v782", "AMD EPYC", 2, 1, "console=ttyS0").describe());
  }
}
