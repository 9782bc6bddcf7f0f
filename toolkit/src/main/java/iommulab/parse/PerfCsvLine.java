package iommulab.parse;

/**
 * Parses one line of {@code perf stat -x SEP}:
 * {@code [TIME,][AGGR,[CPUS,]]VALUE,UNIT,EVENT,[VAR%,]RUNTIME,PCT[,METRIC,METRIC UNIT]}. perf quotes
 * nothing, so the metric unit (last) may contain the separator ({@code -x' '}) and is taken to the
 * end of the line. The optional leading fields are told apart by the fixed core
 * {@code VALUE,UNIT,EVENT,...,RUNTIME,PCT}: the first offset where that core fits wins.
 */
final class PerfCsvLine {
  static final String SHAPE =
      "'[TIME,][AGGR,[CPUS,]]VALUE,UNIT,EVENT,[VAR%,]RUNTIME,PCT[,METRIC,METRIC UNIT]'";
  private static final int MAX_FIELDS = 24;
  private static final char[] NOT_COUNTED = "<not counted>".toCharArray();
  private static final char[] NOT_SUPPORTED = "<not supported>".toCharArray();
  private static final char[] SUMMARY = "summary".toCharArray();

  private final PerfProblem problem;
  private final int[] starts = new int[MAX_FIELDS];
  private final int[] ends = new int[MAX_FIELDS];
  private int count;

  PerfCsvLine(PerfProblem problem) {
    this.problem = problem;
  }

  /**
   * @param strictShape true once the input is known to be CSV with this separator: a line that starts
   *     like a record but does not fit is then MALFORMED rather than NOT_RECORD
   */
  int parse(char[] b, int s, int e, char sep, PerfReading r, boolean strictShape) {
    r.reset(b);
    int p = s;
    while (p < e && b[p] == ' ') {
      p++;
    }
    split(b, p, e, sep);
    if (count < 5) {
      return notRecord(b, s, e, sep, strictShape, "too few fields");
    }
    for (int k = 0; k <= 3 && k + 4 < count; k++) {
      int runtime = core(b, k);
      if (runtime > 0 && prefix(b, k, r)) {
        return fill(b, k, runtime, e, r);
      }
    }
    return notRecord(b, s, e, sep, strictShape, "fields do not match perf's CSV layout");
  }

  private int notRecord(char[] b, int s, int e, char sep, boolean strictShape, String why) {
    if (!strictShape || count < 2) {
      return PerfProblem.NOT_RECORD;
    }
    int f0s = starts[0];
    int f0e = PerfHumanLine.trimEnd(b, f0s, ends[0]);
    boolean startsLikeRecord =
        PerfNumbers.looksNumeric(b, f0s, f0e) || (f0e > f0s && b[f0s] == '<')
            || PerfHumanLine.matches(b, f0s, f0e, SUMMARY) || PerfAggr.isCpuOrTopology(b, f0s, f0e);
    if (!startsLikeRecord) {
      return PerfProblem.NOT_RECORD;
    }
    return problem.fail(s, f0s, why + " (" + count + " fields separated by '" + sep + "')", SHAPE);
  }

  private void split(char[] b, int p, int e, char sep) {
    count = 0;
    int fieldStart = p;
    for (int i = p; i < e && count < MAX_FIELDS - 1; i++) {
      if (b[i] == sep) {
        starts[count] = fieldStart;
        ends[count] = i;
        count++;
        fieldStart = i + 1;
      }
    }
    starts[count] = fieldStart;
    ends[count] = e;
    count++;
  }

