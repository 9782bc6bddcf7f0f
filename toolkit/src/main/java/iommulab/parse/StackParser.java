package iommulab.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assembles stacks from classified lines (see {@link StackLineClassifier}): bcc multi-line output
 * (frames, {@code --}, {@code comm [pid]}, count), {@code -f} folded lines and bpftrace stack maps, with
 * {@code -i}/{@code -T} interval blocks. One instance parses one input.
 *
 * <p>Intervals: bcc prints an empty line before every interval and one after every stack, so an empty
 * line that does not follow a count starts a new interval ({@code ^C} echoed on a terminal takes the
 * place of that empty line). bpftrace prints nothing between {@code print()}s, so a new interval starts
 * at a {@code time()} line, after empty lines, or when a map's value drops (bpftrace prints entries in
 * ascending order).
 *
 * <p>{@code -f} output: a stack without frames prints as {@code comm N} or {@code " N"}, which other
 * programs print too. After a folded line with a {@code ;} such a line is one; before any, it is held
 * until the next line tells: a folded line with a {@code ;} makes it a row, anything else but another
 * such line or a {@code -T} time leaves it unrecognised (bcc prints its stacks by ascending count, so a
 * stack without frames, with the smallest counts, is often the first line).
 */
final class StackParser {
  private static final String COUNT_SHAPE = "count line '    N' (a whole number)";
  private static final String PROCESS_SHAPE = "process line '    comm [PID]'";
  private static final String FOLDED_SHAPE = "folded line 'process;frame;...;frame COUNT'";
  private static final String MAP_CLOSE_SHAPE = "']: N' or ', comm]: N' closing the bpftrace map entry";
  private static final String ANY_SHAPE =
      "stackcount output (frames, '    N' counts, -f folded lines) or a bpftrace stack map";

  private final String source;
  private final boolean strict;
  /** Distinct objects so that the parser recognises the folded delimiter by identity. */
  private static final String DELIMITER = new String("-");

  private final StackFrameIndex names = new StackFrameIndex();
  private final StackFrameIndex processes = new StackFrameIndex();
  private final List<Stack> stacks = new ArrayList<>();
  private final List<Warning> warnings = new ArrayList<>();
  private final List<ToolError> toolErrors = new ArrayList<>();
  private final List<SourceLine> unrecognized = new ArrayList<>();

  private byte[] a;
  private int s;
  private int e;
  private long lineNo;
  private int lineStart;

  // The stack being read; its raw lines are kept until its count arrives so that an unfinished stack
  // can be reported verbatim instead of dropped.
  private boolean open;
  /** Line where a Python traceback of bcc's began (0 outside one); its text so far. */
  private long tracebackLine;
  private String tracebackHead;
  private String[] frames = new String[64];
  /** {@link StackFrameIndex} ids of {@code frames}, so that only the frames of rows are counted. */
  private int[] frameIds = new int[64];
  /** Scratch for {@link #folded(int)}: a line's elements root first, and their frame ids. */
  private String[] elements = new String[16];
  private int[] elementIds = new int[16];
  private int depth;
  private int userStart = Stack.NOT_DELIMITED;
  private String process = "";
  private int pid = Stack.UNKNOWN_PID;
  private boolean processSeen;
  private long stackLine;
  private byte[] openRaw = new byte[4096];
  private int openRawLength;
  private int[] openRawEnds = new int[64];
  private long[] openLines = new long[64];
  private int openLineCount;

  private StackLineKind prev;
  private boolean afterCtrlC;
  private boolean started;
  private int interval = -1;
  private boolean intervalJustOpened;
  private final List<String> intervalTimes = new ArrayList<>();

  private boolean foldedSeen;
  /** {@link StackLineKind#FOLDED_WITHOUT_FRAMES} lines waiting for the line that tells what they are. */
  private final List<HeldLine> held = new ArrayList<>();
  private boolean bpftraceSeen;
  private boolean inMapEntry;
  private String mapName;
  private boolean boundaryPending;
  private boolean intervalHasEntries;
  private String lastMap;
  private long lastMapCount;
  /** Maps whose entries gave rows in the current interval. */
  private final Set<String> intervalMaps = new LinkedHashSet<>();
  private final Set<String> maps = new LinkedHashSet<>();
  /** bpftrace entries of maps whose key holds no stack ({@code @x[pid]: 5}), left out of the table. */
  private long nonStackEntries;
  private long firstNonStackLine;
  private final Set<String> nonStackMaps = new LinkedHashSet<>();
  /** What follows a non-stack entry as part of it (see {@link #valueContinues()}). */
  private int valueTrail;
  private static final int TRAIL_NONE = 0;
  /** An empty line: after a {@code stats()} map. */
  private static final int TRAIL_BLANK = 1;
  /** Histogram buckets or a stack value's frames, then an empty line. */
  private static final int TRAIL_VALUE_LINES = 2;

