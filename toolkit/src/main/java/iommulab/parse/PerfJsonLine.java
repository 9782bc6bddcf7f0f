package iommulab.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses one line of {@code perf stat -j}: a flat JSON object such as
 * {@code {"interval" : 1.0, "cpu" : "0", "counter-value" : "<not counted>", "unit" : "msec",
 * "event" : "task-clock", "variance" : 0.52, "event-runtime" : 0, "pcnt-running" : 100.00,
 * "metric-value" : 0.0, "metric-unit" : ""}}. Strings without escapes stay ranges of the line;
 * escaped ones are decoded into a scratch buffer.
 */
final class PerfJsonLine {
  static final String SHAPE = "a flat JSON object {\"event\" : \"...\", \"counter-value\" : \"...\", ...}";
  private static final String[] AGGR_KEYS = {"core", "socket", "die", "node", "thread", "cpu", "cache", "cluster"};

  private final PerfProblem problem;
  private char[] scratch = new char[256];
  private int scratchUsed;
  private final char[] cpuLabel = new char[32];
  private boolean sawEvent;
  private boolean sawValue;
  private boolean unitsOnly;
  private boolean sawGroup;
  private boolean sawMetricUnit;
  /** perf 6.5+'s --metric-only: the metric units (keys) and their values, of an object with no counter. */
  final List<String> metricKeys = new ArrayList<>();
  final List<String> metricKeyValues = new ArrayList<>();
  /** perf 6.1's --metric-only: {@code {"unit" : "..."}} titles and {@code {"metric-value" : "..."}} values, in order. */
  final List<String> unitTitles = new ArrayList<>();
  final List<String> metricValues = new ArrayList<>();

  PerfJsonLine(PerfProblem problem) {
    this.problem = problem;
  }

  /** NOT_RECORD for objects that hold no counter (the {@code {}} of --metric-only). */
  int parse(char[] b, int s, int e, PerfReading r) {
    r.reset(b);
    scratchUsed = 0;
    sawEvent = false;
    sawValue = false;
    unitsOnly = true;
    sawGroup = false;
    sawMetricUnit = false;
    if (!metricKeys.isEmpty() || !metricKeyValues.isEmpty()) {
      metricKeys.clear();
      metricKeyValues.clear();
    }
    if (!unitTitles.isEmpty() || !metricValues.isEmpty()) {
      unitTitles.clear();
      metricValues.clear();
    }
    int p = skip(b, s, e);
    if (p >= e || b[p] != '{') {
      return problem.fail(s, p, "expected '{'", SHAPE);
    }
    p = skip(b, p + 1, e);
    if (p < e && b[p] == '}') {
      unitsOnly = false;
      return trailing(b, s, p + 1, e) ? PerfProblem.NOT_RECORD : PerfProblem.MALFORMED;
    }
    while (true) {
      if (p >= e || b[p] != '"') {
        return problem.fail(s, p, "expected a quoted key", SHAPE);
      }
      int keyStart = p + 1;
      int keyEnd = indexOfQuote(b, keyStart, e);
      if (keyEnd < 0) {
        return problem.fail(s, p, "unterminated key", SHAPE);
      }
      unitsOnly &= isKey(b, keyStart, keyEnd, "unit");
      p = skip(b, keyEnd + 1, e);
      if (p >= e || b[p] != ':') {
        return problem.fail(s, p, "expected ':' after the key", SHAPE);
      }
      p = skip(b, p + 1, e);
      int next = value(b, s, p, e, keyStart, keyEnd, r);
      if (next < 0) {
        return PerfProblem.MALFORMED;
      }
      p = skip(b, next, e);
      if (p < e && b[p] == ',') {
        p = skip(b, p + 1, e);
        continue;
      }
      if (p < e && b[p] == '}') {
        if (!trailing(b, s, p + 1, e)) {
          return PerfProblem.MALFORMED;
        }
        break;
      }
      return problem.fail(s, p, "expected ',' or '}'", SHAPE);
    }
    if (sawGroup && !sawEvent && !sawValue) {
      return PerfProblem.METRIC_GROUP;
    }
    if (!sawEvent && !sawValue && !metricKeys.isEmpty() && allMetricValues(metricKeyValues)) {
      return PerfProblem.METRIC_ONLY_VALUES;
    }
    if (!sawEvent && !sawValue) {
      return PerfProblem.NOT_RECORD;
    }
    if (r.metricValue == 0f && (r.metricUnitEnd == r.metricUnitStart || isNullUnit(r))) {
      // perf -j writes "metric-value" : 0.000000, "metric-unit" : "" where the text forms print
      // nothing, and "(null)" for the tool events duration_time, user_time and system_time
      r.metricValue = Float.NaN;
      r.metricUnitEnd = r.metricUnitStart;
    }
    if (!sawEvent || !sawValue) {
      return problem.fail(s, s, sawEvent ? "missing \"counter-value\"" : "missing \"event\"", SHAPE);
    }
    return PerfProblem.RECORD;
  }

