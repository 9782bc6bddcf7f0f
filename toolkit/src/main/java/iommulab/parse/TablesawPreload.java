package iommulab.parse;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads Tablesaw's {@code Table} class on a daemon thread. Its static initializer scans the class
 * path for readers and writers with ClassGraph, which costs about a CPU second in the all-in-one
 * jar before any table exists; the parsers fill primitive columns without it, so on a second core
 * it is done by the time a table is built. Only the first call per JVM starts a thread.
 */
final class TablesawPreload {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private TablesawPreload() {}

  static void start() {
    if (STARTED.compareAndSet(false, true)) {
      Thread t = new Thread(TablesawPreload::load, "tablesaw-preload");
      t.setDaemon(true);
      t.start();
    }
  }

  private static void load() {
    try {
      Class.forName("tech.tablesaw.api.Table", true, TablesawPreload.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      // the parser loads the class itself when it builds the table and reports the problem there
    }
  }
}