  /**
   * A bpftrace {@code stdin:L:C: ERROR: ...} line being read: 2 while its echoed program line is
   * due, 1 while the {@code ~~~} marker may follow, 0 otherwise.
   */
  private int diagnosticPending;
  private long diagnosticLine;
  private String diagnosticText;
  private String diagnosticProgram;
  private boolean diagnosticIsError;

  private String pattern;
  private int functionsTraced = -1;
  private int probes = -1;
  private String command;
  private boolean detached;
  private long totalCount;
  private int lineCount;

  StackParser(String source, boolean strict) {
    this.source = source;
    this.strict = strict;
  }

  StackCountResult parse(ByteLineReader in) throws IOException, ParseException {
    while (in.next()) {
      a = in.array();
      s = in.start();
      e = in.end();
      lineNo = in.number();
      lineStart = s;
      boolean ctrlC = e - s >= 2 && a[s] == '^' && a[s + 1] == 'C';
      if (ctrlC) {
        // The terminal echoes Ctrl-C where the cursor is: alone on a line, or glued to -f output.
        s += 2;
      }
      if (traceback() || diagnosticContinues() || valueContinues()) {
        continue;
      }
      StackLineKind kind = StackLineClassifier.classify(a, s, e, inMapEntry, foldedSeen);
      if (!held.isEmpty() && kind != StackLineKind.FOLDED_WITHOUT_FRAMES && kind != StackLineKind.TIMESTAMP) {
        releaseHeld(kind == StackLineKind.FOLDED);
      }
      if (kind == StackLineKind.FRAME && !inMapEntry) {
        // The hot path, kept out of accept(): four in five lines of a bcc profile are frames.
        if (open) {
          keepRaw();
        } else {
          openStack();
        }
        String name = frameName(s + 2, e);
        addFrame(name, names.lastId());
      } else {
        if (open && (kind == StackLineKind.DELIMITER || kind == StackLineKind.PROCESS)) {
          keepRaw(); // only the stack's own lines: others are recognised, or kept as unrecognised themselves
        }
        accept(kind);
      }
      prev = kind;
      afterCtrlC = ctrlC;
    }
    lineCount = (int) Math.min(Integer.MAX_VALUE, in.number());
    releaseHeld(false);
    if (tracebackLine > 0) {
      toolErrors.add(new ToolError(tracebackLine, tracebackHead));
    }
    if (diagnosticPending > 0) {
      endDiagnostic();
    }
    if (open) {
      unfinished("input ends inside a stack");
    }
    return result();
  }

  /**
   * bcc is Python: a failure, or Ctrl-C during its clean-up after {@code Detaching...}, prints
   * {@code Exception ignored in ...} and/or {@code Traceback (most recent call last):}, indented
   * {@code File ...} lines (which look like frames) and a closing {@code KeyboardInterrupt: ...}.
   * The whole block is one tool error, never stack frames.
   *
   * @return whether the current line belongs to such a block
   */
  private boolean traceback() throws ParseException {
    boolean starts = s < e && (a[s] == 'T' || a[s] == 'E')
        && (StackLineClassifier.startsWith(a, s, e, "Traceback (most recent call last):")
            || StackLineClassifier.startsWith(a, s, e, "Exception ignored in"));
    if (tracebackLine == 0) {
      if (!starts) {
        return false;
      }
      if (open) {
        unfinished("Python traceback inside a stack");
      }
      tracebackLine = lineNo;
      tracebackHead = text(s, e);
      return true;
    }
    if (starts || s == e || a[s] == ' ' || a[s] == '\t') {
      return true;
    }
    toolErrors.add(new ToolError(tracebackLine, tracebackHead + " ... " + text(s, e)));
    tracebackLine = 0;
    return true;
  }

  /**
   * bpftrace reports a problem in the program as {@code stdin:1:1-24: ERROR: tracepoint not found:
   * nosuch:event}, then echoes the program line and underlines the place with {@code ~~~}: the three
   * lines are one tool error (one warning for {@code WARNING:}).
   *
   * @return whether the current line was the echoed program line or the marker
   */
  private boolean diagnosticContinues() {
    if (diagnosticPending == 0) {
      return false;
    }
    if (diagnosticPending == 2 && s < e) {
      diagnosticProgram = text(s, e);
      diagnosticPending = 1;
      return true;
    }
    boolean marker = diagnosticPending == 1 && StackLineClassifier.isMarker(a, s, e);
    endDiagnostic();
    return marker;
  }

