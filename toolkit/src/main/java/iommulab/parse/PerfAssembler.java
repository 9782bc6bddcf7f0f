package iommulab.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns classified perf stat lines into table rows and block facts. It decides which format the
 * counter lines are in (human, CSV with any separator, JSON) from the first one that fits, keeps
 * track of the blocks, and collects tool errors, warnings and unrecognised lines.
 */
final class PerfAssembler {
  private static final char[] CSV_SEPARATORS = {',', ';', '\t', '|', ':', ' '};
  private static final int SIZE_CHECK_LINE = 4096;

  private enum Format { UNKNOWN, HUMAN, CSV, JSON }

  private final ParseOptions options;
  private final long expectedChars;
  private final PerfColumns columns;
  private final PerfReading reading = new PerfReading();
  private final PerfProblem problem = new PerfProblem();
  private final PerfHumanLine human = new PerfHumanLine(problem);
  private final PerfCsvLine csv = new PerfCsvLine(problem);
  private final PerfJsonLine json = new PerfJsonLine(problem);
  private final PerfMetricOnly metricOnly = new PerfMetricOnly();
  private final int countedId;
  private final int notCountedId;
  private final int notSupportedId;

  private final List<PerfRun> runs = new ArrayList<>();
  private final List<Warning> warnings = new ArrayList<>();
  private final List<ToolError> toolErrors = new ArrayList<>();
  private final List<SourceLine> unrecognized = new ArrayList<>();

  private Format format = Format.UNKNOWN;
  private char separator;
  private long charsSeen;
  private boolean presized;
  private int intervals;
  private double lastInterval = Double.NaN;

  private Block block;
  private long headerLine;
  /**
   * A header line without perf's closing {@code ':} and the lines after it, held until a line closes
   * it (a command with newlines) or shows it was a workload's text ({@code Performance counter stats
   * for 'x' are below}): then its lines are read again as ordinary lines.
   */
  private List<SourceLine> openHeader;
  private int openHeaderChars;
  private static final int MAX_HEADER_CHARS = 65536;
  private StringBuilder errorText;
  private long errorLine;
  private boolean inUsage;
  /** The open error is a bare {@code Error:}; perf prints what went wrong on the next line. */
  private boolean errorWantsDetail;
  /**
   * The last line nothing recognised, held until the next line that is not blank: perf prints an
   * option error as a line of its own, then its usage or the options concerned, so the line after
   * decides whether it was the tool's error report.
   */
  private String pendingText;
  private long pendingLine;
  private int lastRowWithEvent = -1;

  /** The run being assembled; becomes a {@link PerfRun} when the next one starts. */
  private static final class Block {
    final int index;
    final long firstLine;
    final int firstRow;
    String target;
    Integer repeats;
    String startedOn;
    Double elapsed;
    Double elapsedStddev;
    Double elapsedVariance;
    Double user;
    Double sys;
    final List<Double> table = new ArrayList<>();
    boolean header;
    boolean closed;
    boolean intervalRows;
    /** The run printed counters: then it is not --metric-only, whose lines hold metrics only. */
    boolean counters;
    int rows;

    Block(int index, long firstLine, int firstRow) {
      this.index = index;
      this.firstLine = firstLine;
      this.firstRow = firstRow;
    }

    boolean isEmpty() {
      return !header && rows == 0 && startedOn == null && elapsed == null && table.isEmpty();
    }

    PerfRun toRun() {
      return new PerfRun(index, target, repeats, startedOn, elapsed, elapsedStddev, elapsedVariance,
          user, sys, table, firstLine, rows);
    }
  }

  PerfAssembler(ParseOptions options, long expectedChars) {
    this.options = options;
    this.expectedChars = expectedChars;
    this.columns = new PerfColumns(expectedChars > 0 ? (int) Math.min(expectedChars / 256, 1 << 20) : 256);
    this.countedId = columns.status.idOf("counted");
    this.notCountedId = columns.status.idOf("not-counted");
    this.notSupportedId = columns.status.idOf("not-supported");
  }

  void line(char[] b, int s, int e, long number) throws ParseException {
    charsSeen += e - s + 1;
    if (!presized && number >= SIZE_CHECK_LINE && expectedChars > 0 && columns.size >= 1024) {
      presized = true;
      presize();
    }
    if (format != Format.CSV && format != Format.JSON && PerfHumanLine.indexOf(b, s, e, '\u001b') >= 0) {
      char[] plain = withoutColours(b, s, e); // only the human form is coloured
      if (plain != null) {
        b = plain;
        s = 0;
        e = plain.length;
      }
    }
    PerfLineKind kind = PerfLineKind.classify(b, s, e);
    if (openHeader != null) {
      if (kind == PerfLineKind.HEADER || kind == PerfLineKind.STARTED_ON || kind == PerfLineKind.ELAPSED
          || openHeaderChars + e - s > MAX_HEADER_CHARS || isCounterRecord(b, s, e, kind)) {
        rereadOpenHeader();
      } else {
        continueHeader(b, s, e, number);
        return;
      }
    }
    classified(b, s, e, number, kind);
  }