  /** Checks VALUE,UNIT,EVENT[,VAR%],RUNTIME,PCT at field k; returns the RUNTIME field index or -1. */
  private int core(char[] b, int k) {
    if (!isValue(b, starts[k], ends[k])) {
      return -1;
    }
    int us = starts[k + 1];
    if (ends[k + 1] > us && PerfHumanLine.isDigit(b[us])) {
      return -1;
    }
    if (ends[k + 2] == starts[k + 2]) {
      return -1;
    }
    int j = k + 3;
    if (ends[j] > starts[j] && b[ends[j] - 1] == '%') {
      j++;
    }
    if (j + 1 >= count) {
      return -1;
    }
    if (PerfNumbers.parseUnsignedLong(b, starts[j], ends[j]) < 0) {
      return -1;
    }
    return PerfNumbers.looksNumeric(b, starts[j + 1], ends[j + 1]) ? j : -1;
  }

  private static boolean isValue(char[] b, int s, int e) {
    return PerfNumbers.looksNumeric(b, s, e)
        || (e - s == NOT_COUNTED.length && PerfHumanLine.matches(b, s, e, NOT_COUNTED))
        || (e - s == NOT_SUPPORTED.length && PerfHumanLine.matches(b, s, e, NOT_SUPPORTED));
  }

  /** The k optional leading fields: timestamp (or {@code summary}), aggregate, CPU count. */
  private boolean prefix(char[] b, int k, PerfReading r) {
    int f = 0;
    if (k >= 1 && isTime(b, starts[0], ends[0], r)) {
      f = 1;
    }
    int left = k - f;
    if (left == 0) {
      return true;
    }
    if (ends[f] == starts[f]) {
      return false;
    }
    r.aggrStart = starts[f];
    r.aggrEnd = ends[f];
    if (left == 1) {
      return true;
    }
    if (left != 2) {
      return false;
    }
    long cpus = PerfNumbers.parseUnsignedLong(b, starts[f + 1], ends[f + 1]);
    if (cpus < 0 || cpus > Integer.MAX_VALUE) {
      return false;
    }
    r.aggrCpus = (int) cpus;
    return true;
  }

  private static boolean isTime(char[] b, int s, int e, PerfReading r) {
    if (PerfHumanLine.matches(b, s, e, SUMMARY) && e - s == SUMMARY.length) {
      r.summaryRow = true;
      return true;
    }
    if (!PerfNumbers.looksLikeTimestamp(b, s, e)) {
      return false;
    }
    r.intervalSeconds = PerfNumbers.parse(b, s, e, false);
    return true;
  }

  private int fill(char[] b, int k, int runtime, int lineEnd, PerfReading r) {
    int vs = starts[k];
    int ve = ends[k];
    if (b[vs] == '<') {
      r.status = ve - vs == NOT_COUNTED.length ? PerfReading.NOT_COUNTED : PerfReading.NOT_SUPPORTED;
    } else {
      r.value = PerfNumbers.parse(b, vs, ve, false);
      if (Double.isNaN(r.value)) {
        return problem.fail(starts[0], vs, "bad counter value '" + new String(b, vs, ve - vs) + "'", SHAPE);
      }
    }
    r.unitStart = starts[k + 1];
    r.unitEnd = ends[k + 1];
    r.eventStart = starts[k + 2];
    r.eventEnd = ends[k + 2];
    if (runtime == k + 4) {
      r.variancePct = (float) PerfNumbers.parse(b, starts[k + 3], ends[k + 3] - 1, false);
    }
    double pct = PerfNumbers.parse(b, starts[runtime + 1], ends[runtime + 1], false);
    r.runPct = (float) pct;
    int m = runtime + 2;
    if (m < count) {
      int ms = starts[m];
      int me = ends[m];
      if (me > ms) {
        double metric = PerfNumbers.parse(b, ms, me, false);
        if (Double.isNaN(metric)) {
          return problem.fail(starts[0], ms, "bad metric value '" + new String(b, ms, me - ms) + "'", SHAPE);
        }
        r.metricValue = (float) metric;
      }
      if (m + 1 < count) {
        r.metricUnitStart = starts[m + 1];
        r.metricUnitEnd = PerfHumanLine.trimEnd(b, starts[m + 1], lineEnd);
      }
    }
    return PerfProblem.RECORD;
  }
}
