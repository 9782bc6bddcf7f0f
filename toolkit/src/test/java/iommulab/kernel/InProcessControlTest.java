package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.spi.ExecutionControl;
import org.junit.jupiter.api.Test;

/**
 * A stop that comes while JShell is still compiling a cell (no snippet running yet) must keep the
 * cell's snippets from starting at all; a stop outside a cell must stop nothing.
 */
class InProcessControlTest {
  static final AtomicInteger RUNS = new AtomicInteger();

  /** Stands for a compiled snippet's {@code do_it$} method. */
  public static Object snippet() {
    RUNS.incrementAndGet();
    return "value";
  }

  private static Method snippetMethod() throws NoSuchMethodException {
    return InProcessControlTest.class.getMethod("snippet");
  }

  @Test
  void aStopWhileCompilingKeepsEverySnippetOfTheCellFromStarting() throws Exception {
    InProcessControl control = new InProcessControl();
    RUNS.set(0);
    control.beginCell();
    control.stop(); // nothing is running: the cell is still being compiled
    assertTrue(control.stopRequested());
    assertThrows(ExecutionControl.StoppedException.class, () -> control.invoke(snippetMethod()));
    assertThrows(ExecutionControl.StoppedException.class, () -> control.invoke(snippetMethod()));
    assertEquals(0, RUNS.get(), "a stopped cell's snippets never ran");
    control.endCell();

    control.beginCell(); // the next cell starts afresh
    String key = control.invoke(snippetMethod());
    assertEquals("value", control.takeResult(key));
    assertEquals(1, RUNS.get());
    control.endCell();
  }

  @Test
  void aStopOutsideACellStopsNothing() throws Exception {
    InProcessControl control = new InProcessControl();
    RUNS.set(0);
    control.stop(); // an interrupt_request while the session's start-up snippets run, or between cells
    // start-up snippets run outside any cell
    assertEquals("value", control.takeResult(control.invoke(snippetMethod())));
    control.beginCell();
    assertEquals("value", control.takeResult(control.invoke(snippetMethod())));
    control.endCell();
    assertEquals(2, RUNS.get());
  }
}