  /**
   * The line without its colour escapes ({@code ESC[31m ... ESC[m}): perf colours metrics past a
   * threshold when it writes to a terminal, as a capture with {@code script} keeps them. Null when the
   * line has none (perf's {@code ESC[H ESC[2J} of --interval-clear is not a colour).
   */
  private static char[] withoutColours(char[] b, int s, int e) {
    StringBuilder plain = new StringBuilder(e - s);
    boolean found = false;
    int p = s;
    while (p < e) {
      if (b[p] == '\u001b' && p + 1 < e && b[p + 1] == '[') {
        int q = p + 2;
        while (q < e && ((b[q] >= '0' && b[q] <= '9') || b[q] == ';')) {
          q++;
        }
        if (q < e && b[q] == 'm') {
          found = true;
          p = q + 1;
          continue;
        }
      }
      plain.append(b[p++]);
    }
    if (!found) {
      return null;
    }
    char[] out = new char[plain.length()];
    plain.getChars(0, out.length, out, 0);
    return out;
  }

  private void classified(char[] b, int s, int e, long number, PerfLineKind kind) throws ParseException {
    if (pendingText != null && kind != PerfLineKind.BLANK) {
      if (kind == PerfLineKind.USAGE || kind == PerfLineKind.OPTION_HELP) {
        errorFromPending();
      } else if (kind != PerfLineKind.OTHER || !titlesOfMetricOnlyValues(b, s, e)) {
        commitPending();
      }
    }
    if (inUsage && kind != PerfLineKind.BLANK && kind != PerfLineKind.OTHER
        && kind != PerfLineKind.OPTION_HELP) {
      inUsage = false;
    }
    if (errorWantsDetail && kind != PerfLineKind.BLANK) {
      errorWantsDetail = false;
      if (kind == PerfLineKind.OTHER) {
        appendToError(b, s, e);
        return;
      }
    }
    if (errorText != null && kind != PerfLineKind.TOOL_ERROR_DETAIL && kind != PerfLineKind.OPTION_HELP
        && kind != PerfLineKind.HINT
        && !(kind == PerfLineKind.OTHER && inUsage) && !errorWantsDetail) {
      if (kind != PerfLineKind.BLANK || !inUsage) {
        closeError();
      }
    }
    switch (kind) {
      case BLANK, TABLE_TITLE, PROMPT, DELAY_NOTICE -> { }
      case COLUMN_TITLES -> columnTitles(b, s, e, number);
      case OPTION_HELP, HINT -> {
        if (errorText != null) {
          appendToError(b, s, e);
        } else {
          other(b, s, e, number);
        }
      }
      case OTHER -> other(b, s, e, number);
      case JSON -> json(b, s, e, number);
      case HEADER -> header(b, s, e, number);
      case STARTED_ON -> startedOn(b, s, e, number);
      case ELAPSED -> elapsed(b, s, e, number);
      case USER -> current(number).user = seconds(b, s, e, number);
      case SYS -> current(number).sys = seconds(b, s, e, number);
      case WALL_CLOCK -> wallClock(b, s, e, number);
      case TABLE_ROW -> current(number).table.add(seconds(b, s, e, number));
      case METRIC_CONTINUATION -> metricContinuation(b, s, e, number);
      case TOOL_ERROR -> startError(b, s, e, number);
      case TOOL_WARNING -> warnings.add(new Warning(number, new String(b, s, e - s).strip()));
      case USAGE -> {
        closeError();
        startError(b, s, e, number);
        inUsage = true;
      }
      case TOOL_ERROR_DETAIL -> {
        if (errorText == null) {
          startError(b, s, e, number);
        } else {
          appendToError(b, s, e);
        }
      }
    }
  }

  /** After a few thousand lines the average line length tells how many rows the whole input holds. */
  private void presize() {
    if (columns.size == 0) {
      return;
    }
    double rowsPerChar = (double) columns.size / charsSeen;
    long expected = (long) (rowsPerChar * expectedChars * 1.02) + 1024;
    columns.reserveInBackground((int) Math.min(expected, Integer.MAX_VALUE - 16));
  }

  private Block current(long number) {
    if (block == null) {
      block = new Block(runs.size(), number, columns.size);
    }
    return block;
  }

  private Block startBlock(long number) {
    if (block != null && !block.isEmpty()) {
      finishBlock();
    }
    block = new Block(runs.size(), number, columns.size);
    return block;
  }

  private void finishBlock() {
    if (block != null && !block.isEmpty()) {
      runs.add(block.toRun());
    }
    block = null;
  }