  private void programDiagnostic() {
    diagnosticPending = 2; // diagnosticContinues() has ended any earlier one
    diagnosticLine = lineNo;
    diagnosticText = text(s, e);
    diagnosticProgram = null;
    diagnosticIsError = a[StackLineClassifier.programDiagnostic(a, s, e)] == 'E';
  }

  private void endDiagnostic() {
    String message =
        diagnosticProgram == null ? diagnosticText : diagnosticText + " (program line: " + diagnosticProgram + ")";
    if (diagnosticIsError) {
      toolErrors.add(new ToolError(diagnosticLine, message));
    } else {
      warnings.add(new Warning(diagnosticLine, "bpftrace: " + message));
    }
    diagnosticPending = 0;
  }

  private void accept(StackLineKind kind) throws ParseException {
    switch (kind) {
      case BLANK -> blank();
      case BCC_HEADER -> bccHeader();
      case BPFTRACE_HEADER -> bpftraceHeader();
      case DETACHING -> detaching();
      case TIMESTAMP -> timestamp();
      case FRAME -> frame();
      case DELIMITER -> delimiter();
      case PROCESS -> processLine();
      case COUNT -> countLine();
      case BAD_COUNT ->
          throw error(s + 4, "bad count '" + text(s + 4, e) + "'", COUNT_SHAPE + " or " + PROCESS_SHAPE);
      case FOLDED -> folded(Math.max(interval, 0));
      case FOLDED_WITHOUT_FRAMES -> {
        if (open) {
          other(); // inside a bcc stack or bpftrace entry: not -f output
        } else {
          byte[] bytes = Arrays.copyOfRange(a, lineStart, e);
          held.add(new HeldLine(lineNo, bytes, s - lineStart, Math.max(interval, 0)));
        }
      }
      case MAP_OPEN -> mapOpen();
      case MAP_ENTRY -> mapEntry();
      case MAP_CLOSE -> mapClose();
      case COMMAND -> {
        if (command == null) {
          command = text(s + 2, e).strip();
        }
      }
      case TOOL_ERROR -> toolErrors.add(new ToolError(lineNo, text(s, e)));
      case TOOL_NOTICE ->
          warnings.add(new Warning(lineNo, "bpftrace went on running after this notice: " + text(s, e)));
      case PROGRAM_DIAGNOSTIC -> programDiagnostic();
      case OTHER -> other();
    }
  }

  private void blank() throws ParseException {
    if (open) {
      unfinished("empty line inside a stack");
    }
    if (bpftraceSeen) {
      boundaryPending = true;
      return;
    }
    // Old bcc printed one more empty line after the one that the echoed ^C shares.
    if (foldedSeen || !started || afterCtrlC || prev == StackLineKind.COUNT || prev == StackLineKind.TIMESTAMP) {
      return;
    }
    interval++;
    intervalJustOpened = true;
  }

  private void bccHeader() throws ParseException {
    endOpenStack();
    started = true;
    if (pattern == null) {
      int q1 = StackLineClassifier.indexOf(a, s, e, '"');
      int q2 = StackLineClassifier.lastIndexOf(a, s, e, '"');
      if (q1 >= 0 && q2 > q1) {
        pattern = text(q1 + 1, q2);
      }
      functionsTraced = (int) leadingNumber(s + "Tracing ".length());
    }
  }

  private void bpftraceHeader() throws ParseException {
    endOpenStack();
    started = true;
    bpftraceSeen = true;
    if (probes < 0) {
      probes = (int) leadingNumber(s + "Attaching ".length());
    }
  }

  private void detaching() throws ParseException {
    endOpenStack();
    detached = true;
    started = false;
  }

  private void timestamp() throws ParseException {
    endOpenStack();
    int end = e;
    while (end > s && a[end - 1] == ' ') {
      end--;
    }
    String time = text(s, end); // HH:MM:SS, or the format given to bpftrace's time()
    started = true;
    if (bpftraceSeen) {
      interval = interval < 0 && !intervalHasEntries ? 0 : interval + 1;
      intervalHasEntries = false;
      boundaryPending = false;
      lastMap = null;
      intervalMaps.clear();
    } else if (!intervalJustOpened || interval < 0) {
      interval++;
    }
    intervalJustOpened = false;
    while (intervalTimes.size() < interval) {
      intervalTimes.add("");
    }
    if (intervalTimes.size() == interval) {
      intervalTimes.add(time);
    }
  }