  private static boolean isNullUnit(PerfReading r) {
    return r.metricUnitEnd - r.metricUnitStart == 6
        && PerfLineKind.starts(r.metricUnitBuf, r.metricUnitStart, r.metricUnitEnd, "(null)");
  }

  private boolean trailing(char[] b, int s, int p, int e) {
    p = skip(b, p, e);
    // --metric-only -I -j: {"interval" : 0.2}{"metric-value" : ""}{"metric-value" : ""}, one
    // empty object per event that has no metric
    for (int q; p < e && (q = singleKeyObject(b, p, e)) > p; ) {
      p = skip(b, q, e);
    }
    if (!sawEvent && !sawValue) {
      // --metric-only -A -I -j: perf 6.1 prints the aggregate after the closed object,
      // {"interval" : 0.100238834}"cpu" : "0", (no event has a metric)
      p = aggregatePairs(b, p, e);
    }
    if (p < e) {
      problem.fail(s, p, "text after the JSON object", SHAPE);
      return false;
    }
    return true;
  }

  /** Reads one value and stores what the key means; returns the index after it, -1 on error. */
  private int value(char[] b, int s, int p, int e, int ks, int ke, PerfReading r) {
    if (p < e && b[p] == '"') {
      int start = p + 1;
      int end = indexOfQuote(b, start, e);
      if (end < 0) {
        problem.fail(s, p, "unterminated string", SHAPE);
        return -1;
      }
      char[] buf = b;
      int vs = start;
      int ve = end;
      if (PerfHumanLine.indexOf(b, start, end, '\\') >= 0) {
        vs = scratchUsed;
        buf = unescape(b, start, end);
        ve = scratchUsed;
      }
      if (!string(b, s, p, ks, ke, buf, vs, ve, r)) {
        return -1;
      }
      return end + 1;
    }
    int end = p;
    while (end < e && b[end] != '}' && b[end] != ' '
        && (b[end] != ',' || decimalComma(b, end, e))) {
      end++;
    }
    if (end == p) {
      problem.fail(s, p, "missing value", SHAPE);
      return -1;
    }
    double v = PerfNumbers.parse(b, p, end, false);
    boolean isNan = end - p == 3 && (b[p] == 'n' || b[p] == '-');
    if (Double.isNaN(v) && !isNan && !isKey(b, ks, ke, "metric-value")) {
      problem.fail(s, p, "bad number '" + new String(b, p, end - p) + "'", SHAPE);
      return -1;
    }
    number(b, ks, ke, v, r);
    return end;
  }

