package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ToolDetectorTest {
  private static final Path DETECT = Path.of("src/test/resources/detect");

  @ParameterizedTest
  @CsvSource({
    "perf-csv-sw.txt, PERF_STAT",
    "perf-std-sw.txt, PERF_STAT",
    "perf-std-sw-en_US.txt, PERF_STAT",
    "stackcount-sched_switch.txt, STACKCOUNT",
    "stackcount-P-sched_switch.txt, STACKCOUNT",
    "stackcount-f-sched_switch.txt, STACKCOUNT",
    "stackcount-fP-sched_switch.txt, STACKCOUNT"
  })
  void recognisesRealCaptures(String file, Tool expected) throws Exception {
    assertEquals(Optional.of(expected), ToolDetector.detect(DETECT.resolve(file)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // the reference page's outputs, as printed
        "read 1073741824/1073741824 bytes at offset 0\\n1 GiB, 1 ops; 0:00:06.81 (150.337 MiB/sec and 0.1468 ops/sec)| QEMU_IO",
        // qemu-io 7.2 here: -c 'bogus' and -c 'read -P' on null-co://
        "command \"bogus\" not found| QEMU_IO",
        "bad argument count 1 to read, expected at least 2 arguments| QEMU_IO",
        "qemu-io: can't open device nvme://0003:04:00.0/1: Failed to open VFIO group file| QEMU_IO",
        "Performance counter stats for 'system wide':\\n\\n            622224      smmuv3_pmcg_27ffe0202/transaction/\\n\\n       1.002288245 seconds time elapsed| PERF_STAT",
        "event syntax error: 'foo'\\n                     \\___ parser error| PERF_STAT",
        "  b'arm_smmu_tlb_inv_page_nosync'\\n  b'__arm_lpae_unmap'\\n    262276| STACKCOUNT",
        "@[\\n    __schedule+1\\n]: 12| STACKCOUNT",
        // bcc's own error reports (real: stackcount-bpfcc t:syscalls:sys_enter_kexec_load, no headers)
        "No functions matched by pattern ^syscalls:sys_enter_kexec_load$| STACKCOUNT",
        "Failed to compile BPF module <text>| STACKCOUNT"
      })
  void recognisesPastedText(String text, Tool expected) {
    assertEquals(Optional.of(expected), ToolDetector.detect(text.replace("\\n", "\n")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "hello world", "\n\n\n", "just some notes about iommu.strict=0"})
  void saysNothingWhenNothingIsRecognised(String text) {
    assertEquals(Optional.empty(), ToolDetector.detect(text));
  }

  @org.junit.jupiter.api.Test
  void onlyTheHeadIsRead() {
    String head = "x\n".repeat(ToolDetector.HEAD_CHARS / 2);
    String text = head + "Performance counter stats for 'sleep 1':\n";
    assertEquals(Optional.empty(), ToolDetector.detect(text));
  }
}
