import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A lower bound for parsing perf stat's human {@code -I -A} form in a fresh JVM: the least work a
 * parser can do and still fill a table, to tell what the JVM itself costs. It reads bytes (no
 * decoding), trusts the layout of {@code ../shared/bench/gen.py}'s file (no checks, no errors, no
 * status, unit, run or percentage columns), keeps only the timestamp, aggregate, value, event,
 * metric and line, and builds a Tablesaw table of six primitive columns. It is not a parser: wrong
 * input gives wrong numbers. {@code toolkit/bench/human-floor.sh} times it beside pandas and
 * iommulab.
 *
 * <p>Usage: {@code java -cp iommulab.jar:CLASSES HumanFormFloor FILE [THREADS]}. One thread streams
 * the file in 1 MiB reads; more threads read it whole and split it at line ends.
 */
public final class HumanFormFloor {
  /** Parses lines in {@code b[from, to)} into its own arrays, keeping row and line counts across calls. */
  private static final class Part {
    private static final int SLOTS = 1024;
    byte[] b;
    int from;
    int to;
    int rows;
    int lines;
    double[] time;
    double[] value;
    double[] metric;
    int[] aggr;
    int[] event;
    int[] line;
    final List<String> names = new ArrayList<>();
    private final byte[][] keys = new byte[SLOTS][];
    private final long[] hashes = new long[SLOTS];
    private final int[] ids = new int[SLOTS];
    /** The value the last {@link #decimal} call read. */
    private double decimal;

    Part(byte[] b, int from, int to, int capacity) {
      this.b = b;
      this.from = from;
      this.to = to;
      time = new double[capacity];
      value = new double[capacity];
      metric = new double[capacity];
      aggr = new int[capacity];
      event = new int[capacity];
      line = new int[capacity];
    }

    /** Dictionary id of the bytes {@code b[s, e)}; at most {@code SLOTS} distinct names. */
    int id(int s, int e) {
      long h = 1469598103934665603L;
      for (int i = s; i < e; i++) {
        h = (h ^ b[i]) * 1099511628211L;
      }
      int slot = (int) (h ^ (h >>> 29)) & (SLOTS - 1);
      while (keys[slot] != null) {
        if (hashes[slot] == h && Arrays.equals(keys[slot], 0, keys[slot].length, b, s, e)) {
          return ids[slot];
        }
        slot = (slot + 1) & (SLOTS - 1);
      }
      keys[slot] = Arrays.copyOfRange(b, s, e);
      hashes[slot] = h;
      ids[slot] = names.size();
      names.add(new String(b, s, e - s, StandardCharsets.UTF_8));
      return ids[slot];
    }

    void run() {
      byte[] b = this.b;
      int row = rows;
      int lineNo = lines;
      int p = from;
      while (p < to) {
        int e = p;
        while (e < to && b[e] != '\n') {
          e++;
        }
        lineNo++;
        int q = skip(b, p, e);
        if (q < e && b[q] != '#') {
          q = decimal(b, q, e);
          time[row] = decimal;
          q = skip(b, q, e);
          int start = q;
          while (q < e && b[q] != ' ') {
            q++;
          }
          aggr[row] = id(start, q);
          q = skip(b, q, e);
          long count = 0;
          for (; q < e && b[q] != ' '; q++) {
            if (b[q] != ',') {
              count = count * 10 + (b[q] - '0');
            }
          }
          value[row] = count;
          q = skip(b, q, e);
          start = q;
          while (q < e && !(b[q] == ' ' && (q + 1 >= e || b[q + 1] == ' '))) {
            q++;
          }
          event[row] = id(start, q);
          q = skip(b, q, e);
          metric[row] = Double.NaN;
          if (q < e && b[q] == '#') {
            q = skip(b, q + 1, e);
            q = decimal(b, q, e);
            metric[row] = decimal;
          }
          line[row] = lineNo;
          row++;
        }
        p = e + 1;
      }
      rows = row;
      lines = lineNo;
    }

