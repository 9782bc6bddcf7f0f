package iommulab.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the record tests. */
final class RecordFixtures {
  static final Path CONFIG = Path.of("src/test/resources/config");

  private RecordFixtures() {}

  static Manifest manifest(String id) {
    return Manifest.create(id, "title " + id, "a test record", List.of("tester"),
        "2026-11-24T08:00:00Z", new Host("6.1.0", "Test CPU", 2, 1, "quiet iommu.strict=0"));
  }

  static BootSnapshot boot(String cmdline) {
    return new BootSnapshot(cmdline, "test", false, Map.of(), List.of());
  }

  static Run template(String label, String tool) {
    return new Run(null, label, tool, List.of("qemu-io", "-c", "read 0 4k", "null-co://"),
        "qemu-io -c 'read 0 4k' null-co://", "2026-11-24T08:00:01Z", 0.25, 0, RunStatus.COMPLETE,
        ParseStatus.OK, "", null, List.of(), boot("iommu.passthrough=1 iommu.strict=0 cma=0"),
        new Device("0003:04:00.0", "144d:a808", "vfio-pci", null, "", ""),
        Map.of("block_size", "4096"), List.of());
  }

  /** What capture printed on the terminal streams and progress, kept for assertions. */
  record Terminal(ByteArrayOutputStream out, ByteArrayOutputStream err, ByteArrayOutputStream progress) {
    static Terminal create() {
      return new Terminal(new ByteArrayOutputStream(), new ByteArrayOutputStream(),
          new ByteArrayOutputStream());
    }

    String outText() {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  static Capture.Outcome capture(Path dir, String label, Terminal t, String... command)
      throws IOException, RecordException {
    return Capture.run(new Capture.Request(dir, label, List.of(command), null, Map.of("k", label),
            CONFIG.resolve("sysfs-identity"), "", Duration.ZERO),
        t.out(), t.err(), new PrintStream(t.progress(), true, StandardCharsets.UTF_8));
  }
}