  private void frame() {
    if (inMapEntry) {
      int from = s;
      while (from < e && (a[from] == ' ' || a[from] == '\t')) {
        from++;
      }
      if (a[s] == '\t') {
        from = perfAddressDropped(from);
      }
      keepRaw(); // a map entry cut off before its ']: N' keeps its frame lines too
      String name = names.intern(a, from, e);
      addFrame(name, names.lastId());
      return;
    }
    openStack();
    String name = frameName(s + 2, e);
    addFrame(name, names.lastId());
  }

  private void delimiter() throws ParseException {
    openStack();
    if (userStart != Stack.NOT_DELIMITED) {
      throw error(s + 4, "second '--' delimiter in one stack", "user frames or " + COUNT_SHAPE);
    }
    userStart = depth;
  }

  private void processLine() throws ParseException {
    openStack();
    if (processSeen) {
      throw error(s + 4, "second process line for one stack", COUNT_SHAPE);
    }
    int bracket = StackLineClassifier.processBracket(a, s + 4, e);
    if (!StackLineClassifier.allDigits(a, bracket + 2, e - 1)) {
      throw error(bracket + 2, "bad pid '" + text(bracket + 2, e - 1) + "'", PROCESS_SHAPE);
    }
    process = unquoted(processes, s + 4, bracket);
    long pidValue = number(bracket + 2, e - 1, PROCESS_SHAPE);
    if (pidValue > Integer.MAX_VALUE) {
      throw error(bracket + 2, "bad pid '" + text(bracket + 2, e - 1) + "' (over " + Integer.MAX_VALUE + ")",
          PROCESS_SHAPE);
    }
    pid = (int) pidValue;
    processSeen = true;
  }

  private void countLine() throws ParseException {
    if (!open) {
      openStack(); // bcc prints a bare count when neither stack could be walked
    }
    long count = number(s + 4, e, COUNT_SHAPE);
    if (interval < 0) {
      interval = 0; // no header opened the first interval: this stack did, so the next one is 1
    }
    emit(interval, count, s + 4);
  }

  /**
   * Reads the {@link StackLineKind#FOLDED_WITHOUT_FRAMES} lines held so far as folded stacks, or else as
   * unrecognised lines, each as if it were the current line.
   */
  private void releaseHeld(boolean asFolded) throws ParseException {
    if (held.isEmpty()) {
      return;
    }
    byte[] lineArray = a;
    int lineS = s;
    int lineE = e;
    int lineBegin = lineStart;
    long number = lineNo;
    for (HeldLine h : held) {
      a = h.bytes();
      lineStart = 0;
      s = h.skip();
      e = a.length;
      lineNo = h.line();
      if (asFolded) {
        folded(h.interval());
      } else {
        other();
      }
    }
    held.clear();
    a = lineArray;
    s = lineS;
    e = lineE;
    lineStart = lineBegin;
    lineNo = number;
  }

  private void folded(int stackInterval) throws ParseException {
    endOpenStack(); // a multi-line stack cut off by a folded line is unfinished, not merged into it
    foldedSeen = true;
    started = true;
    int space = StackLineClassifier.lastIndexOf(a, s, e, ' ');
    long count = number(space + 1, e, FOLDED_SHAPE);
    open = true;
    stackLine = lineNo;
    // bcc -f: comm;user frames root..leaf[;-];kernel frames root..leaf. Split on ';' but rejoin Java
    // frames (Lpkg/Class;::method), whose second half always starts with "::".
    String[] elements = this.elements;
    int[] ids = elementIds;
    int n = 0;
    int from = s;
    for (int i = s; i <= space; i++) {
      if (i == space || a[i] == ';') {
        boolean javaTail = i + 2 < space && a[i] == ';' && a[i + 1] == ':' && a[i + 2] == ':' && i > from;
        if (javaTail && i < space) {
          continue;
        }
        if (n == elements.length) {
          elements = this.elements = Arrays.copyOf(elements, n * 2);
          ids = elementIds = Arrays.copyOf(ids, n * 2);
        }
        // the first element is the process, not a frame (a plain n == 0 test here would see n already
        // incremented, since Java evaluates the index n++ before the right-hand side)
        String value = n == 0 ? processes.intern(a, from, i) : element(from, i);
        ids[n] = n == 0 || value == DELIMITER ? -1 : names.lastId();
        elements[n++] = value;
        from = i + 1;
      }
    }
    process = n > 0 ? elements[0] : "";
    int delimiterAt = -1;
    for (int i = n - 1; i >= 1; i--) {
      if (elements[i] == DELIMITER) {
        if (delimiterAt < 0) {
          delimiterAt = i;
          continue;
        }
        elements[i] = names.intern(DELIMITER); // bcc prints one '-': another is a frame of that name
        ids[i] = names.lastId();
      }
      addFrame(elements[i], ids[i]);
    }
    if (delimiterAt >= 0) {
      userStart = n - 1 - delimiterAt; // kernel frames come after '-' in root-first order
    }
    emit(stackInterval, count, space + 1);
  }

