package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What cells print reaches the cell's output whole, in order, and without waiting for the cell to end. */
@Timeout(value = 30, unit = java.util.concurrent.TimeUnit.SECONDS)
class StreamRouterTest {
  /** Stream text as it is handed over, one entry per {@code stream} call; safe to read from the test thread. */
  private static final class Streams implements CellOutput {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void stream(String name, String text) {
      calls.add(name + ":" + text);
    }

    @Override
    public void display(Map<String, Object> data, Map<String, Object> metadata) {
      calls.add("display");
    }

    @Override
    public void result(Map<String, Object> data, Map<String, Object> metadata) {
      calls.add("result");
    }

    @Override
    public void error(String ename, String evalue, List<String> traceback) {
      calls.add("error");
    }
  }

  private final StreamRouter router = new StreamRouter();
  private final Streams output = new Streams();

  @AfterEach
  void close() {
    router.close();
  }

  @Test
  void aCharacterSplitAcrossWritesIsHeldBackUntilItIsWhole() {
    router.target(output);
    PrintStream out = router.stdout();
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // E2 82 AC
    byte[] grinning = "😀".getBytes(StandardCharsets.UTF_8); // F0 9F 98 80

    out.write('a');
    out.write(euro, 0, 2);
    router.flush();
    assertEquals("a", text(), "only the whole characters before the split one");

    out.write(euro, 2, 1);
    out.write(grinning, 0, 1);
    router.flush();
    assertEquals("a€", text());
    out.write(grinning, 1, 3);
    out.write('z');
    router.flush();
    assertEquals("a€😀z", text());
    // the periodic flush may have run between the writes too: no hand-over split a character
    for (String call : output.calls) {
      assertTrue(call.startsWith("stdout:") && call.length() > "stdout:".length() && call.indexOf('\uFFFD') < 0,
          output.calls.toString());
    }
  }

  /** All stdout text handed over so far. */
  private String text() {
    return String.join("", output.calls).replace("stdout:", "");
  }

  @Test
  void completeLengthStopsBeforeAnUnfinishedCharacterOnly() {
    byte[] text = "a€😀é".getBytes(StandardCharsets.UTF_8); // 1 + 3 + 4 + 2 bytes
    assertEquals(10, StreamRouter.completeUtf8Length(text));
    // every cut inside a character ends the complete prefix at that character's first byte
    int[] expected = {0, 1, 1, 1, 4, 4, 4, 4, 8, 8, 10};
    for (int cut = 0; cut <= text.length; cut++) {
      byte[] prefix = java.util.Arrays.copyOf(text, cut);
      assertEquals(expected[cut], StreamRouter.completeUtf8Length(prefix), "cut after " + cut + " bytes");
    }
  }

  @Test
  void printedTextArrivesWhileTheCellIsStillRunning() throws InterruptedException {
    router.target(output);
    router.stdout().print("working");
    router.stderr().print("warning");
    // No flush, no end of cell: the periodic flush must hand the text over on its own.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (output.calls.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(List.of("stdout:working", "stderr:warning"), output.calls);
  }

  @Test
  void textPrintedBeforeRichOutputIsHandedOverBeforeIt() {
    router.target(output);
    router.stdout().print("first");
    router.emit(o -> o.display(Map.of("text/plain", "table"), Map.of()));
    router.stdout().print("second");
    router.flush();
    assertEquals(List.of("stdout:first", "display", "stdout:second"), output.calls);
  }

  @Test
  void textPrintedWithNoCellIsKeptForTheNextOne() {
    router.stdout().print("early");
    router.flush();
    router.target(output);
    router.flush();
    assertTrue(output.calls.contains("stdout:early"), output.calls.toString());
  }
}
