package iommulab.parse;

/**
 * Recognises perf's aggregate labels: {@code CPU7} (-A), {@code S0}, {@code S0-D0}, {@code S0-C1},
 * {@code S0-D0-C1} (--per-socket/-die/-core), {@code S0-D0-L3-ID0} (--per-cache, perf 6.5+), {@code
 * S0-D0-CLS0} (--per-cluster, perf 6.9+) and {@code N0} (--per-node). The topology ones are
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
      if (b[p] != '-') {
        return false;
      }
      int q = p + 1 + topologyLevel(b, p + 1, e);
      int d = digits(b, q, e);
      if (q == p + 1 || d == q) {
        return false;
      }
      p = d;
    }
    return true;
  }

  /**
   * The length of the level letters at {@code p}: {@code D} (die), {@code C} (core), {@code L} and
   * {@code ID} (--per-cache, {@code S0-D0-L3-ID0}), {@code CLS} (--per-cluster, {@code S0-D0-CLS0});
   * 0 when none.
   */
  private static int topologyLevel(char[] b, int p, int e) {
    if (p + 2 < e && b[p] == 'C' && b[p + 1] == 'L' && b[p + 2] == 'S') {
      return 3;
    }
    if (p + 1 < e && b[p] == 'I' && b[p + 1] == 'D') {
      return 2;
    }
    return p < e && (b[p] == 'D' || b[p] == 'C' || b[p] == 'L') ? 1 : 0;
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