  private boolean string(
      char[] line, int s, int at, int ks, int ke, char[] buf, int vs, int ve, PerfReading r) {
    if (isKey(line, ks, ke, "event")) {
      sawEvent = true;
      r.eventBuf = buf;
      r.eventStart = vs;
      r.eventEnd = ve;
    } else if (isKey(line, ks, ke, "counter-value")) {
      sawValue = true;
      if (ve == vs || buf[vs] == '<') {
        if (PerfHumanLine.matches(buf, vs, ve, "<not counted>".toCharArray())) {
          r.status = PerfReading.NOT_COUNTED;
        } else if (PerfHumanLine.matches(buf, vs, ve, "<not supported>".toCharArray())) {
          r.status = PerfReading.NOT_SUPPORTED;
        } else {
          problem.fail(s, at, "bad counter value", SHAPE);
          return false;
        }
      } else {
        r.value = PerfNumbers.parse(buf, vs, ve, false);
        if (Double.isNaN(r.value)) {
          problem.fail(s, at, "bad counter value '" + new String(buf, vs, ve - vs) + "'", SHAPE);
          return false;
        }
      }
    } else if (isKey(line, ks, ke, "unit")) {
      if (!sawEvent && !sawValue) {
        unitTitles.add(new String(buf, vs, ve - vs));
      }
      r.unitBuf = buf;
      r.unitStart = vs;
      r.unitEnd = ve;
    } else if (isKey(line, ks, ke, "metricgroup")) {
      // perf 6.5+: {"event-runtime" : N, "pcnt-running" : P, "metricgroup" : "TopdownL1"}
      sawGroup = true;
      r.eventBuf = buf;
      r.eventStart = vs;
      r.eventEnd = ve;
    } else if (isKey(line, ks, ke, "metric-unit")) {
      sawMetricUnit = true;
      r.metricUnitBuf = buf;
      r.metricUnitStart = vs;
      r.metricUnitEnd = ve;
    } else if (isKey(line, ks, ke, "cpu")) {
      // perf -A -j prints the bare number; the table uses the same CPU<n> label as the text forms
      int n = Math.min(ve - vs, cpuLabel.length - 3);
      cpuLabel[0] = 'C';
      cpuLabel[1] = 'P';
      cpuLabel[2] = 'U';
      System.arraycopy(buf, vs, cpuLabel, 3, n);
      r.aggrBuf = cpuLabel;
      r.aggrStart = 0;
      r.aggrEnd = 3 + n;
    } else if (isKey(line, ks, ke, "cgroup")) {
      // --for-each-cgroup / -G: no column holds it, so the row says so in a warning
      r.note = "cgroup " + new String(buf, vs, ve - vs);
    } else if (isAggrKey(line, ks, ke)) {
      r.aggrBuf = buf;
      r.aggrStart = vs;
      r.aggrEnd = ve;
    } else if (!isKnownKey(line, ks, ke)) {
      if (!sawEvent && !sawValue) {
        metricKeys.add(new String(line, ks, ke - ks));
        metricKeyValues.add(new String(buf, vs, ve - vs));
      }
    } else if (isKey(line, ks, ke, "interval") || isKey(line, ks, ke, "metric-value")
        || isKey(line, ks, ke, "variance") || isKey(line, ks, ke, "pcnt-running")
        || isKey(line, ks, ke, "aggregate-number")) {
      // newer perf quotes some numbers
      if (!sawEvent && !sawValue && isKey(line, ks, ke, "metric-value")) {
        metricValues.add(new String(buf, vs, ve - vs));
      }
      double v = PerfNumbers.parse(buf, vs, ve, false);
      if (!Double.isNaN(v)) {
        number(line, ks, ke, v, r);
      }
    }
    return true;
  }

  private static void number(char[] b, int ks, int ke, double v, PerfReading r) {
    if (isKey(b, ks, ke, "interval")) {
      r.intervalSeconds = v;
    } else if (isKey(b, ks, ke, "aggregate-number")) {
      r.aggrCpus = (int) v;
    } else if (isKey(b, ks, ke, "variance")) {
      r.variancePct = (float) v;
    } else if (isKey(b, ks, ke, "pcnt-running")) {
      r.runPct = (float) v;
    } else if (isKey(b, ks, ke, "metric-value")) {
      r.metricValue = (float) v;
    }
  }