  private void other(char[] b, int s, int e, long number) throws ParseException {
    if (errorText != null && inUsage) {
      appendToError(b, s, e);
      return;
    }
    if (format != Format.JSON && metricOnly.hasTitles() && !runHasCounters() && metricOnlyValues(b, s, e)) {
      if (metricOnly.bare) {
        List<SourceLine> lines = new ArrayList<>();
        if (pairedTitles != null) {
          lines.add(pairedTitles);
        }
        lines.add(new SourceLine(number, new String(b, s, e - s)));
        holdMetricOnly(lines, metricOnly.units, metricOnly.values, number);
      } else {
        addMetricOnlyRows(metricOnly.units, metricOnly.values, number);
      }
      pairedTitles = null;
      return;
    }
    int result = counterRecord(b, s, e);
    if (result == PerfProblem.RECORD) {
      releaseHeldMetricOnly(false);
      addRow(number);
      block.counters = true;
    } else if (result == PerfProblem.METRIC_ONLY) {
      if (lastRowWithEvent < 0 || !insideBlock()) {
        unrecognized(b, s, e, number);
      } else {
        addMetricRow(reading.metricValue, reading.metricUnitBuf, reading.metricUnitStart,
            reading.metricUnitEnd, number);
      }
    } else if (result == PerfProblem.METRIC_GROUP
        || result == PerfProblem.NOT_RECORD && insideBlock() && format != Format.CSV
            && PerfHumanLine.metricGroup(b, s, PerfHumanLine.skipSpaces(b, s, e), e, reading)) {
      addRow(number); // TopdownL1 and its first metric: the metrics after it are its rows
    } else if (result == PerfProblem.MALFORMED) {
      if (emptyMetricOnly(b, s, e)) {
        return;
      }
      if (format == Format.CSV && block != null && block.intervalRows && !startsWithTimestamp(b, s, e)) {
        // -I -x: every record starts with its timestamp; a workload's "4096,1,0:00:00.15,..." or
        // "12,345 records processed" between intervals is the workload's
        unrecognized(b, s, e, number);
        return;
      }
      throw malformed(b, s, e, number);
    } else if (!emptyMetricOnly(b, s, e)) {
      unrecognized(b, s, e, number);
    }
  }

  /**
   * A line of {@code --metric-only} in which no event has a metric (software events have none): a
   * timestamp alone ({@code 0.100206410}, -I), an aggregate alone ({@code CPU0}, {@code S0-D0-C0  1},
   * -A and --per-*), or both ({@code 0.100205583,CPU0,}); perf pads the aggregate with spaces or
   * ends it with the separator, and only empty CSV fields may follow.
   */
  private static boolean emptyMetricOnly(char[] b, int s, int e) {
    int p = PerfHumanLine.skipSpaces(b, s, e);
    int end = PerfHumanLine.trimEnd(b, p, e);
    int t = fieldEnd(b, p, end);
    char sep = t < end && b[t] != ' ' ? b[t] : ' ';
    boolean timestamp = PerfNumbers.isIntervalTimestamp(b, p, t);
    if (timestamp) {
      // perf prints -I timestamps with nine decimals; a workload's "3.14" is kept
      p = nextField(b, t, end, sep);
      t = fieldEnd(b, p, end);
    }
    boolean aggregate = p < t && PerfAggr.isCpuOrTopology(b, p, t);
    if (aggregate) {
      boolean topology = PerfAggr.isTopology(b, p, t);
      p = nextField(b, t, end, sep);
      t = fieldEnd(b, p, end);
      if (topology && p < t && PerfNumbers.parseUnsignedLong(b, p, t) >= 0) {
        p = nextField(b, t, end, sep); // the number of CPUs the aggregate sums
      }
      if (e == end && (sep == ' ' || b[end - 1] != sep)) {
        return false; // no padding after the label: "CPU0" cut off, or a workload's word
      }
    }
    for (int q = p; q < end; q++) {
      if (b[q] != sep && b[q] != ' ') {
        return false;
      }
    }
    return timestamp || aggregate;
  }

  /** End of the field at {@code p}: the next space or CSV separator. */
  private static int fieldEnd(char[] b, int p, int end) {
    while (p < end && b[p] != ' ' && !PerfLineKind.isCsvSeparator(b[p])) {
      p++;
    }
    return p;
  }

  /** Start of the field after the one ending at {@code t}: past one separator and any padding. */
  private static int nextField(char[] b, int t, int end, char sep) {
    if (sep != ' ' && t < end && b[t] == sep) {
      t++;
    }
    return PerfHumanLine.skipSpaces(b, t, end);
  }

  /**
   * perf's column titles: those of --metric-only name the metrics of the value lines after them
   * ({@code #           time       insn per cycle}, {@code time,cpu,insn per cycle,}); the titles of
   * counter columns ({@code counts unit events}) name nothing a value line needs.
   */
  private void columnTitles(char[] b, int s, int e, long number) throws ParseException {
    String line = new String(b, s, e - s);
    if (line.strip().startsWith("#")) {
      if (!line.contains(" counts ")) {
        metricOnly.humanTitles(line);
      }
      return;
    }
    // time, or cpu, without units: perf's titles of a --metric-only -x run, which prints no counters
    // and whose separator ends them; else a workload's "time:" or "node:"
    char sep = b[e - 1];
    boolean otherSeparator = format == Format.CSV ? sep != separator
        : metricOnly.csvUnits() != null && sep != metricOnly.csvSeparator();
    if (runHasCounters() || otherSeparator) {
      other(b, s, e, number);
    }
  }

