package iommulab.parse;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Times the stackcount parser alone until the {@code parse} CLI is merged:
 * {@code java -cp iommulab.jar iommulab.parse.StackCountBench FILE [summary|csv|folded]}.
 */
final class StackCountBench {
  private StackCountBench() {}

  public static void main(String[] args) throws Exception {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    StackCountResult r = StackCount.parse(Path.of(args[0]));
    System.err.printf(
        "in-process parse %.3f s wall, %.3f s CPU of the parsing thread%n",
        (System.nanoTime() - t0) / 1e9, (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
    String format = args.length > 1 ? args[1] : "summary";
    var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    switch (format) {
      case "csv" -> TableCsv.write(r.table(), out);
      case "folded" -> r.writeFolded(out);
      default -> out.append(r.summary()).append('\n');
    }
    for (Warning w : r.warnings()) {
      System.err.println(w);
    }
    out.flush();
    if (Boolean.getBoolean("iommulab.bench.threads")) {
      printThreadCpu();
    }
  }

  /** CPU seconds per thread of this process (JIT, GC and class-loading threads included), from /proc. */
  private static void printThreadCpu() throws java.io.IOException {
    var totals = new java.util.TreeMap<String, Double>();
    try (var tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat = java.nio.file.Files.readString(task.resolve("stat"));
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        totals.merge(name, seconds, Double::sum);
      }
    }
    totals.forEach((name, sec) -> System.err.printf("%-20s %.2f s%n", name, sec));
  }
}