  private void mapOpen() throws ParseException {
    endOpenStack();
    bpftraceSeen = true;
    started = true;
    int bracket = StackLineClassifier.indexOf(a, s, e, '[');
    mapName = processes.intern(a, s, bracket);
    openStack();
    inMapEntry = true;
    int end = e;
    while (end > bracket + 1 && (a[end - 1] == ' ' || a[end - 1] == ',')) {
      end--;
    }
    scalars(bracket + 1, end);
  }

  private void mapEntry() throws ParseException {
    endOpenStack();
    bpftraceSeen = true;
    started = true;
    int bracket = StackLineClassifier.indexOf(a, s, e, '[');
    int keyEnd = StackLineClassifier.mapKeyEnd(a, bracket, e);
    int value = StackLineClassifier.mapValueStart(keyEnd, e);
    String name = processes.intern(a, s, bracket);
    if (!keyHoldsStack(bracket + 1, keyEnd)) {
      nonStackEntry(name, value);
      return;
    }
    mapName = name;
    openStack();
    scalars(bracket + 1, keyEnd);
    closeMapEntry(mapCount(value), value);
  }

  /**
   * An entry of a map whose key holds no stack: not a row, whatever its value, but counted. A
   * histogram or a stack as the value follows on the lines below (then an empty line), a
   * {@code stats()} map ends with an empty line, and {@code ksym()}, {@code usym()} and {@code ntop()}
   * values are printed with no line break between entries ({@code @k[cat]: _text@k[mkdir]: _text}):
   * those lines belong to the entry, not to the output around it.
   */
  private void nonStackEntry(String name, int value) {
    long entries = 1;
    switch (StackLineClassifier.mapValue(a, value, e)) {
      case FOLLOWS -> valueTrail = TRAIL_VALUE_LINES;
      case STATS -> valueTrail = TRAIL_BLANK;
      case TEXT -> entries += occurrences(value, name + "[");
      case COUNT, NEGATIVE -> { } // a sum() may be negative: no row anyway
    }
    lastMap = name; // so that a stack map printed after it again is seen to start the next print()
    if (nonStackEntries == 0) {
      firstNonStackLine = lineNo;
    }
    nonStackEntries += entries;
    nonStackMaps.add(name);
  }