  /**
   * The held unrecognised line names the metrics of this --metric-only value line (without -I perf
   * prints the titles as a plain line under the header): then it is titles, not unrecognised.
   */
  private boolean titlesOfMetricOnlyValues(char[] b, int s, int e) {
    if (runHasCounters()) {
      return false;
    }
    String human = metricOnly.humanTitles();
    List<String> csvUnits = metricOnly.csvUnits();
    char separator = metricOnly.csvSeparator();
    boolean titles = false;
    boolean underHeader = block != null && block.header && !block.closed && block.rows == 0;
    if (underHeader && format != Format.CSV && format != Format.JSON
        && PerfMetricOnly.looksLikeHumanTitles(pendingText)) {
      metricOnly.humanTitles(pendingText);
      reading.reset(b);
      titles = metricOnly.humanValues(b, s, e, reading);
    }
    boolean runStart = block == null || block.rows == 0 && !block.closed;
    String csvTitles = pendingText.strip();
    if (!titles && format != Format.JSON && (runStart || csvTitles.startsWith("time"))
        && PerfMetricOnly.looksLikeCsvTitles(csvTitles)) {
      metricOnly.restore(human, csvUnits, separator);
      metricOnly.csvTitles(csvTitles);
      reading.reset(b);
      titles = metricOnly.csvValues(b, s, e, reading);
    }
    if (!titles) {
      metricOnly.restore(human, csvUnits, separator);
      return false;
    }
    pairedTitles = new SourceLine(pendingLine, pendingText);
    pendingText = null;
    return true;
  }

  /** The titles line a value line was just paired with (for {@link #holdMetricOnly}). */
  private SourceLine pairedTitles;

  /**
   * --metric-only values whose lines a workload could have printed as well ({@code x,y,} / {@code 1,2,},
   * {@code {"bytes" : "4096"}}), held until the run ends: rows then, or unrecognised text if the run
   * printed counters (perf's --metric-only prints none).
   */
  private record HeldMetricOnly(List<SourceLine> lines, List<String> units, List<Float> values, long number) {}

  private final List<HeldMetricOnly> heldMetricOnly = new ArrayList<>();

  private void holdMetricOnly(List<SourceLine> lines, List<String> units, List<Float> values, long number) {
    heldMetricOnly.add(new HeldMetricOnly(lines, List.copyOf(units), List.copyOf(values), number));
  }

  private void releaseHeldMetricOnly(boolean asRows) throws ParseException {
    if (heldMetricOnly.isEmpty()) {
      return;
    }
    List<HeldMetricOnly> held = new ArrayList<>(heldMetricOnly);
    heldMetricOnly.clear();
    for (HeldMetricOnly h : held) {
      if (asRows) {
        reading.reset(new char[0]);
        addMetricOnlyRows(h.units(), h.values(), h.number());
      } else {
        for (SourceLine line : h.lines()) {
          char[] text = line.text().toCharArray();
          unrecognized(text, 0, text.length, line.line());
        }
      }
    }
  }

  private boolean metricOnlyValues(char[] b, int s, int e) {
    reading.reset(b);
    if (metricOnly.humanValues(b, s, e, reading)) {
      return true;
    }
    reading.reset(b);
    return metricOnly.csvValues(b, s, e, reading);
  }

  /**
   * One row per metric of a --metric-only value line: no event or counter value, the metric and its
   * unit; the interval and aggregate as {@link #reading} holds them.
   */
  private void addMetricOnlyRows(List<String> units, List<Float> values, long number) {
    for (int i = 0; i < values.size(); i++) {
      char[] unit = units.get(i).toCharArray();
      reading.metricValue = values.get(i);
      reading.metricUnitBuf = unit;
      reading.metricUnitStart = 0;
      reading.metricUnitEnd = unit.length;
      addRow(number);
    }
  }

  /** {@code 0.100150937} (perf's nine decimals) or {@code summary} as the line's first CSV field. */
  private boolean startsWithTimestamp(char[] b, int s, int e) {
    int p = PerfHumanLine.skipSpaces(b, s, e);
    int t = PerfHumanLine.indexOf(b, p, e, separator);
    if (t < 0) {
      return false;
    }
    return PerfLineKind.starts(b, p, t, "summary") && t - p == "summary".length()
        || PerfNumbers.isIntervalTimestamp(b, p, t);
  }

  /** Tries the locked format first; before the first record, every format. */
  private int counterRecord(char[] b, int s, int e) {
    boolean inBlock = block != null && block.header && !block.closed;
    switch (format) {
      case HUMAN:
        return human.parse(b, s, e, reading, inBlock);
      case CSV:
        return csv.parse(b, s, e, separator, reading, true);
      default:
        break;
    }
    for (char sep : CSV_SEPARATORS) {
      if (PerfHumanLine.indexOf(b, s, e, sep) >= 0
          && csv.parse(b, s, e, sep, reading, false) == PerfProblem.RECORD) {
        format = Format.CSV;
        separator = sep;
        return PerfProblem.RECORD;
      }
    }
    int result = human.parse(b, s, e, reading, inBlock);
    if (result == PerfProblem.RECORD && format == Format.UNKNOWN) {
      format = Format.HUMAN;
    }
    return result;
  }

