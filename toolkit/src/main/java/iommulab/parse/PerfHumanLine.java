package iommulab.parse;

/**
 * Parses one counter line of perf's human-readable output:
 * {@code [TIME] [AGGR [CPUS]] VALUE [UNIT] EVENT [# METRIC UNIT] [(PCT%)] [( +- VAR% )]}, e.g.
 * {@code 1.003829739 CPU0   1,156.28 msec task-clock   #    1.156 CPUs utilized}. perf separates
 * the value from its unit by one space and pads the unit column, so one space means "a unit
 * follows"; the event runs to the next double space, which also admits old event names with spaces
 * ({@code task clock ticks}, {@code task-clock:u (msec)}).
 */
final class PerfHumanLine {
  static final String SHAPE =
      "'[TIME] [AGGR [CPUS]] VALUE [UNIT] EVENT [# METRIC UNIT] [(PCT%)] [( +- VAR% )]'";
  private static final char[] NOT_COUNTED = "<not counted>".toCharArray();
  private static final char[] NOT_SUPPORTED = "<not supported>".toCharArray();

  private final PerfProblem problem;

  PerfHumanLine(PerfProblem problem) {
    this.problem = problem;
  }

  /**
   * @param inBlock whether the line is between a {@code Performance counter stats} header and its
   *     elapsed line, where a line starting with a number can only be a counter record
   * @return {@link PerfProblem#RECORD}, {@link PerfProblem#NOT_RECORD} or {@link PerfProblem#MALFORMED}
   */
  int parse(char[] b, int s, int e, PerfReading r, boolean inBlock) {
    r.reset(b);
    int cur = skipSpaces(b, s, e);
    if (cur >= e) {
      return PerfProblem.NOT_RECORD;
    }
    boolean mustBeRecord = inBlock && (isDigit(b[cur]) || b[cur] == '<');
    int t0End = tokenEnd(b, cur, e);
    int next = skipSpaces(b, t0End, e);
    if (next < e && PerfNumbers.looksLikeTimestamp(b, cur, t0End)) {
      int ntEnd = tokenEnd(b, next, e);
      if (PerfNumbers.fractionDigits(b, cur, t0End) == 9
          || startsValue(b, next, ntEnd, e)
          || PerfAggr.isCpuOrTopology(b, next, ntEnd)) {
        r.intervalSeconds = PerfNumbers.parse(b, cur, t0End, false);
        mustBeRecord = true;
        cur = next;
      }
    }
    boolean interval = !Double.isNaN(r.intervalSeconds);
    if (inBlock || interval) {
      int field = interval ? t0End + 1 : s;
      int label = fixedCommTidEnd(b, field, e);
      if (label > 0) {
        r.aggrStart = skipSpaces(b, field, label);
        r.aggrEnd = label;
        mustBeRecord = true;
        cur = skipSpaces(b, label, e);
      }
    }
    if (b[cur] == '#' && !Double.isNaN(r.intervalSeconds) && r.aggrEnd == 0) {
      // -I: a counter's further metric is printed as the timestamp, padding, then '#' (perf's
      // stat-display.c, do_new_line_std): a metric row of the counter before it
      metric(b, skipSpaces(b, cur + 1, e), e, r);
      return PerfProblem.METRIC_ONLY;
    }
    int tokEnd = tokenEnd(b, cur, e);
    if (!startsValue(b, cur, tokEnd, e)) {
      if (mustBeRecord && isDigit(b[cur]) && r.aggrEnd == 0 && Double.isNaN(r.intervalSeconds)) {
        return problem.fail(s, cur, "bad counter value '" + new String(b, cur, tokEnd - cur) + "'", SHAPE);
      }
      boolean topology = PerfAggr.isTopology(b, cur, tokEnd);
      boolean cpu = PerfAggr.isCpu(b, cur, tokEnd);
      if (!topology && !cpu && (inBlock || interval) && metricGroup(b, s, cur, e, r)) {
        return PerfProblem.METRIC_GROUP;
      }
      mustBeRecord |= topology || cpu;
      if (!topology && !cpu && (inBlock || !Double.isNaN(r.intervalSeconds))
          && !(PerfAggr.isCommTid(b, cur, tokEnd) && valueFollows(b, tokEnd, e))) {
        tokEnd = spacedCommTidEnd(b, cur, e, tokEnd);
      }
      if (!topology && !cpu && !PerfAggr.isCommTid(b, cur, tokEnd)) {
        return mustBeRecord
            ? problem.fail(s, cur, "bad aggregate '" + new String(b, cur, tokEnd - cur) + "'",
                "CPU<n>, S<n>[-D<n>][-C<n>], N<n> or comm-tid before the value")
            : PerfProblem.NOT_RECORD;
      }
      r.aggrStart = cur;
      r.aggrEnd = tokEnd;
      cur = skipSpaces(b, tokEnd, e);
      if (topology) {
        int cpusEnd = tokenEnd(b, cur, e);
        long cpus = PerfNumbers.parseUnsignedLong(b, cur, cpusEnd);
        if (cpus < 0 || cpus > Integer.MAX_VALUE) {
          return problem.fail(s, cur, "expected the number of CPUs after the aggregate", SHAPE);
        }
        r.aggrCpus = (int) cpus;
        cur = skipSpaces(b, cpusEnd, e);
      }
      if (cur >= e) {
        return mustBeRecord ? problem.fail(s, cur, "missing counter value", SHAPE) : PerfProblem.NOT_RECORD;
      }
    }
    if (b[cur] == '#' && (mustBeRecord || r.aggrEnd > 0)) {
      metric(b, skipSpaces(b, cur + 1, e), e, r);
      return PerfProblem.METRIC_ONLY;
    }
    int valueEnd;
    if (b[cur] == '<') {
      if (matches(b, cur, e, NOT_COUNTED)) {
        r.status = PerfReading.NOT_COUNTED;
        valueEnd = cur + NOT_COUNTED.length;
      } else if (matches(b, cur, e, NOT_SUPPORTED)) {
        r.status = PerfReading.NOT_SUPPORTED;
        valueEnd = cur + NOT_SUPPORTED.length;
      } else {
        return mustBeRecord
            ? problem.fail(s, cur, "unknown counter state", "'<not counted>' or '<not supported>'")
            : PerfProblem.NOT_RECORD;
      }
    } else {
      valueEnd = tokenEnd(b, cur, e);
      if (!PerfNumbers.looksNumeric(b, cur, valueEnd)) {
        if (r.aggrEnd > 0 && metricGroup(b, s, cur, e, r)) {
          return PerfProblem.METRIC_GROUP; // CPU0  TopdownL1  # ...
        }
        return mustBeRecord
            ? problem.fail(s, cur, "bad counter value '" + new String(b, cur, valueEnd - cur) + "'", SHAPE)
            : PerfProblem.NOT_RECORD;
      }
      r.value = PerfNumbers.parse(b, cur, valueEnd, true);
      if (Double.isNaN(r.value)) {
        return problem.fail(
            s, cur, "bad counter value '" + new String(b, cur, valueEnd - cur) + "'", SHAPE);
      }
    }
    int gapEnd = skipSpaces(b, valueEnd, e);
    if (gapEnd >= e || valueEnd == gapEnd) {
      if (!mustBeRecord && r.aggrEnd == 0 && gapEnd >= e) {
        return PerfProblem.NOT_RECORD;
      }
      return problem.fail(s, gapEnd, "missing event name after the counter value", SHAPE);
    }
    int eventStart = gapEnd;
    if (gapEnd - valueEnd == 1) {
      int unitEnd = tokenEnd(b, gapEnd, e);
      int after = skipSpaces(b, unitEnd, e);
      if (after < e && b[after] != '#' && b[after] != '(' && isUnit(b, gapEnd, unitEnd)) {
        r.unitStart = gapEnd;
        r.unitEnd = unitEnd;
        eventStart = after;
      }
    }
    if (b[eventStart] == '#' || b[eventStart] == '(') {
      return problem.fail(s, eventStart, "missing event name after the counter value", SHAPE);
    }
    int eventEnd = eventStart;
    while (eventEnd < e) {
      char c = b[eventEnd];
      if (c == ' ' && eventEnd + 1 < e && (b[eventEnd + 1] == ' ' || b[eventEnd + 1] == '<'
          || b[eventEnd + 1] == '#' || (b[eventEnd + 1] == '(' && percentParenthesis(b, eventEnd + 1, e)))) {
        // perf pads the event to 32 columns: a longer name is followed by one space, then its metric
        // or percentages (an old 'task-clock:u (msec)' keeps its parenthesis)
        break;
      }
      if (c == '\t') {
        break;
      }
      eventEnd++;
    }
    if (!mustBeRecord && r.aggrEnd == 0 && !looksLikeEvent(b, eventStart, eventEnd)) {
      // outside a counter block, without a timestamp or an aggregate, only what looks like a perf
      // event name counts: keeps a workload's "1024 bytes" and qemu-io's "64 MiB" out of the table
      return PerfProblem.NOT_RECORD;
    }
    r.eventStart = eventStart;
    r.eventEnd = eventEnd;
    return trailer(b, s, skipSpaces(b, eventEnd, e), e, r);
  }

