package iommulab.record;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises manifest updates of one record across threads and processes: an in-JVM lock (file locks
 * are per process) plus an exclusive lock on {@code .iommulab.lock} in the record directory. Held only
 * for a read-modify-write of the manifest, so several captures can run into one record at once.
 */
final class RecordLock implements AutoCloseable {
  static final String FILE = ".iommulab.lock";
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();
  private static final long WAIT_MILLIS = 30_000;

  private final ReentrantLock local;
  private final FileChannel channel;
  private final FileLock lock;

  private RecordLock(ReentrantLock local, FileChannel channel, FileLock lock) {
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  static RecordLock acquire(Path dir) throws IOException, RecordException {
    Path key = dir.toAbsolutePath().normalize();
    ReentrantLock local = LOCAL.computeIfAbsent(key, k -> new ReentrantLock());
    try {
      if (!local.tryLock(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        throw new RecordException(key.resolve(FILE) + ": another update held the lock for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecordException(key.resolve(FILE) + ": interrupted while waiting for the lock", e);
    }
    FileChannel ch = null;
    try {
      ch = FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
      FileLock l;
      while ((l = ch.tryLock()) == null) {
        if (System.nanoTime() > deadline) {
          throw new RecordException(key.resolve(FILE) + ": another process held the lock for 30 s");
        }
        Thread.sleep(20);
      }
      return new RecordLock(local, ch, l);
    } catch (IOException | RecordException | RuntimeException e) {
      closeQuietly(ch);
      local.unlock();
      throw e;
    } catch (InterruptedException e) {
      closeQuietly(ch);
      local.unlock();
      Thread.currentThread().interrupt();
      throw new RecordException(key.resolve(FILE) + ": interrupted while waiting for the lock", e);
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // Closing releases the lock; there is nothing else to undo.
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
      channel.close();
    } finally {
      local.unlock();
    }
  }
}