  private void json(char[] b, int s, int e, long number) throws ParseException {
    int result = json.parse(b, s, e, reading);
    if (result == PerfProblem.MALFORMED) {
      if (format != Format.JSON && !hasPerfJsonKey(b, s, e)) {
        // a workload's JSON ({"ok": true}, a pretty-printed '{'): before perf's first -j record only
        // perf's keys say a broken object is perf's (a record cut off at the end of the text)
        unrecognized(b, s, e, number);
        return;
      }
      throw malformed(b, s, e, number);
    }
    if (result == PerfProblem.RECORD || result == PerfProblem.METRIC_GROUP) {
      format = Format.JSON;
      if (result == PerfProblem.RECORD) {
        releaseHeldMetricOnly(false);
      }
      addRow(number);
      block.counters |= result == PerfProblem.RECORD;
    } else if (json.loneMetric() && lastRowWithEvent >= 0 && insideBlock()) {
      addMetricRow(reading.metricValue, reading.metricUnitBuf, reading.metricUnitStart, reading.metricUnitEnd,
          number);
    } else if (result == PerfProblem.METRIC_ONLY_VALUES && !runHasCounters()) {
      jsonMetricOnly(json.metricKeys, json.metricKeyValues, number, b, s, e,
          Double.isNaN(reading.intervalSeconds) && reading.aggrEnd == reading.aggrStart);
    } else if (result == PerfProblem.METRIC_ONLY_VALUES) {
      unrecognized(b, s, e, number); // metric-only values in a run that printed counters: a workload's
    } else if (json.unitsOnly()) {
      jsonMetricUnits = List.copyOf(json.unitTitles); // perf 6.1's --metric-only -j titles
    } else if (!json.metricValues.isEmpty() && !json.metricValues.stream().allMatch(PerfAssembler::noMetric)) {
      if (jsonMetricUnits == null || jsonMetricUnits.size() != json.metricValues.size()
          || !PerfJsonLine.allMetricValues(json.metricValues) || runHasCounters()) {
        unrecognized(b, s, e, number); // values without titles that name them
        return;
      }
      jsonMetricOnly(jsonMetricUnits, json.metricValues, number, b, s, e, false);
    } else if (!json.metricValues.isEmpty()) {
      return; // {"metric-value" : "none"} or "": no event has a metric
    } else if (!isEmptyObject(b, s, e) && Double.isNaN(reading.intervalSeconds) && !json.unitsOnly()) {
      // an object with only an interval: --metric-only -I -j where no event has a metric
      unrecognized(b, s, e, number);
    }
  }

  private boolean runHasCounters() {
    return block != null && block.counters;
  }

  /** perf 6.1's --metric-only -j titles, {@code {"unit" : "insn per cycle"}...}, naming the values after them. */
  private List<String> jsonMetricUnits;

  private static boolean noMetric(String value) {
    return value.isEmpty() || value.equals("none");
  }