  private static boolean isAggrKey(char[] b, int ks, int ke) {
    for (String k : AGGR_KEYS) {
      if (isKey(b, ks, ke, k)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isKey(char[] b, int ks, int ke, String key) {
    if (ke - ks != key.length()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (b[ks + i] != key.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOfQuote(char[] b, int p, int e) {
    for (int i = p; i < e; i++) {
      if (b[i] == '\\') {
        i++;
      } else if (b[i] == '"') {
        return i;
      }
    }
    return -1;
  }

  private char[] unescape(char[] b, int s, int e) {
    if (scratch.length < scratchUsed + (e - s)) {
      char[] bigger = new char[(scratchUsed + (e - s)) * 2];
      System.arraycopy(scratch, 0, bigger, 0, scratchUsed);
      scratch = bigger;
    }
    for (int i = s; i < e; i++) {
      char c = b[i];
      if (c == '\\' && i + 1 < e) {
        char n = b[++i];
        switch (n) {
          case 'n' -> c = '\n';
          case 't' -> c = '\t';
          case 'r' -> c = '\r';
          case 'b' -> c = '\b';
          case 'f' -> c = '\f';
          case 'u' -> {
            c = i + 4 < e ? hex(b, i + 1) : '?';
            i += 4;
          }
          default -> c = n;
        }
      }
      scratch[scratchUsed++] = c;
    }
    return scratch;
  }

  private static char hex(char[] b, int p) {
    int v = 0;
    for (int k = p; k < p + 4; k++) {
      int d = Character.digit(b[k], 16);
      if (d < 0) {
        return '?';
      }
      v = v * 16 + d;
    }
    return (char) v;
  }

  /**
   * perf -j in a locale with a decimal comma prints bare numbers such as {@code "pcnt-running" :
   * 100,00}, which is not JSON: a comma between digits belongs to the number (JSON's own comma is
   * followed by a space and a quoted key).
   */
  private static boolean decimalComma(char[] b, int comma, int e) {
    return comma + 1 < e && b[comma + 1] >= '0' && b[comma + 1] <= '9'
        && comma > 0 && b[comma - 1] >= '0' && b[comma - 1] <= '9';
  }

  /** The index after {@code "cpu" : "0", } pairs (aggregate keys only) at {@code p}. */
  private static int aggregatePairs(char[] b, int p, int e) {
    int q = p;
    while (q < e && b[q] == '"') {
      int ke = indexOfQuote(b, q + 1, e);
      if (ke < 0 || !(isAggrKey(b, q + 1, ke) || isKey(b, q + 1, ke, "aggregate-number"))) {
        return p;
      }
      int v = skip(b, ke + 1, e);
      if (v >= e || b[v] != ':') {
        return p;
      }
      v = skip(b, v + 1, e);
      int ve;
      if (v < e && b[v] == '"') {
        ve = indexOfQuote(b, v + 1, e);
        if (ve < 0) {
          return p;
        }
        ve++;
      } else {
        ve = v;
        while (ve < e && b[ve] >= '0' && b[ve] <= '9') {
          ve++;
        }
        if (ve == v) {
          return p;
        }
      }
      q = skip(b, ve, e);
      if (q >= e || b[q] != ',') {
        return p;
      }
      q = skip(b, q + 1, e);
    }
    return q;
  }

  /**
   * True when the last object, not a record, held a metric with its unit: perf 6.5+ prints a
   * counter's further metrics, and a metric group's, as {@code {"metric-value" : "0.25",
   * "metric-unit" : "stalled cycles per insn"}} on lines of their own.
   */
  boolean loneMetric() {
    return !sawEvent && !sawValue && !sawGroup && sawMetricUnit;
  }

  /** True when the last object held only {@code "unit"} keys: the titles of --metric-only -j. */
  boolean unitsOnly() {
    return unitsOnly;
  }

  /**
   * Whether every value is a metric as perf prints one under --metric-only -j: a number, or empty or
   * {@code none} for a metric it could not compute. A workload's {@code {"status" : "ok"}} is not.
   */
  static boolean allMetricValues(List<String> values) {
    for (String v : values) {
      if (!v.isEmpty() && !v.equals("none")) {
        char[] c = v.toCharArray();
        if (!PerfNumbers.looksNumeric(c, 0, c.length)) {
          return false;
        }
      }
    }
    return true;
  }

  private static final String[] KNOWN_KEYS = {
    "event", "counter-value", "unit", "metric-unit", "metricgroup", "cgroup", "interval", "metric-value",
    "variance", "pcnt-running", "aggregate-number", "event-runtime",
    "metric-threshold" // perf 6.13+: "good" or "bad"; no column holds it
  };

  private static boolean isKnownKey(char[] b, int ks, int ke) {
    for (String key : KNOWN_KEYS) {
      if (isKey(b, ks, ke, key)) {
        return true;
      }
    }
    return isAggrKey(b, ks, ke);
  }

  /**
   * The index after {@code {"metric-value" : "1.04"}} or {@code {"unit" : "insn per cycle"}} at {@code
   * p} (perf 6.1's --metric-only -j prints one object per metric on a line), its value added to {@link
   * #metricValues} or {@link #unitTitles}; {@code p} when there is none.
   */
  private int singleKeyObject(char[] b, int p, int e) {
    int q = skip(b, p + 1, e);
    if (b[p] != '{' || q >= e || b[q] != '"') {
      return p;
    }
    int ke = indexOfQuote(b, q + 1, e);
    boolean value = ke >= 0 && isKey(b, q + 1, ke, "metric-value");
    if (ke < 0 || !(value || isKey(b, q + 1, ke, "unit"))) {
      return p;
    }
    q = skip(b, ke + 1, e);
    if (q >= e || b[q] != ':') {
      return p;
    }
    q = skip(b, q + 1, e);
    if (q >= e || b[q] != '"') {
      return p;
    }
    int end = indexOfQuote(b, q + 1, e);
    if (end < 0) {
      return p;
    }
    String text = new String(b, q + 1, end - q - 1);
    int close = skip(b, end + 1, e);
    if (close >= e || b[close] != '}') {
      return p;
    }
    (value ? metricValues : unitTitles).add(text);
    return close + 1;
  }

  private static int skip(char[] b, int p, int e) {
    return PerfHumanLine.skipSpaces(b, p, e);
  }
}
