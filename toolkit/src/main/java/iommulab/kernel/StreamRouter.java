package iommulab.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Collects what cells print on {@code System.out}/{@code System.err} and hands it to the current
 * {@link CellOutput} in batches: at most every {@value #FLUSH_MILLIS} ms, before any rich output (so
 * order is kept) and at the end of the cell. One message per printed line would flood IOPub.
 */
final class StreamRouter {
  static final long FLUSH_MILLIS = 100;

  private final Object lock = new Object();
  private final ByteBuffer out = new ByteBuffer();
  private final ByteBuffer err = new ByteBuffer();
  private final ScheduledExecutorService flusher;
  private CellOutput target;

  StreamRouter() {
    flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "iommulab-stream-flush");
              t.setDaemon(true);
              return t;
            });
    flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  PrintStream stdout() {
    return new PrintStream(new Sink(out), true, StandardCharsets.UTF_8);
  }

  PrintStream stderr() {
    return new PrintStream(new Sink(err), true, StandardCharsets.UTF_8);
  }

  /** Output printed from now on goes to {@code output} (null: kept until a target is set). */
  void target(CellOutput output) {
    synchronized (lock) {
      flushLocked();
      target = output;
    }
  }

  /** Runs {@code action} on the target after flushing pending text, so nothing overtakes it. */
  void emit(java.util.function.Consumer<CellOutput> action) {
    synchronized (lock) {
      flushLocked();
      if (target != null) {
        action.accept(target);
      }
    }
  }

  void flush() {
    synchronized (lock) {
      flushLocked();
    }
  }

  private void flushLocked() {
    if (target == null) {
      return;
    }
    // stderr first only when it alone has text; interleaving within one batch is not tracked.
    String o = out.drain();
    String e = err.drain();
    if (!o.isEmpty()) {
      target.stream("stdout", o);
    }
    if (!e.isEmpty()) {
      target.stream("stderr", e);
    }
  }

  void close() {
    flusher.shutdownNow();
    flush();
  }

  /** Bytes written so far, decoded as UTF-8 only up to the last complete character. */
  private final class ByteBuffer {
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

    void write(byte[] b, int off, int len) {
      synchronized (lock) {
        bytes.write(b, off, len);
      }
    }

    String drain() {
      byte[] all = bytes.toByteArray();
      int end = completeUtf8Length(all);
      bytes.reset();
      bytes.write(all, end, all.length - end);
      return new String(all, 0, end, StandardCharsets.UTF_8);
    }
  }

  /** Length of the prefix of {@code b} that does not end inside a multi-byte UTF-8 character. */
  static int completeUtf8Length(byte[] b) {
    int n = b.length;
    for (int back = 1; back <= Math.min(3, n); back++) {
      int c = b[n - back] & 0xff;
      if ((c & 0xC0) == 0x80) {
        continue; // continuation byte: look further back for the lead byte
      }
      int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      return need > back ? n - back : n;
    }
    return n;
  }

  private static final class Sink extends OutputStream {
    private final ByteBuffer buffer;

    Sink(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    @Override
    public void write(int b) {
      buffer.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      buffer.write(b, off, len);
    }
  }
}