  /**
   * --metric-only -j values (all numbers, {@link PerfJsonLine#allMetricValues}): a row per metric with
   * a value, its unit from the key or the titles; with {@code hold}, perf 6.5+'s {@code {"insn per
   * cycle" : "1.04"}} without interval or aggregate, held (see {@link #holdMetricOnly}).
   */
  private void jsonMetricOnly(List<String> units, List<String> values, long number, char[] b, int s, int e,
      boolean hold) {
    List<String> named = new ArrayList<>();
    List<Float> numbers = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (!noMetric(values.get(i))) {
        char[] c = values.get(i).toCharArray();
        named.add(units.get(i));
        numbers.add((float) PerfNumbers.parse(c, 0, c.length, false));
      }
    }
    if (hold) {
      holdMetricOnly(List.of(new SourceLine(number, new String(b, s, e - s))), named, numbers, number);
    } else {
      format = Format.JSON;
      addMetricOnlyRows(named, numbers, number);
    }
  }

  private static final String[] PERF_JSON_KEYS = {
    "\"counter-value\"", "\"event\"", "\"metric-value\"", "\"metricgroup\"", "\"interval\"",
    "\"pcnt-running\"", "\"event-runtime\""
  };

  private static boolean hasPerfJsonKey(char[] b, int s, int e) {
    String line = new String(b, s, e - s);
    for (String key : PERF_JSON_KEYS) {
      if (line.contains(key)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEmptyObject(char[] b, int s, int e) {
    int p = PerfHumanLine.skipSpaces(b, s, e);
    if (p >= e || b[p] != '{') {
      return false;
    }
    int q = PerfHumanLine.skipSpaces(b, p + 1, e);
    return q < e && b[q] == '}' && PerfHumanLine.skipSpaces(b, q + 1, e) == e;
  }

  private void addRow(long number) {
    PerfReading r = reading;
    Block blk = block;
    if (blk == null || blk.closed) {
      blk = startBlock(number);
    }
    PerfColumns c = columns;
    c.ensureRoom();
    int row = c.size;
    c.run[row] = blk.index;
    double interval = r.intervalSeconds;
    c.intervalSeconds[row] = interval;
    if (!Double.isNaN(interval)) {
      blk.intervalRows = true;
      if (interval != lastInterval) {
        intervals++;
        lastInterval = interval;
      }
    }
    c.aggr.append(r.aggrBuf, r.aggrStart, r.aggrEnd);
    c.aggrCpus[row] = r.aggrCpus;
    c.event.append(r.eventBuf, r.eventStart, r.eventEnd);
    c.value[row] = r.value;
    c.unit.append(r.unitBuf, r.unitStart, r.unitEnd);
    c.status.appendId(
        r.status == PerfReading.COUNTED ? countedId
            : r.status == PerfReading.NOT_COUNTED ? notCountedId : notSupportedId);
    c.runPct[row] = r.runPct;
    c.variancePct[row] = r.variancePct;
    c.metricValue[row] = r.metricValue;
    c.metricUnit.append(r.metricUnitBuf, r.metricUnitStart, r.metricUnitEnd);
    c.elapsedSeconds[row] = Double.NaN;
    c.line[row] = (int) Math.min(number, Integer.MAX_VALUE);
    c.size = row + 1;
    blk.rows++;
    lastRowWithEvent = row;
    if (r.note != null) {
      warnings.add(new Warning(number, "text after the counter kept as a note: " + r.note));
    }
  }

  /** An indented {@code # metric} line belongs to the counter printed just above it. */
  private void metricContinuation(char[] b, int s, int e, long number) throws ParseException {
    int hash = PerfHumanLine.indexOf(b, s, e, '#');
    if (lastRowWithEvent < 0 || !insideBlock()) {
      unrecognized(b, s, e, number);
      return;
    }
    metricAfterHash(b, hash, e, number);
  }

  private boolean insideBlock() {
    return block != null && !block.closed && (block.header || block.rows > 0);
  }

  /** The metric after the {@code #} at {@code hash}: a further metric row of the counter above. */
  private void metricAfterHash(char[] b, int hash, int e, long number) {
    int p = PerfHumanLine.skipSpaces(b, hash + 1, e);
    int tokenEnd = PerfHumanLine.tokenEnd(b, p, e);
    int digitsEnd = tokenEnd > p && b[tokenEnd - 1] == '%' ? tokenEnd - 1 : tokenEnd;
    double v = p < e ? PerfNumbers.parse(b, p, digitsEnd, false) : Double.NaN;
    int unitStart = Double.isNaN(v) ? p : PerfHumanLine.skipSpaces(b, tokenEnd, e);
    int unitEnd = PerfHumanLine.trimEnd(b, unitStart, PerfHumanLine.metricUnitEnd(b, unitStart, e));
    addMetricRow((float) v, b, unitStart, unitEnd, number);
  }

  /** A further metric of the last counter: same run, interval, aggregate, event and status, no value. */
  private void addMetricRow(float metricValue, char[] ub, int us, int ue, long number) {
    PerfColumns c = columns;
    c.ensureRoom();
    int row = c.size;
    int src = lastRowWithEvent;
    c.run[row] = c.run[src];
    c.intervalSeconds[row] = c.intervalSeconds[src];
    c.aggr.appendCopyOf(src);
    c.aggrCpus[row] = c.aggrCpus[src];
    c.event.appendCopyOf(src);
    c.value[row] = Double.NaN;
    c.unit.appendMissing();
    c.status.appendCopyOf(src);
    c.runPct[row] = c.runPct[src];
    c.variancePct[row] = Float.NaN;
    c.metricValue[row] = metricValue;
    c.metricUnit.append(ub, us, ue);
    c.elapsedSeconds[row] = Double.NaN;
    c.line[row] = (int) Math.min(number, Integer.MAX_VALUE);
    c.size = row + 1;
    if (block != null) {
      block.rows++;
    }
  }

  private void header(char[] b, int s, int e, long number) {
    if (!headerComplete(b, s, e)) {
      openHeader = new ArrayList<>();
      openHeader.add(new SourceLine(number, new String(b, s, e - s)));
      openHeaderChars = e - s;
      return;
    }
    startHeader(number);
    int target = targetStart(b, s, e);
    finishHeader(new String(b, target, e - target));
  }

  private static int targetStart(char[] b, int s, int e) {
    return PerfHumanLine.skipSpaces(b, s, e) + "Performance counter stats for".length();
  }

  private void startHeader(long number) {
    Block blk = block;
    boolean joinsIntervalRun = blk != null && !blk.header && !blk.closed && blk.intervalRows;
    boolean fresh = blk != null && !blk.header && !blk.closed && blk.rows == 0;
    if (!joinsIntervalRun && !fresh) {
      blk = startBlock(number);
    }
    blk.header = true;
    headerLine = number;
  }

  /** A further line of a command with newlines; the one ending {@code ':} closes the header. */
  private void continueHeader(char[] b, int s, int e, long number) {
    openHeader.add(new SourceLine(number, new String(b, s, e - s)));
    openHeaderChars += e - s;
    if (!headerComplete(b, s, e)) {
      return;
    }
    List<SourceLine> lines = openHeader;
    openHeader = null;
    startHeader(lines.get(0).line());
    String first = lines.get(0).text();
    StringBuilder text = new StringBuilder(first.substring(targetStart(first.toCharArray(), 0, first.length())));
    for (int i = 1; i < lines.size(); i++) {
      text.append('\n').append(lines.get(i).text());
    }
    finishHeader(text.toString());
  }

  /**
   * The open header was not perf's (no line closed it before the next header, an elapsed line, the
   * end of the text or 64 KiB): its first line is unrecognised and the lines after it are read again.
   */
  private void rereadOpenHeader() throws ParseException {
    List<SourceLine> lines = openHeader;
    openHeader = null;
    for (int i = 0; i < lines.size(); i++) {
      char[] text = lines.get(i).text().toCharArray();
      if (i == 0) {
        unrecognized(text, 0, text.length, lines.get(i).line());
      } else {
        classified(text, 0, text.length, lines.get(i).line(), PerfLineKind.classify(text, 0, text.length));
      }
    }
  }

  /**
   * A counter record (of the run's form, or an {@code -x} or {@code -I} one while the form is not
   * known): a header lookalike still open before it was a workload's line, since perf's header ends
   * before its counters.
   */
  private boolean isCounterRecord(char[] b, int s, int e, PerfLineKind kind) {
    if (kind == PerfLineKind.JSON) {
      return format == Format.JSON && json.parse(b, s, e, reading) == PerfProblem.RECORD;
    }
    if (kind != PerfLineKind.OTHER) {
      return false;
    }
    if (format == Format.CSV) {
      return csv.parse(b, s, e, separator, reading, false) == PerfProblem.RECORD;
    }
    if (format == Format.UNKNOWN) {
      for (char sep : CSV_SEPARATORS) {
        if (sep != ' ' && PerfHumanLine.indexOf(b, s, e, sep) >= 0
            && csv.parse(b, s, e, sep, reading, false) == PerfProblem.RECORD) {
          return true;
        }
      }
    }
    // a human -I record: its timestamp is no command text's
    return format != Format.JSON && human.parse(b, s, e, reading, false) == PerfProblem.RECORD
        && !Double.isNaN(reading.intervalSeconds);
  }

  /** perf ends its header with the closing quote: {@code 'cmd':} or {@code 'cmd' (5 runs):}. */
  private static boolean headerComplete(char[] b, int s, int e) {
    int end = PerfHumanLine.trimEnd(b, s, e);
    if (end - s < 2 || b[end - 1] != ':') {
      return false;
    }
    if (b[end - 2] == '\'') {
      return true;
    }
    int runs = end - " runs):".length();
    if (runs < s || !PerfLineKind.starts(b, runs, end, " runs):")) {
      return false;
    }
    int d = runs;
    while (d > s && PerfHumanLine.isDigit(b[d - 1])) {
      d--;
    }
    return d < runs && d - 3 >= s && b[d - 1] == '(' && b[d - 2] == ' ' && b[d - 3] == '\'';
  }

  /** {@code 'cmd' (5 runs):} becomes target {@code cmd}, repeats 5. */
  private void finishHeader(String header) {
    String text = header.strip();
    if (text.endsWith(":")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    if (text.endsWith(" runs)")) {
      int open = text.lastIndexOf(" (");
      if (open >= 0) {
        try {
          block.repeats = Integer.valueOf(text.substring(open + 2, text.length() - " runs)".length()));
          text = text.substring(0, open).strip();
        } catch (NumberFormatException notACount) {
          warnings.add(new Warning(headerLine, "run count not understood in: " + text));
        }
      }
    }
    if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
      text = text.substring(1, text.length() - 1);
    }
    block.target = text;
  }

  private void startedOn(char[] b, int s, int e, long number) throws ParseException {
    releaseHeldMetricOnly(!runHasCounters());
    Block blk = startBlock(number);
    // each run perf appends to an -o file may have its own form (-x, then the human form)
    format = Format.UNKNOWN;
    lastRowWithEvent = -1;
    metricOnly.clear();
    int p = PerfHumanLine.skipSpaces(b, s, e) + "# started on".length();
    p = PerfHumanLine.skipSpaces(b, p, e);
    blk.startedOn = new String(b, p, PerfHumanLine.trimEnd(b, p, e) - p);
  }

  /** {@code S seconds time elapsed} or, with -r, {@code MEAN +- SD seconds time elapsed ( +- P% )}. */
  private void elapsed(char[] b, int s, int e, long number) throws ParseException {
    Block blk = current(number);
    if (blk.elapsed != null) {
      blk = startBlock(number);
    }
    int p = PerfHumanLine.skipSpaces(b, s, e);
    int t0 = PerfHumanLine.tokenEnd(b, p, e);
    double mean = PerfNumbers.parse(b, p, t0, false);
    if (Double.isNaN(mean)) {
      throw fail(b, s, e, number, p, "bad elapsed time", "'S seconds time elapsed'");
    }
    blk.elapsed = mean;
    int q = PerfHumanLine.skipSpaces(b, t0, e);
    if (PerfLineKind.starts(b, q, e, "+-")) {
      int sdStart = PerfHumanLine.skipSpaces(b, q + 2, e);
      int sdEnd = PerfHumanLine.tokenEnd(b, sdStart, e);
      double sd = PerfNumbers.parse(b, sdStart, sdEnd, false);
      if (Double.isNaN(sd)) {
        throw fail(b, s, e, number, sdStart, "bad elapsed deviation",
            "'MEAN +- SD seconds time elapsed  ( +- P% )'");
      }
      blk.elapsedStddev = sd;
    }
    int open = PerfHumanLine.indexOf(b, q, e, '(');
    if (open >= 0) {
      int close = PerfHumanLine.indexOf(b, open, e, ')');
      int pct = close < 0 ? -1 : PerfHumanLine.indexOf(b, open, close, '%');
      int numStart = open + 1;
      while (numStart < e && (b[numStart] == ' ' || b[numStart] == '+' || b[numStart] == '-')) {
        numStart++;
      }
      double v = pct < 0 ? Double.NaN : PerfNumbers.parse(b, numStart, pct, false);
      if (Double.isNaN(v)) {
        throw fail(b, s, e, number, open + 1, "bad elapsed variance", "'( +- P% )'");
      }
      blk.elapsedVariance = v;
    }
    blk.closed = true;
    columns.fillElapsed(blk.firstRow, mean);
  }

  /** {@code Wall-clock time elapsed:   719.554352 msecs} (perf of 2009). */
  private void wallClock(char[] b, int s, int e, long number) throws ParseException {
    Block blk = current(number);
    int p = PerfHumanLine.skipSpaces(b, PerfHumanLine.indexOf(b, s, e, ':') + 1, e);
    int t = PerfHumanLine.tokenEnd(b, p, e);
    double msecs = PerfNumbers.parse(b, p, t, false);
    if (Double.isNaN(msecs)) {
      throw fail(b, s, e, number, p, "bad wall-clock time", "'Wall-clock time elapsed:  MS msecs'");
    }
    blk.elapsed = msecs / 1000;
    blk.closed = true;
    columns.fillElapsed(blk.firstRow, blk.elapsed);
  }

  private Double seconds(char[] b, int s, int e, long number) throws ParseException {
    int p = PerfHumanLine.skipSpaces(b, s, e);
    int t = PerfHumanLine.tokenEnd(b, p, e);
    double v = PerfNumbers.parse(b, p, t, false);
    if (Double.isNaN(v)) {
      throw fail(b, s, e, number, p, "bad time '" + new String(b, p, t - p) + "'", "'S seconds user|sys'");
    }
    return v;
  }

  private void startError(char[] b, int s, int e, long number) {
    closeError();
    int p = PerfHumanLine.skipSpaces(b, s, e);
    int end = PerfHumanLine.trimEnd(b, p, e);
    errorText = new StringBuilder().append(b, p, end - p);
    errorLine = number;
    errorWantsDetail = end - p == "Error:".length() && PerfLineKind.starts(b, p, end, "Error:");
  }

  private void appendToError(char[] b, int s, int e) {
    errorText.append('\n').append(b, s, PerfHumanLine.trimEnd(b, s, e) - s);
  }

  /** The held line was perf's own option error: its usage or options follow. */
  private void errorFromPending() {
    closeError();
    errorText = new StringBuilder(pendingText.strip());
    errorLine = pendingLine;
    pendingText = null;
  }

  private void commitPending() throws ParseException {
    String text = pendingText;
    pendingText = null;
    if (options.strict()) {
      throw new ParseException(options.sourceName(), pendingLine, 1, text,
          "unrecognised line", "a perf stat line (--strict)");
    }
    unrecognized.add(new SourceLine(pendingLine, text));
  }

  private void closeError() {
    if (errorText != null) {
      toolErrors.add(new ToolError(errorLine, errorText.toString()));
      errorText = null;
    }
    inUsage = false;
    errorWantsDetail = false;
  }

  private void unrecognized(char[] b, int s, int e, long number) throws ParseException {
    if (pendingText != null) {
      commitPending();
    }
    pendingText = new String(b, s, e - s);
    pendingLine = number;
  }

  private ParseException malformed(char[] b, int s, int e, long number) {
    return new ParseException(options.sourceName(), number, problem.column, new String(b, s, e - s),
        problem.reason, problem.expected);
  }

  private ParseException fail(char[] b, int s, int e, long number, int at, String why, String shape) {
    return new ParseException(options.sourceName(), number, at - s + 1, new String(b, s, e - s), why, shape);
  }

  PerfStatResult finish(long lastLine) throws ParseException {
    if (openHeader != null) {
      rereadOpenHeader();
    }
    releaseHeldMetricOnly(!runHasCounters());
    if (pendingText != null) {
      commitPending();
    }
    closeError();
    finishBlock();
    return new PerfStatResult(options.sourceName(), columns.build(options.sourceName()), runs, intervals,
        warnings, toolErrors, unrecognized);
  }
}