  /** Whether {@code b[p]}, a '(', opens {@code (75.03%)} or {@code ( +- 1.30% )}. */
  private static boolean percentParenthesis(char[] b, int p, int e) {
    int q = skipSpaces(b, p + 1, e);
    if (q + 1 < e && b[q] == '+' && b[q + 1] == '-') {
      return true;
    }
    int digits = q;
    while (q < e && ((b[q] >= '0' && b[q] <= '9') || b[q] == '.' || b[q] == ',')) {
      q++;
    }
    return q > digits && q + 1 < e && b[q] == '%' && b[q + 1] == ')';
  }

  /** The metric comment, multiplexing share and variance that may follow the event. */
  private int trailer(char[] b, int lineStart, int p, int e, PerfReading r) {
    while (p < e) {
      char c = b[p];
      if (c == '#') {
        p = metric(b, skipSpaces(b, p + 1, e), e, r);
      } else if (c == '(') {
        int close = indexOf(b, p, e, ')');
        if (close < 0) {
          return problem.fail(lineStart, p, "unclosed parenthesis", "'(PCT%)' or '( +- VAR% )'");
        }
        if (!parenthesis(b, p + 1, close, r)) {
          return problem.fail(
              lineStart, p, "bad percentage '" + new String(b, p, close + 1 - p) + "'",
              "'(PCT%)' or '( +- VAR% )'");
        }
        p = skipSpaces(b, close + 1, e);
      } else {
        r.note = new String(b, p, trimEnd(b, p, e) - p);
        return PerfProblem.RECORD;
      }
    }
    return PerfProblem.RECORD;
  }

