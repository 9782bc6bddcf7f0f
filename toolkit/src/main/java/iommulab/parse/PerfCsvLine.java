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
  private int lastOffset;
  private boolean commaSeparated;
  /** Where the line being parsed starts (error columns count from there, before perf's padding). */
  private int lineStart;
  /** The layout of the last record found by the general path, replayed by {@link #fast}. */
  private boolean fastLayout;
  private boolean fastTime;
  private boolean fastAggr;
  private boolean fastCpus;
  private int fastOffset;
  private int fastRuntime;

  PerfCsvLine(PerfProblem problem) {
    this.problem = problem;
  }

  /**
   * @param strictShape true once the input is known to be CSV with this separator: a line that starts
   *     like a record but does not fit is then MALFORMED rather than NOT_RECORD
   */
  int parse(char[] b, int s, int e, char sep, PerfReading r, boolean strictShape) {
    r.reset(b);
    r0 = r;
    lineStart = s;
    commaSeparated = sep == ',';
    int p = s;
    while (p < e && b[p] == ' ') {
      p++;
    }
    if (fastLayout && fusedScan) {
      if (fused(b, p, e, sep, r)) {
        fusedLines++;
        return PerfProblem.RECORD;
      }
      r.reset(b);
    }
    split(b, p, e, sep);
    if (count < 5) {
      return notRecord(b, s, e, sep, strictShape, "too few fields");
    }
    if (fastLayout) {
      if (fast(b, e, r)) {
        return PerfProblem.RECORD;
      }
      r.reset(b);
    }
    // consecutive records share their layout: try the previous line's offset first
    int k0 = lastOffset;
    if (k0 + 4 < count) {
      int runtime = core(b, k0);
      if (runtime > 0 && prefix(b, k0, r)) {
        return fill(b, k0, runtime, e, r);
      }
      r.reset(b);
    }
    for (int k = 0; k <= 3 && k + 4 < count; k++) {
      if (k == k0) {
        continue;
      }
      int runtime = core(b, k);
      if (runtime > 0 && prefix(b, k, r)) {
        lastOffset = k;
        int result = fill(b, k, runtime, e, r);
        learnLayout(b, k, runtime, r);
        return result;
      }
      r.reset(b);
    }
    if (sep == ':' || PerfHumanLine.indexOf(b, p, e, '/') >= 0) {
      int joined = joined(b, p, e, sep, r, false, false);
      if (joined != PerfProblem.NOT_RECORD) {
        return joined;
      }
    }
    int joinedLabel = joined(b, p, e, sep, r, true, false);
    if (joinedLabel != PerfProblem.NOT_RECORD) {
      return joinedLabel;
    }
    if (sep == ',' && repairDecimalCommas(b)) {
      for (int k = 0; k <= 3 && k + 4 < count; k++) {
        int runtime = core(b, k);
        if (runtime > 0 && prefix(b, k, r)) {
          return fill(b, k, runtime, e, r);
        }
        r.reset(b);
      }
      if (PerfHumanLine.indexOf(b, p, e, '/') >= 0) {
        // de_DE -x, with a PMU event: both the decimal commas and the event's terms split fields
        int joined = joined(b, p, e, sep, r, false, true);
        if (joined != PerfProblem.NOT_RECORD) {
          return joined;
        }
      }
    }
    return notRecord(b, s, e, sep, strictShape, "fields do not match perf's CSV layout");
  }

  /** How many separators a name may hold: PMU terms, a tracepoint and its modifiers, a thread's name. */
  private static final int MAX_JOINS = 8;

  /**
   * perf quotes no name, so one holding the separator spans fields: an event (a PMU's terms under
   * {@code -x,}, {@code software/config=0,period=100000/}; a tracepoint or modifier under {@code -x:},
   * {@code sched:sched_switch}, {@code cycles:u}) or, with {@code commTid}, a --per-thread label
   * ({@code x,y-15743,1.53,msec,...}). For each layout the fields after the name are joined to it
   * until the record fits (an event only inside a PMU's slashes, or any under {@code -x:}; a label
   * once it ends in {@code -TID}). With {@code decimalCommas} the split decimals of a de_DE line are
   * glued back first (see {@link #repairDecimalCommas}). NOT_RECORD when no join does; the fields are
   * split again.
   */
  private int joined(char[] b, int p, int e, char sep, PerfReading r, boolean commTid, boolean decimalCommas) {
    for (int k = commTid ? 1 : 0; k <= (commTid ? 2 : 3); k++) {
      split(b, p, e, sep);
      if (decimalCommas) {
        repairDecimalCommas(b);
      }
      int name = commTid ? k - 1 : k + 2;
      for (int joins = 0; joins < MAX_JOINS && k + 5 < count; joins++) {
        if (!commTid && sep != ':' && !insidePmuTerms(b, starts[name], ends[name])) {
          break;
        }
        merge(name);
        if (commTid && !PerfAggr.isCommTid(b, starts[name], ends[name])) {
          continue;
        }
        r.reset(b);
        int runtime = core(b, k);
        if (runtime > 0 && prefix(b, k, r)) {
          return fill(b, k, runtime, e, r);
        }
      }
    }
    r.reset(b);
    split(b, p, e, sep);
    return PerfProblem.NOT_RECORD;
  }

  /** {@code software/config=0}: an odd number of slashes, so the PMU's term list goes on. */
  private static boolean insidePmuTerms(char[] b, int s, int e) {
    int slashes = 0;
    for (int i = s; i < e; i++) {
      if (b[i] == '/') {
        slashes++;
      }
    }
    return (slashes & 1) == 1;
  }

  /**
   * {@code perf stat -x,} under a locale with a decimal comma (de_DE) prints {@code 24,73,msec,...,100,00,...}:
   * the separator splits the value and the running share. perf prints those two with exactly two
   * decimals, so a digits field followed by a two-digit field is glued back where the value (before a
   * unit), the {@code -r} variance (after the event) and the share (after the runtime) belong. Returns
   * false when the line has no such split.
   */
  private boolean repairDecimalCommas(char[] b) {
    boolean repaired = false;
    for (int v = 0; v <= 3 && v + 2 < count; v++) {
      if (isDigits(b, v, 1, 20) && isDigits(b, v + 1, 2, 2) && ends[v + 2] > starts[v + 2]
          && Character.isLetter(b[starts[v + 2]])) {
        merge(v);
        repaired = true;
        break;
      }
    }
    // -r: the variance after the event, '3,83%' split the same way
    for (int f = 1; f + 1 < count; f++) {
      int ps = starts[f + 1];
      if (isDigits(b, f, 1, 3) && ends[f + 1] - ps == 3 && PerfHumanLine.isDigit(b[ps])
          && PerfHumanLine.isDigit(b[ps + 1]) && b[ps + 2] == '%' && ends[f - 1] > starts[f - 1]
          && Character.isLetter(b[starts[f - 1]])) {
        merge(f);
        repaired = true;
        break;
      }
    }
    for (int p = 1; p + 1 < count; p++) {
      if (isDigits(b, p - 1, 1, 20) && isDigits(b, p, 1, 3) && isDigits(b, p + 1, 2, 2)
          && p >= 3 && ends[p - 2] > starts[p - 2] && !isDigits(b, p - 2, 1, 20)) {
        merge(p);
        repaired = true;
        break;
      }
    }
    return repaired;
  }

  private boolean isDigits(char[] b, int field, int min, int max) {
    int n = ends[field] - starts[field];
    return n >= min && n <= max && PerfNumbers.parseUnsignedLong(b, starts[field], ends[field]) >= 0;
  }

  private void merge(int field) {
    ends[field] = ends[field + 1];
    for (int i = field + 1; i + 1 < count; i++) {
      starts[i] = starts[i + 1];
      ends[i] = ends[i + 1];
    }
    count--;
  }

  /** Remembers a plain layout (timestamp, aggregate, no variance) for the fast path. */
  private void learnLayout(char[] b, int k, int runtime, PerfReading r) {
    fastLayout = runtime == k + 3;
    fastTime = !Double.isNaN(r.intervalSeconds);
    fastAggr = r.aggrEnd > r.aggrStart;
    fastCpus = r.aggrCpus != PerfColumns.MISSING_INT;
    fastOffset = k;
    fastRuntime = runtime;
    if ((fastTime ? 1 : 0) + (fastAggr ? 1 : 0) + (fastCpus ? 1 : 0) != k || r.summaryRow) {
      fastLayout = false;
    }
  }

  /**
   * Parses a line with the remembered layout, validating each field as it converts it; returns false
   * (and leaves the general path to decide) at the first field that does not fit.
   */
  private boolean fast(char[] b, int e, PerfReading r) {
    int k = fastOffset;
    int j = fastRuntime;
    if (count < j + 2) {
      return false;
    }
    int f = 0;
    if (fastTime) {
      int ts = starts[0];
      int te = ends[0];
      if (te - ts < 11 || b[te - 10] != '.') {
        return false;
      }
      double t = PerfNumbers.parse(b, ts, te, false);
      if (Double.isNaN(t)) {
        return false;
      }
      r.intervalSeconds = t;
      f = 1;
    }
    if (fastAggr) {
      if (ends[f] == starts[f] || PerfHumanLine.isDigit(b[starts[f]])) {
        return false;
      }
      r.aggrStart = starts[f];
      r.aggrEnd = ends[f];
      f++;
    }
    if (fastCpus) {
      long cpus = PerfNumbers.parseUnsignedLong(b, starts[f], ends[f]);
      if (cpus < 0 || cpus > Integer.MAX_VALUE) {
        return false;
      }
      r.aggrCpus = (int) cpus;
    }
    if (!counterValue(b, starts[k], ends[k], r)) {
      return false;
    }
    int us = starts[k + 1];
    if (ends[k + 1] > us && PerfHumanLine.isDigit(b[us])) {
      return false;
    }
    if (ends[k + 2] == starts[k + 2] || PerfNumbers.parseUnsignedLong(b, starts[j], ends[j]) < 0) {
      return false;
    }
    double pct = PerfNumbers.parse(b, starts[j + 1], ends[j + 1], false);
    if (Double.isNaN(pct) || (commaSeparated && j + 2 < count && isDigits(b, j + 2, 2, 2)
        && PerfHumanLine.indexOf(b, starts[j + 1], ends[j + 1], '.') < 0)) {
      return false;
    }
    int m = j + 2;
    float metric = Float.NaN;
    if (m < count && ends[m] > starts[m]) {
      double mv = PerfNumbers.parse(b, starts[m], ends[m], false);
      if (Double.isNaN(mv)) {
        return false;
      }
      metric = (float) mv;
    }
    r.unitStart = us;
    r.unitEnd = ends[k + 1];
    r.eventStart = starts[k + 2];
    r.eventEnd = ends[k + 2];
    r.runPct = (float) pct;
    r.metricValue = metric;
    if (m + 1 < count) {
      r.metricUnitStart = starts[m + 1];
      r.metricUnitEnd = PerfHumanLine.trimEnd(b, starts[m + 1], e);
    }
    return true;
  }

  /**
   * The counter field of a fast-path line: {@code <not counted>}/{@code <not supported>} or a number
   * starting with a digit. False when it is neither.
   */
  private static boolean counterValue(char[] b, int vs, int ve, PerfReading r) {
    if (ve > vs && b[vs] == '<') {
      if (!isValue(b, vs, ve)) {
        return false;
      }
      r.status = ve - vs == NOT_COUNTED.length ? PerfReading.NOT_COUNTED : PerfReading.NOT_SUPPORTED;
      return true;
    }
    if (ve == vs || !PerfHumanLine.isDigit(b[vs])) {
      return false;
    }
    double v = PerfNumbers.parse(b, vs, ve, false);
    if (Double.isNaN(v)) {
      return false;
    }
    r.value = v;
    return true;
  }

  private PerfReading r0;

  /** Off only in tests, which compare {@link #fused} with {@link #split} + {@link #fast}. */
  boolean fusedScan = true;
  /** Lines {@link #fused} took, for tests. */
  long fusedLines;
  /** The previous line's timestamp text and value: perf prints one timestamp for many lines. */
  private char[] lastTimeChars = new char[32];
  private int lastTimeLength = -1;
  private char lastTimeSeparator;
  private double lastTime;

  /**
   * {@link #fast} without the separate {@link #split} pass: the fields of the remembered layout are
   * found one after the other and converted as they are found. True only when the line is a record of that layout and {@code r}
   * then holds exactly what {@code split} + {@code fast} would give; false (with {@code r} to be reset)
   * at anything else, and the general path decides.
   */
  private boolean fused(char[] b, int p, int e, char sep, PerfReading r) {
    int q = p;
    if (fastTime) {
      int n = lastTimeLength;
      int te;
      double t;
      if (n > 0 && sep == lastTimeSeparator && q + n < e && b[q + n] == sep
          && sameText(b, q, lastTimeChars, n)) {
        te = q + n;
        t = lastTime;
      } else {
        te = indexOf(b, q, e, sep);
        if (te == e || te - q < 11 || b[te - 10] != '.') {
          return false;
        }
        t = PerfNumbers.parse(b, q, te, false);
        if (Double.isNaN(t)) {
          return false;
        }
        if (te - q <= lastTimeChars.length) {
          System.arraycopy(b, q, lastTimeChars, 0, te - q);
          lastTimeLength = te - q;
          lastTimeSeparator = sep;
          lastTime = t;
        }
      }
      r.intervalSeconds = t;
      q = te + 1;
    }
    if (fastAggr) {
      int ae = indexOf(b, q, e, sep);
      if (ae == e || ae == q || PerfHumanLine.isDigit(b[q])) {
        return false;
      }
      r.aggrStart = q;
      r.aggrEnd = ae;
      q = ae + 1;
    }
    if (fastCpus) {
      int ce = indexOf(b, q, e, sep);
      long cpus = ce == e ? -1 : PerfNumbers.parseUnsignedLong(b, q, ce);
      if (cpus < 0 || cpus > Integer.MAX_VALUE) {
        return false;
      }
      r.aggrCpus = (int) cpus;
      q = ce + 1;
    }
    int vs = q;
    int ve = indexOf(b, q, e, sep);
    if (ve == e || !counterValue(b, vs, ve, r)) {
      return false;
    }
    int us = ve + 1;
    int ue = indexOf(b, us, e, sep);
    if (ue == e || (ue > us && PerfHumanLine.isDigit(b[us]))) {
      return false;
    }
    int es = ue + 1;
    int ee = indexOf(b, es, e, sep);
    if (ee == e || ee == es) {
      return false;
    }
    int rs = ee + 1;
    int re = indexOf(b, rs, e, sep);
    if (re == e || PerfNumbers.parseUnsignedLong(b, rs, re) < 0) {
      return false;
    }
    int ps = re + 1;
    int pe = indexOf(b, ps, e, sep);
    double pct = PerfNumbers.parse(b, ps, pe, false);
    if (Double.isNaN(pct)) {
      return false;
    }
    float metric = Float.NaN;
    if (pe < e) {
      int ms = pe + 1;
      int me = indexOf(b, ms, e, sep);
      if (commaSeparated && me - ms == 2 && PerfHumanLine.isDigit(b[ms]) && PerfHumanLine.isDigit(b[ms + 1])
          && PerfHumanLine.indexOf(b, ps, pe, '.') < 0) {
        return false; // "100,00": a decimal comma (see core)
      }
      if (me > ms) {
        double mv = PerfNumbers.parse(b, ms, me, false);
        if (Double.isNaN(mv)) {
          return false;
        }
        metric = (float) mv;
      }
      if (me < e) {
        r.metricUnitStart = me + 1;
        r.metricUnitEnd = PerfHumanLine.trimEnd(b, me + 1, e);
      }
    }
    r.unitStart = us;
    r.unitEnd = ue;
    r.eventStart = es;
    r.eventEnd = ee;
    r.runPct = (float) pct;
    r.metricValue = metric;
    return true;
  }

  private static boolean sameText(char[] b, int q, char[] text, int n) {
    for (int i = 0; i < n; i++) {
      if (b[q + i] != text[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(char[] b, int q, int e, char sep) {
    while (q < e && b[q] != sep) {
      q++;
    }
    return q;
  }

  /**
   * perf 6.5+'s metric-group line, {@code [TIME,][AGGR,[CPUS,]],[VAR%,]RUNTIME,PCT,,,,TopdownL1}: no
   * counter value, the group's running time and share, and its name last; its metrics follow on
   * lines of their own.
   */
  private boolean metricGroup(char[] b, int e, PerfReading r) {
    int k = 0;
    while (k < count && ends[k] > starts[k]) {
      k++;
    }
    if (k > 3 || k + 4 >= count) {
      return false;
    }
    int f = k + 1;
    if (ends[f] > starts[f] && b[ends[f] - 1] == '%') {
      double variance = PerfNumbers.parse(b, starts[f], ends[f] - 1, false);
      if (Double.isNaN(variance)) {
        return false;
      }
      r.variancePct = (float) variance;
      f++;
    }
    int last = count - 1;
    if (f + 2 >= last || PerfNumbers.parseUnsignedLong(b, starts[f], ends[f]) < 0) {
      return false;
    }
    double pct = PerfNumbers.parse(b, starts[f + 1], ends[f + 1], false);
    int nameEnd = PerfHumanLine.trimEnd(b, starts[last], e);
    if (Double.isNaN(pct) || nameEnd == starts[last] || PerfNumbers.looksNumeric(b, starts[last], nameEnd)) {
      return false;
    }
    for (int i = f + 2; i < last; i++) {
      if (ends[i] > starts[i]) {
        return false;
      }
    }
    if (k > 0 && !prefix(b, k, r)) {
      return false;
    }
    r.runPct = (float) pct;
    r.eventStart = starts[last];
    r.eventEnd = nameEnd;
    return true;
  }

  /**
   * perf prints a counter's further metrics on their own lines with the counter fields empty:
   * {@code [TIME,][AGGR,[CPUS,]],,,,,,0.74,insn per cycle}.
   */
  private boolean metricOnly(char[] b, int e, PerfReading r) {
    int firstEmpty = 0;
    while (firstEmpty < count && ends[firstEmpty] > starts[firstEmpty]) {
      firstEmpty++;
    }
    if (firstEmpty > 3 || count - firstEmpty < 5) {
      return false;
    }
    for (int i = firstEmpty; i < count - 2; i++) {
      if (ends[i] > starts[i]) {
        return false;
      }
    }
    int ms = starts[count - 2];
    int me = ends[count - 2];
    if (me > ms) {
      double v = PerfNumbers.parse(b, ms, me, false);
      if (Double.isNaN(v)) {
        return false;
      }
      r.metricValue = (float) v;
    }
    if (firstEmpty >= 1 && !isTime(b, starts[0], ends[0], r)) {
      r.aggrStart = starts[0];
      r.aggrEnd = ends[0];
    } else if (firstEmpty >= 2) {
      r.aggrStart = starts[1];
      r.aggrEnd = ends[1];
    }
    r.metricUnitStart = starts[count - 1];
    r.metricUnitEnd = PerfHumanLine.trimEnd(b, starts[count - 1], e);
    return true;
  }

  private int notRecord(char[] b, int s, int e, char sep, boolean strictShape, String why) {
    if (metricGroup(b, e, r0)) {
      return PerfProblem.METRIC_GROUP;
    }
    r0.reset(b);
    if (metricOnly(b, e, r0)) {
      return PerfProblem.METRIC_ONLY;
    }
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
      if (b[i] == sep && !(sep == ' ' && isNotPrefix(b, fieldStart, i))) {
        starts[count] = fieldStart;
        ends[count] = i;
        count++;
        fieldStart = i + 1;
        if (sep != ' ' && fieldStart < e && b[fieldStart] == ' ') {
          fieldStart = paddedNumber(b, fieldStart, e);
        }
      }
    }
    starts[count] = fieldStart;
    ends[count] = e;
    count++;
  }

  /**
   * perf 5.2 to 5.6 printed {@code -A -x,} as {@code CPU0, 101.23,msec,...}: a space after the
   * separator. Where spaces lead to a number, the field starts at the number; else where it was.
   */
  private static int paddedNumber(char[] b, int p, int e) {
    int q = p;
    while (q < e && b[q] == ' ') {
      q++;
    }
    return q < e && (PerfHumanLine.isDigit(b[q]) || b[q] == '<') ? q : p;
  }

  /** {@code <not} before a space: under {@code -x' '} perf's {@code <not counted>} is one field. */
  private static boolean isNotPrefix(char[] b, int fieldStart, int i) {
    return i - fieldStart == 4 && b[fieldStart] == '<' && b[fieldStart + 1] == 'n' && b[fieldStart + 2] == 'o'
        && b[fieldStart + 3] == 't';
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
    if (!PerfNumbers.looksNumeric(b, starts[j + 1], ends[j + 1])) {
      return -1;
    }
    if (commaSeparated && j + 2 < count && isDigits(b, j + 1, 1, 3) && isDigits(b, j + 2, 2, 2)) {
      // "100,00": the running share split by a decimal comma (see repairDecimalCommas)
      return -1;
    }
    return j;
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
    if (ends[f] == starts[f] || PerfNumbers.looksNumeric(b, starts[f], ends[f])) {
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
        return problem.fail(lineStart, vs, "bad counter value '" + new String(b, vs, ve - vs) + "'", SHAPE);
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
          return problem.fail(lineStart, ms, "bad metric value '" + new String(b, ms, me - ms) + "'", SHAPE);
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