    /** Reads digits with at most one '.' from {@code p} into {@link #decimal}; returns where they end. */
    private int decimal(byte[] b, int p, int e) {
      long digits = 0;
      int fraction = -1;
      for (; p < e && (b[p] == '.' || (b[p] >= '0' && b[p] <= '9')); p++) {
        if (b[p] == '.') {
          fraction = 0;
        } else {
          digits = digits * 10 + (b[p] - '0');
          fraction += fraction >= 0 ? 1 : 0;
        }
      }
      decimal = digits / pow10(fraction);
      return p;
    }

    private static int skip(byte[] b, int p, int e) {
      while (p < e && b[p] == ' ') {
        p++;
      }
      return p;
    }

    private static double pow10(int k) {
      double d = 1;
      for (int i = 0; i < k; i++) {
        d *= 10;
      }
      return d;
    }
  }

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    iommulab.parse.TablesawStartup.initializeInBackground();
    Path file = Path.of(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int capacity = (int) (Files.size(file) / 100 + 1024);
    Part[] parts = threads == 1 ? new Part[] {stream(file, capacity)} : split(file, threads, capacity);
    long parsed = System.nanoTime();
    Table table = join(parts);
    long built = System.nanoTime();
    System.out.printf("%d rows, %d names; parse %.0f ms, table %.0f ms%n", table.rowCount(),
        parts[0].names.size(), (parsed - start) / 1e6, (built - parsed) / 1e6);
  }

  private static Part stream(Path file, int capacity) throws IOException {
    Part part = new Part(new byte[1 << 20], 0, 0, capacity);
    try (InputStream in = Files.newInputStream(file)) {
      int have = 0;
      for (int n; (n = in.read(part.b, have, part.b.length - have)) >= 0; ) {
        have += n;
        int last = have;
        while (last > 0 && part.b[last - 1] != '\n') {
          last--;
        }
        part.from = 0;
        part.to = last;
        part.run();
        System.arraycopy(part.b, last, part.b, 0, have - last);
        have -= last;
      }
    }
    return part;
  }

  private static Part[] split(Path file, int threads, int capacity) throws Exception {
    byte[] b = Files.readAllBytes(file);
    Part[] parts = new Part[threads];
    int from = 0;
    for (int i = 0; i < threads; i++) {
      int to = i == threads - 1 ? b.length : (int) ((long) b.length * (i + 1) / threads);
      while (to < b.length && b[to - 1] != '\n') {
        to++;
      }
      parts[i] = new Part(b, from, to, capacity / threads + 1024);
      from = to;
    }
    Thread[] workers = new Thread[threads];
    for (int i = 1; i < threads; i++) {
      workers[i] = new Thread(parts[i]::run);
      workers[i].start();
    }
    parts[0].run();
    for (int i = 1; i < threads; i++) {
      workers[i].join();
    }
    return parts;
  }

  private static Table join(Part[] parts) {
    int total = 0;
    for (Part p : parts) {
      total += p.rows;
    }
    double[] time = new double[total];
    double[] value = new double[total];
    double[] metric = new double[total];
    int[] aggr = new int[total];
    int[] event = new int[total];
    int[] line = new int[total];
    Map<String, Integer> names = new HashMap<>();
    int offset = 0;
    int lineOffset = 0;
    for (Part p : parts) {
      int[] remap = new int[p.names.size()];
      for (int i = 0; i < remap.length; i++) {
        remap[i] = names.computeIfAbsent(p.names.get(i), k -> names.size());
      }
      System.arraycopy(p.time, 0, time, offset, p.rows);
      System.arraycopy(p.value, 0, value, offset, p.rows);
      System.arraycopy(p.metric, 0, metric, offset, p.rows);
      for (int i = 0; i < p.rows; i++) {
        aggr[offset + i] = remap[p.aggr[i]];
        event[offset + i] = remap[p.event[i]];
        line[offset + i] = p.line[i] + lineOffset;
      }
      offset += p.rows;
      lineOffset += p.lines;
    }
    return Table.create("perf-stat", DoubleColumn.create("interval_s", time), IntColumn.create("aggr", aggr),
        DoubleColumn.create("value", value), IntColumn.create("event", event),
        DoubleColumn.create("metric_value", metric), IntColumn.create("line", line));
  }
}