  /**
   * A metric-group line of perf 6.5+ at {@code cur}, after any timestamp and aggregate: the group
   * right-aligned in the event column, then its first metric, {@code TopdownL1  #  28.7 %
   * tma_backend_bound} ({@code TopdownL1 (cpu_core)} on hybrids). Fills the event (the group) and
   * the metric; false, touching nothing, when the line is not one.
   */
  static boolean metricGroup(char[] b, int s, int cur, int e, PerfReading r) {
    int hash = indexOf(b, cur, e, '#');
    if (hash < 0 || hash - s < PerfLineKind.METRIC_INDENT || b[hash - 1] != ' ' || b[hash - 2] != ' ') {
      return false;
    }
    int nameEnd = trimEnd(b, cur, hash);
    if (nameEnd <= cur || !isGroupName(b, cur, nameEnd)
        || nameEnd - s < 1 + GROUP_NAME_WIDTH && !PerfLineKind.starts(b, cur, nameEnd, "Topdown")) {
      return false; // perf right-aligns the group in the event column: a workload's "Progress  # 50 %" is not one
    }
    int p = skipSpaces(b, hash + 1, e);
    int numEnd = tokenEnd(b, p, e);
    int digitsEnd = numEnd > p && b[numEnd - 1] == '%' ? numEnd - 1 : numEnd;
    if (!PerfNumbers.looksNumeric(b, p, digitsEnd)) {
      return false;
    }
    r.eventStart = cur;
    r.eventEnd = nameEnd;
    metric(b, p, e, r);
    return true;
  }

