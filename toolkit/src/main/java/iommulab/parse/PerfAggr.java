package iommulab.parse;

/**
 * Recognises perf's aggregate labels: {@code CPU7} (-A), {@code S0}, {@code S0-D0}, {@code S0-C1},
 * {@code S0-D0-C1} (--per-socket/-die/-core) and {@code N0} (--per-node). The topology ones are
 * followed by the number of CPUs they sum; a {@code comm-tid} of --per-thread is anything else.
 */
final class PerfAggr {
  /** The longest command name the kernel keeps ({@code TASK_COMM_LEN} 16, with its NUL). */
  static final int MAX_COMM_CHARS = 15;

  private PerfAggr() {}

  static boolean isCpu(char[] b, int s, int e) {
    return e - s > 3 && b[s] == 'C' && b[s + 1] == 'P' && b[s + 2] == 'U' && digits(b, s + 3, e) == e;
  }

  static boolean isTopology(char[] b, int s, int e) {
    if (e - s >= 2 && b[s] == 'N') {
      return digits(b, s + 1, e) == e;
    }
    if (e - s < 2 || b[s] != 'S') {
      return false;
    }
    int p = digits(b, s + 1, e);
    if (p == s + 1) {
      return false;
    }
    while (p < e) {
      if (b[p] != '-' || p + 2 >= e + 1 || (p + 1 < e && b[p + 1] != 'D' && b[p + 1] != 'C')) {
        return false;
      }
      int q = digits(b, p + 2, e);
      if (q == p + 2) {
        return false;
      }
      p = q;
    }
    return true;
  }

  /** {@code comm-tid} of --per-thread: anything ending in a dash and digits. */
  static boolean isCommTid(char[] b, int s, int e) {
    int p = e;
    while (p > s && b[p - 1] >= '0' && b[p - 1] <= '9') {
      p--;
    }
    return p < e && p - 1 > s && b[p - 1] == '-';
  }

  static boolean isCpuOrTopology(char[] b, int s, int e) {
    return isCpu(b, s, e) || isTopology(b, s, e);
  }

  /** End of the run of digits starting at {@code p}. */
  private static int digits(char[] b, int p, int e) {
    while (p < e && b[p] >= '0' && b[p] <= '9') {
      p++;
    }
    return p;
  }
}