  /** How many times {@code needle} occurs in {@code a[from .. e)}. */
  private int occurrences(int from, String needle) {
    int n = 0;
    for (int i = from; i < e; i++) {
      if (a[i] == needle.charAt(0) && StackLineClassifier.startsWith(a, i, e, needle)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The lines bpftrace prints after a map entry that are part of it (see {@link #nonStackEntry}):
   * histogram buckets ({@code [512K, 1M)  3952 |@@@|}) or the indented frames of a stack value, up to
   * and with the empty line that ends them; or the empty line after a {@code stats()} map. Such an
   * empty line is not a boundary between intervals.
   *
   * @return whether the current line is one of them
   */
  private boolean valueContinues() {
    if (valueTrail == TRAIL_NONE) {
      return false;
    }
    if (s == e) {
      valueTrail = TRAIL_NONE;
      return true;
    }
    if (valueTrail == TRAIL_VALUE_LINES
        && (a[s] == ' ' || a[s] == '\t' || ((a[s] == '[' || a[s] == '(') && a[e - 1] == '|'))) {
      return true;
    }
    valueTrail = TRAIL_NONE;
    return false;
  }

  /**
   * Whether a one-line key {@code a[from..to)} holds a stack: bpftrace prints an empty stack as an
   * empty element ({@code @[]}, {@code @[, comm]}), and a key of scalars only ({@code @x[1234]},
   * {@code @c[comm]}) belongs to a map that counts something else.
   */
  private boolean keyHoldsStack(int from, int to) {
    int i = from;
    while (true) {
      int comma = StackLineClassifier.indexOf(a, i, to, ',');
      int end = comma < 0 ? to : comma;
      if (allSpaces(i, end)) {
        return true;
      }
      if (comma < 0) {
        return false;
      }
      i = comma + 1;
    }
  }

  private void mapClose() throws ParseException {
    int keyEnd = StackLineClassifier.mapKeyEnd(a, s, e);
    if (keyEnd < 0 && a[s] == ',' && a[e - 1] != ']') {
      // ", " between two stacks of one key (@[kstack, ustack, comm]), or ", comm, " with scalars
      // between them: the next stack's frames follow the ones read so far.
      int end = e;
      while (end > s + 1 && (a[end - 1] == ' ' || a[end - 1] == ',')) {
        end--;
      }
      scalars(s + 1, end);
      keepRaw();
      return;
    }
    if (keyEnd < 0) {
      throw error(s, "bad end of bpftrace map entry '" + text(s, e) + "'", MAP_CLOSE_SHAPE);
    }
    int value = StackLineClassifier.mapValueStart(keyEnd, e);
    int from = a[s] == ',' ? s + 1 : s;
    scalars(from, keyEnd);
    inMapEntry = false;
    closeMapEntry(mapCount(value), value);
  }

  /**
   * The value of a stack's map entry, {@code a[value .. e)}, which must be a count: a row whose count
   * is something else would make {@code total_count} and flame graphs wrong. bpftrace prints the signed
   * value of a {@code sum()}, {@code avg()}, {@code min()} or {@code max()} map with its sign,
   * {@code stats()} as {@code count 3, average 5, total 15}, nothing on the line for a {@code hist()} or
   * {@code lhist()} (its buckets follow) or a stack value, and strings as they are.
   */
  private long mapCount(int value) throws ParseException {
    String ofMap = " for a stack of map " + mapName + ", not a count";
    return switch (StackLineClassifier.mapValue(a, value, e)) {
      case COUNT -> number(value, e, MAP_CLOSE_SHAPE);
      case NEGATIVE -> throw error(value, "negative value '" + text(value, e) + "'" + ofMap, MAP_CLOSE_SHAPE);
      case STATS -> throw error(value, "stats() value '" + text(value, e) + "'" + ofMap, MAP_CLOSE_SHAPE);
      case FOLLOWS -> throw error(value,
          "no value after ']: ' (a hist() or lhist() histogram or a stack follows)" + ofMap, MAP_CLOSE_SHAPE);
      case TEXT -> throw error(value, "value '" + text(value, e) + "'" + ofMap, MAP_CLOSE_SHAPE);
    };
  }

  private void closeMapEntry(long count, int countAt) throws ParseException {
    if (interval < 0) {
      interval = 0;
    } else if (intervalHasEntries
        && (boundaryPending
            || (mapName.equals(lastMap) ? count < lastMapCount : intervalMaps.contains(mapName)))) {
      // bpftrace prints a map's entries together: a map printed again after another one is the next print()
      interval++;
      intervalMaps.clear();
    }
    intervalMaps.add(mapName);
    boundaryPending = false;
    intervalHasEntries = true;
    lastMap = mapName;
    lastMapCount = count;
    maps.add(mapName);
    emit(interval, count, countAt);
  }

  /** bpftrace key scalars after or before the stack, e.g. {@code mkdir, 16905}: comm and pid. */
  private void scalars(int from, int to) {
    int i = from;
    while (i < to) {
      while (i < to && a[i] == ' ') {
        i++;
      }
      int comma = StackLineClassifier.indexOf(a, i, to, ',');
      int end = comma < 0 ? to : comma;
      int last = end;
      while (last > i && a[last - 1] == ' ') {
        last--;
      }
      if (last > i) {
        if (StackLineClassifier.allDigits(a, i, last) && last - i <= 9 && pid == Stack.UNKNOWN_PID) {
          pid = Integer.parseInt(text(i, last));
        } else if (!processSeen) {
          process = processes.intern(a, i, last);
          processSeen = true;
        }
      }
      i = end + 1;
    }
  }

  private void other() throws ParseException {
    if (foldedSeen && StackLineClassifier.indexOf(a, s, e, ';') >= 0) {
      int space = StackLineClassifier.lastIndexOf(a, s, e, ' ');
      if (space < 0) {
        throw error(lineStart, "folded line without a count", FOLDED_SHAPE);
      }
      throw error(space + 1, "bad count '" + text(space + 1, e) + "'", FOLDED_SHAPE);
    }
    if (StackLineClassifier.startsWith(a, lineStart, e, "{\"type\": \"")) {
      // the whole capture is in a form this parser does not read: say so, not "0 stacks"
      throw error(lineStart, "bpftrace -f json output is not supported",
          "bpftrace's text output (run it without -f json)");
    }
    if (strict) {
      throw error(lineStart, "unrecognized line", ANY_SHAPE);
    }
    unrecognized.add(new SourceLine(lineNo, fullLine()));
  }

  // ---- the open stack ----

  private void openStack() {
    if (open) {
      return;
    }
    open = true;
    started = true;
    intervalJustOpened = false;
    stackLine = lineNo;
    keepRaw();
  }

  /** @param id the frame's id in {@code names} */
  private void addFrame(String frame, int id) {
    if (depth == frames.length) {
      frames = Arrays.copyOf(frames, depth * 2);
      frameIds = Arrays.copyOf(frameIds, depth * 2);
    }
    frames[depth] = frame;
    frameIds[depth++] = id;
  }

  /** Makes the open stack a row; its count, at {@code a[countAt .. e)}, must keep the total in 64 bits. */
  private void emit(int stackInterval, long count, int countAt) throws ParseException {
    if (count > Long.MAX_VALUE - totalCount) {
      throw error(countAt,
          "total count does not fit in 64 bits: count '" + text(countAt, e) + "' after " + totalCount,
          "counts whose sum fits in 64 bits (at most " + Long.MAX_VALUE + ")");
    }
    for (int i = 0; i < depth; i++) {
      names.markUsed(frameIds[i]);
    }
    Stack stack =
        new Stack(
            stackInterval, process, pid, count, new FrameList(Arrays.copyOf(frames, depth)), userStart, stackLine);
    stacks.add(stack);
    totalCount += count;
    reset();
  }

  private void reset() {
    open = false;
    depth = 0;
    userStart = Stack.NOT_DELIMITED;
    process = "";
    pid = Stack.UNKNOWN_PID;
    processSeen = false;
    openRawLength = 0;
    openLineCount = 0;
  }

  /** A bcc stack ended without its count: an error when strict, else its lines are kept as unrecognised. */
  private void unfinished(String why) throws ParseException {
    if (strict) {
      throw error(lineStart, why + " (stack began at line " + stackLine + ")", COUNT_SHAPE);
    }
    warnings.add(new Warning(stackLine, why + " at line " + lineNo + "; the stack's lines are kept as unrecognised"));
    int from = 0;
    for (int i = 0; i < openLineCount; i++) {
      unrecognized.add(new SourceLine(openLines[i], ByteLineReader.decode(openRaw, from, openRawEnds[i])));
      from = openRawEnds[i];
    }
    inMapEntry = false;
    reset();
  }

  private void endOpenStack() throws ParseException {
    if (open) {
      unfinished("stack has no count");
    }
  }

  private void keepRaw() {
    if (openLineCount == openLines.length) {
      openLines = Arrays.copyOf(openLines, openLineCount * 2);
      openRawEnds = Arrays.copyOf(openRawEnds, openLineCount * 2);
    }
    int n = e - lineStart;
    if (openRawLength + n > openRaw.length) {
      openRaw = Arrays.copyOf(openRaw, Math.max(openRaw.length * 2, openRawLength + n));
    }
    System.arraycopy(a, lineStart, openRaw, openRawLength, n);
    openRawLength += n;
    openRawEnds[openLineCount] = openRawLength;
    openLines[openLineCount++] = lineNo;
  }

  // ---- small lexical helpers ----

  /** A bcc frame: drops a {@code -v} address and {@code b'...'} quoting, keeps offsets. */
  private String frameName(int from, int to) {
    int hex = from;
    while (hex < to && isHex(a[hex])) {
      hex++;
    }
    int digits = hex - from;
    if (digits > 0) {
      // "%-16x " : the address padded to 16 columns, then one space
      int spaces = Math.max(16, digits) - digits + 1;
      int name = hex + spaces;
      if (name < to && a[name] != ' ' && allSpaces(hex, name)) {
        from = name;
      }
    }
    return unquoted(names, from, to);
  }

  /**
   * bpftrace's {@code kstack(perf)} / {@code ustack(perf)} frames are tab-indented
   * {@code ADDR SYMBOL+OFF} or {@code ADDR SYMBOL (MODULE)}: the hex address is dropped, as for bcc
   * {@code -v}; the rest (offset, {@code (module)} suffix) is kept as printed.
   */
  private int perfAddressDropped(int from) {
    int hex = from;
    while (hex < e && isHex(a[hex])) {
      hex++;
    }
    return hex > from && hex + 1 < e && a[hex] == ' ' && a[hex + 1] != ' ' ? hex + 1 : from;
  }

  /** A folded element: the {@code -} delimiter, or an interned frame. */
  private String element(int from, int to) {
    if (to - from == 1 && a[from] == '-') {
      return DELIMITER;
    }
    return names.intern(a, from, to);
  }

  private boolean allSpaces(int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] != ' ') {
        return false;
      }
    }
    return true;
  }

  /** Interns {@code a[from..to)}, dropping Python's {@code b'...'} / {@code b"..."} bytes quoting. */
  private String unquoted(StackFrameIndex index, int from, int to) {
    if (to - from >= 3 && a[from] == 'b' && (a[from + 1] == '\'' || a[from + 1] == '"') && a[to - 1] == a[from + 1]) {
      int inner = from + 2;
      int end = to - 1;
      if (StackLineClassifier.indexOf(a, inner, end, '\\') >= 0) {
        return index.intern(StackText.unescapePythonBytes(a, inner, end));
      }
      return index.intern(a, inner, end);
    }
    return index.intern(a, from, to);
  }

  private static boolean isHex(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  private long number(int from, int to, String shape) throws ParseException {
    if (!StackLineClassifier.allDigits(a, from, to)) {
      throw error(from, "bad count '" + text(from, to) + "'", shape);
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = a[i] - '0';
      if (v > (Long.MAX_VALUE - d) / 10) {
        throw error(from, "count '" + text(from, to) + "' does not fit in 64 bits", shape);
      }
      v = v * 10 + d;
    }
    return v;
  }

  private long leadingNumber(int from) {
    long v = 0;
    int i = from;
    while (i < e && a[i] >= '0' && a[i] <= '9' && v < Integer.MAX_VALUE / 10) {
      v = v * 10 + (a[i++] - '0');
    }
    return i == from ? -1 : v;
  }

  private String text(int from, int to) {
    return ByteLineReader.decode(a, from, to);
  }

  private String fullLine() {
    return text(lineStart, e);
  }

  /** A parse error at {@code a[index]} of the current line. */
  private ParseException error(int index, String reason, String expected) {
    return new ParseException(
        source, lineNo, ByteLineReader.column(a, lineStart, index), fullLine(), reason, expected);
  }

  private StackCountResult result() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("format", bpftraceSeen ? "bpftrace" : foldedSeen ? "folded" : "bcc");
    if (command != null) {
      facts.put("command", command);
    }
    if (pattern != null) {
      facts.put("pattern", pattern);
      facts.put("functions_traced", functionsTraced);
    }
    if (probes >= 0) {
      facts.put("probes", probes);
    }
    if (!maps.isEmpty()) {
      facts.put("maps", List.copyOf(maps));
    }
    if (nonStackEntries > 0) {
      facts.put("non_stack_entries", nonStackEntries);
      facts.put("non_stack_maps", List.copyOf(nonStackMaps));
      warnings.add(
          new Warning(
              firstNonStackLine,
              nonStackEntries + (nonStackEntries == 1 ? " entry" : " entries") + " of "
                  + (nonStackMaps.size() == 1 ? "map " : "maps ") + String.join(", ", nonStackMaps)
                  + " left out of the table because " + (nonStackEntries == 1 ? "its key holds" : "their keys hold")
                  + " no stack"));
    }
    facts.put("stacks", stacks.size());
    facts.put("intervals", Math.max(interval + 1, stacks.isEmpty() ? 0 : 1));
    if (!intervalTimes.isEmpty()) {
      facts.put("interval_times", List.copyOf(intervalTimes));
    }
    facts.put("total_count", totalCount);
    facts.put("distinct_frames", names.usedCount());
    facts.put("detached", detached);
    facts.put("lines", lineCount);
    // Unrecognised lines get no warning here: they are in unrecognized(), and whoever reports the
    // result (the CLI's one warning for them) says so, with the first line's text.
    List<Stack> all = List.copyOf(stacks);
    // an unfinished stack's lines are added when it ends, after lines seen inside it: back in line order
    unrecognized.sort(java.util.Comparator.comparingLong(SourceLine::line));
    return new StackCountResult(
        source, StackTable.build(source, all), all, List.copyOf(warnings), List.copyOf(toolErrors),
        List.copyOf(unrecognized), Collections.unmodifiableMap(facts));
  }

  /**
   * A {@link StackLineKind#FOLDED_WITHOUT_FRAMES} line kept until the next line tells what it is.
   *
   * @param bytes the whole line as printed
   * @param skip where the line proper starts in {@code bytes} (2 after a {@code ^C} glued to it)
   * @param interval the interval it was printed in
   */
  private record HeldLine(long line, byte[] bytes, int skip, int interval) {}
}