  /** perf's event column ({@code EVNAME_LEN}), in which a metric group is right-aligned after a space. */
  private static final int GROUP_NAME_WIDTH = 32;

  /** {@code TopdownL1}, or {@code TopdownL1 (cpu_core)} on hybrids: one word, then maybe its PMU. */
  private static boolean isGroupName(char[] b, int s, int e) {
    if (!Character.isLetter(b[s])) {
      return false;
    }
    int p = s;
    while (p < e && (Character.isLetterOrDigit(b[p]) || b[p] == '_' || b[p] == '-' || b[p] == '.')) {
      p++;
    }
    if (p == e) {
      return true;
    }
    if (e - p < 4 || b[p] != ' ' || b[p + 1] != '(' || b[e - 1] != ')') {
      return false;
    }
    for (int q = p + 2; q < e - 1; q++) {
      if (!Character.isLetterOrDigit(b[q]) && b[q] != '_') {
        return false;
      }
    }
    return true;
  }

  /** {@code 0.835 CPUs utilized}, {@code 2.98% of all branches}, {@code 1.36  insn per cycle}. */
  private static int metric(char[] b, int p, int e, PerfReading r) {
    int numEnd = tokenEnd(b, p, e);
    int digitsEnd = numEnd > p && b[numEnd - 1] == '%' ? numEnd - 1 : numEnd;
    double v = PerfNumbers.looksNumeric(b, p, digitsEnd)
        ? PerfNumbers.parse(b, p, digitsEnd, false) : Double.NaN;
    int unitStart = p;
    if (!Double.isNaN(v)) {
      r.metricValue = (float) v;
      unitStart = skipSpaces(b, numEnd, e);
    }
    int unitEnd = trimEnd(b, unitStart, metricUnitEnd(b, unitStart, e));
    r.metricUnitStart = unitStart;
    r.metricUnitEnd = unitEnd;
    return skipSpaces(b, unitEnd, e);
  }

  /**
   * A metric unit runs to the multiplexing or variance parenthesis that follows after two spaces, or
   * to the end: newer perf pads inside it ({@code %  tma_backend_bound}).
   */
  static int metricUnitEnd(char[] b, int s, int e) {
    for (int p = s; p + 2 < e; p++) {
      if (b[p] == ' ' && b[p + 1] == ' ') {
        int q = skipSpaces(b, p, e);
        if (q < e && b[q] == '(') {
          return p;
        }
      }
    }
    return e;
  }

  /** {@code 75.03%}, {@code +- 0.52%}, {@code scaled from 66.58%}: false when it is none of them. */
  private static boolean parenthesis(char[] b, int s, int e, PerfReading r) {
    s = skipSpaces(b, s, e);
    e = trimEnd(b, s, e);
    if (e <= s || b[e - 1] != '%') {
      return false;
    }
    boolean variance = e - s >= 2 && b[s] == '+' && b[s + 1] == '-';
    int numEnd = e - 1;
    int numStart = numEnd;
    // perf prints "( +-%6.2f%% )": from 100 % on the number follows "+-" without a space
    int floor = variance ? s + 2 : s;
    while (numStart > floor && b[numStart - 1] != ' ') {
      numStart--;
    }
    double v = PerfNumbers.parse(b, numStart, numEnd, false);
    if (Double.isNaN(v)) {
      return false;
    }
    if (variance) {
      r.variancePct = (float) v;
    } else {
      r.runPct = (float) v;
    }
    return true;
  }

  /**
   * The end of a {@code --per-thread} label in perf's own columns, or -1: perf prints {@code
   * "%16s-%-8d"}, the command name right-aligned in 16 columns, so the dash is always the 17th
   * character of the field, whatever the name holds ({@code 12 34-15746}, {@code # hash-15749}).
   *
   * @param field where perf starts the field: the line's start, or one column after the -I timestamp
   */
  private static int fixedCommTidEnd(char[] b, int field, int e) {
    int dash = field + 16;
    if (dash + 2 >= e || b[dash] != '-' || skipSpaces(b, field, dash) == dash) {
      return -1;
    }
    int q = dash + 1;
    while (q < e && isDigit(b[q])) {
      q++;
    }
    return q > dash + 1 && q < e && b[q] == ' ' && valueFollows(b, q, e) ? q : -1;
  }

