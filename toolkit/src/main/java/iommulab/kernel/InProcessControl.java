package iommulab.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell snippets in this JVM and keeps each snippet's real result object, so renderers see a
 * {@code Table} rather than its {@code toString()}. JShell only carries a String back from
 * {@link #invoke(Method)}; that String is a key into {@link #takeResult(String)}.
 *
 * <p>Interrupting: {@link #stop()} interrupts the thread running the snippet; code that never looks at
 * its interrupt flag is stopped with {@code Thread.stop()} after a grace period (still available on
 * Java 17, the toolkit's target; it throws {@code ThreadDeath} inside the snippet only).
 */
final class InProcessControl extends DirectExecutionControl {
  private static final long STOP_GRACE_MILLIS = 500;

  private final Map<String, Object> results = new ConcurrentHashMap<>();
  private final AtomicLong nextKey = new AtomicLong();
  private volatile Thread running;
  /** Counts invocations, so a late {@code Thread.stop} never hits the next snippet on that thread. */
  private final AtomicLong invocation = new AtomicLong();
  private volatile boolean stopRequested;
  private volatile Throwable lastThrown;

  private volatile boolean cellActive;

  /** A cell starts: a stop from now on ends it, even while JShell is still compiling. */
  void beginCell() {
    stopRequested = false;
    cellActive = true;
  }

  void endCell() {
    cellActive = false;
  }

  @Override
  protected String invoke(Method doitMethod) throws Exception {
    if (stopRequested) {
      throw new ExecutionControl.StoppedException();
    }
    lastThrown = null;
    invocation.incrementAndGet();
    running = Thread.currentThread();
    try {
      Object value = doitMethod.invoke(null);
      String key = "#" + nextKey.incrementAndGet();
      if (value != null) {
        results.put(key, value);
      }
      return key;
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (stopRequested || cause instanceof ThreadDeath) {
        stopRequested = true;
        throw new ExecutionControl.StoppedException();
      }
      lastThrown = cause;
      throw e;
    } finally {
      running = null;
      Thread.interrupted(); // an interrupt aimed at this cell must not leak into the next one
    }
  }

  /** The value a snippet produced, removed from the table; null for no value or {@code null}. */
  Object takeResult(String key) {
    return key == null ? null : results.remove(key);
  }

  /** True when {@link #stop()} was called since the cell began. */
  boolean stopRequested() {
    return stopRequested;
  }

  /** The exception the last snippet threw, as thrown (JShell only passes on a copy of its text). */
  Throwable lastThrown() {
    return lastThrown;
  }

  @Override
  @SuppressWarnings("removal")
  public void stop() {
    if (!cellActive) {
      return;
    }
    long stopping = invocation.get();
    stopRequested = true;
    Thread t = running;
    if (t == null) {
      return; // compiling: invoke() sees the flag and does not start the snippet
    }
    t.interrupt();
    Thread killer =
        new Thread(
            () -> {
              try {
                t.join(STOP_GRACE_MILLIS);
              } catch (InterruptedException e) {
                return;
              }
              if (running == t && invocation.get() == stopping) {
                t.stop();
              }
            },
            "iommulab-stop");
    killer.setDaemon(true);
    killer.start();
  }

  /** Hands one pre-built control to JShell's builder. */
  static final class Provider implements ExecutionControlProvider {
    private final InProcessControl control;

    Provider(InProcessControl control) {
      this.control = control;
    }

    @Override
    public String name() {
      return "iommulab-in-process";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
      return control;
    }
  }
}
