package iommulab.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunTest {
  private static Run withCommandLine(String line) {
    Run t = RecordFixtures.template("strict", "qemu-io");
    return new Run(t.id(), t.label(), t.tool(), t.command(), line, t.start(), t.durationSeconds(),
        t.exitStatus(), t.status(), t.parseStatus(), t.parseMessage(), t.parsedFile(), t.files(),
        t.boot(), t.device(), Map.of(), List.of());
  }

  @Test
  void shortCommandsAreShownWhole() {
    assertEquals("qemu-io -c 'read 0 4k' null-co://",
        withCommandLine("qemu-io -c 'read 0 4k' null-co://").commandPreview(40));
  }

  @Test
  void longCommandsAreCutAndTheCutIsSaid() {
    String line = "qemu-io" + " -c 'read 0 4096'".repeat(2048) + " null-co://";
    String preview = withCommandLine(line).commandPreview(60);
    assertEquals(60 - 24, preview.indexOf(" ... (+"));
    assertEquals(line.substring(0, 36) + " ... (+" + (line.length() - 36) + " characters)", preview);
  }
}