  /**
   * A {@code --per-thread} label whose command name holds spaces ({@code busy loop-25190}): perf
   * prints the name (at most 15 characters, {@code TASK_COMM_LEN - 1}), a dash and the thread id, and
   * then the value. Only looked for where a counter line is expected, so prose is never taken for one.
   *
   * @return the end of such a label, or {@code tokenEnd} when there is none
   */
  private static int spacedCommTidEnd(char[] b, int s, int e, int tokenEnd) {
    int last = Math.min(e, s + PerfAggr.MAX_COMM_CHARS + 1);
    for (int dash = s + 1; dash < last; dash++) {
      if (b[dash] != '-') {
        continue;
      }
      int q = dash + 1;
      while (q < e && b[q] >= '0' && b[q] <= '9') {
        q++;
      }
      if (q > dash + 1 && q < e && b[q] == ' ' && valueFollows(b, q, e)) {
        return q;
      }
    }
    return tokenEnd;
  }

  /** Whether a counter value (or {@code <not counted>}) follows the spaces after {@code p}. */
  private static boolean valueFollows(char[] b, int p, int e) {
    int value = skipSpaces(b, p, e);
    return startsValue(b, value, tokenEnd(b, value, e), e);
  }

  /** Whether the token {@code b[s..tokenEnd)} begins a counter value; {@code <not ...>} spans two tokens. */
  static boolean startsValue(char[] b, int s, int tokenEnd, int lineEnd) {
    if (s >= tokenEnd) {
      return false;
    }
    if (b[s] == '<') {
      return matches(b, s, lineEnd, NOT_COUNTED) || matches(b, s, lineEnd, NOT_SUPPORTED);
    }
    return PerfNumbers.looksNumeric(b, s, tokenEnd);
  }

  /** perf's units: {@code msec}, {@code ns}, {@code Joules}, {@code MiB}, {@code (msec)}, ... */
  /** perf's event names without punctuation; every other name has one of {@code - _ : / . = {}. */
  private static final String[] PLAIN_EVENTS = {
    "cycles", "instructions", "branches", "faults", "migrations", "cs", "dummy", "msr", "uncore"
  };

  /** One word holding {@code - _ : / . = {} }, or one of {@link #PLAIN_EVENTS}. */
  static boolean looksLikeEvent(char[] b, int s, int e) {
    boolean marked = false;
    for (int p = s; p < e; p++) {
      char c = b[p];
      if (c == ' ') {
        return false;
      }
      marked |= c == '-' || c == '_' || c == ':' || c == '/' || c == '.' || c == '=' || c == '{';
    }
    if (marked) {
      return true;
    }
    for (String name : PLAIN_EVENTS) {
      if (e - s == name.length() && PerfLineKind.starts(b, s, e, name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnit(char[] b, int s, int e) {
    for (int p = s; p < e; p++) {
      char c = b[p];
      boolean ok = Character.isLetter(c) || c == '/' || c == '%' || c == '(' || c == ')' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static boolean matches(char[] b, int s, int e, char[] word) {
    if (e - s < word.length) {
      return false;
    }
    for (int k = 0; k < word.length; k++) {
      if (b[s + k] != word[k]) {
        return false;
      }
    }
    return true;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static int skipSpaces(char[] b, int p, int e) {
    while (p < e && (b[p] == ' ' || b[p] == '\t')) {
      p++;
    }
    return p;
  }

  static int tokenEnd(char[] b, int p, int e) {
    while (p < e && b[p] != ' ' && b[p] != '\t') {
      p++;
    }
    return p;
  }

  static int trimEnd(char[] b, int s, int e) {
    while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
      e--;
    }
    return e;
  }

  static int indexOf(char[] b, int s, int e, char c) {
    for (int p = s; p < e; p++) {
      if (b[p] == c) {
        return p;
      }
    }
    return -1;
  }
}
