package iommulab.parse;

/**
 * Says what kind of line of stack output {@code a[s .. e)} is, looking only at its shape; the
 * {@link StackParser} decides what the kind means in context. No allocation: this runs on every one
 * of the millions of lines of a large profile.
 *
 * <p>The shapes come from bcc's {@code stackcount.py} (frames indented 2 spaces; count, process and
 * {@code --} indented 4) and bpftrace's map printer ({@code @name[}, frames indented 4, {@code ]: N}).
 */
final class StackLineClassifier {
  private static final String[] TOOL_ERROR_PREFIXES = {
    "ERROR:", "Error:", "No functions matched", "Failed to ", "cannot attach", "[Errno ",
    "No probes to attach"
  };

  /** bpftrace prints this on most machines and then runs normally. */
  private static final String MEMLOCK_NOTICE = "couldn't set RLIMIT_MEMLOCK";

  private static final String[] COMMANDS = {
    "stackcount", "stackcount.py", "stackcount-bpfcc", "bpftrace"
  };

  private StackLineClassifier() {}

  /**
   * @param inMapEntry whether the previous lines opened a bpftrace map entry not yet closed, where
   *     every indented line is a frame
   * @param folded whether {@code -f} lines with a {@code ;} were seen before, so that a line without
   *     {@code ;} is one too; before them such a line is {@link StackLineKind#FOLDED_WITHOUT_FRAMES}
   */
  static StackLineKind classify(byte[] a, int s, int e, boolean inMapEntry, boolean folded) {
    if (s == e) {
      return StackLineKind.BLANK;
    }
    byte c0 = a[s];
    if (c0 == ' ' || c0 == '\t') {
      return indented(a, s, e, inMapEntry, folded);
    }
    if (inMapEntry && (c0 == ']' || c0 == ',')) {
      return StackLineKind.MAP_CLOSE;
    }
    if (c0 == '@') {
      return mapLine(a, s, e);
    }
    if (isTimestamp(a, s, e)) {
      return StackLineKind.TIMESTAMP;
    }
    if (startsWith(a, s, e, "Tracing ") && contains(a, s, e, "Hit Ctrl-C to end.")) {
      return StackLineKind.BCC_HEADER;
    }
    if (startsWith(a, s, e, "Attaching ") && contains(a, s, e, " probe")) {
      return StackLineKind.BPFTRACE_HEADER;
    }
    if (startsWith(a, s, e, "Detaching...")) {
      return StackLineKind.DETACHING;
    }
    if (isCommand(a, s, e)) {
      return StackLineKind.COMMAND;
    }
    if (c0 == 'E' && startsWith(a, s, e, "ERROR:") && contains(a, s, e, MEMLOCK_NOTICE)) {
      return StackLineKind.TOOL_NOTICE;
    }
    if (programDiagnostic(a, s, e) > 0) {
      return StackLineKind.PROGRAM_DIAGNOSTIC;
    }
    for (String prefix : TOOL_ERROR_PREFIXES) {
      if (startsWith(a, s, e, prefix)) {
        return StackLineKind.TOOL_ERROR;
      }
    }
    int space = foldedCountSpace(a, s, e);
    if (space >= 0) {
      boolean withFrames = folded || indexOf(a, s, space, ';') >= 0;
      return withFrames ? StackLineKind.FOLDED : StackLineKind.FOLDED_WITHOUT_FRAMES;
    }
    return StackLineKind.OTHER;
  }

  private static StackLineKind indented(byte[] a, int s, int e, boolean inMapEntry, boolean folded) {
    int spaces = 0;
    while (s + spaces < e && (a[s + spaces] == ' ' || a[s + spaces] == '\t')) {
      spaces++;
    }
    if (s + spaces == e) {
      return StackLineKind.BLANK;
    }
    if (inMapEntry) {
      return StackLineKind.FRAME;
    }
    if (spaces == 1 && a[s] == ' ' && allDigits(a, s + 1, e)) {
      // bcc -f for a stack with no comm and no frames: " 1"
      return folded ? StackLineKind.FOLDED : StackLineKind.FOLDED_WITHOUT_FRAMES;
    }
    if (spaces == 2 && a[s] == ' ' && a[s + 1] == ' ') {
      return StackLineKind.FRAME;
    }
    if (spaces != 4 || a[s + 2] != ' ' || a[s + 3] != ' ') {
      return StackLineKind.OTHER;
    }
    int r = s + 4;
    if (allDigits(a, r, e)) {
      return StackLineKind.COUNT;
    }
    if (e - r == 2 && a[r] == '-' && a[r + 1] == '-') {
      return StackLineKind.DELIMITER;
    }
    if (a[e - 1] == ']' && processBracket(a, r, e) >= 0) {
      return StackLineKind.PROCESS;
    }
    return a[r] >= '0' && a[r] <= '9' ? StackLineKind.BAD_COUNT : StackLineKind.OTHER;
  }

  private static StackLineKind mapLine(byte[] a, int s, int e) {
    int bracket = indexOf(a, s, e, '[');
    if (bracket < 0) {
      return StackLineKind.OTHER;
    }
    return mapKeyEnd(a, bracket, e) >= 0 ? StackLineKind.MAP_ENTRY : StackLineKind.MAP_OPEN;
  }

  /**
   * The {@code ]} that closes a bpftrace map key in {@code a[s .. e)}: the first one followed by
   * {@code ": "} (or by {@code ":"} at the end of the line), else -1. bpftrace prints every entry as
   * {@code KEY: VALUE} (src/output.cpp, {@code map_keyval_to_str}), whatever the value: a number, a
   * {@code stats()} triple, a string, or nothing when a histogram or a stack follows on the next lines.
   */
  static int mapKeyEnd(byte[] a, int s, int e) {
    for (int i = s; i + 1 < e; i++) {
      if (a[i] == ']' && a[i + 1] == ':' && (i + 2 == e || a[i + 2] == ' ')) {
        return i;
      }
    }
    return -1;
  }

  /** Where the value starts after the key closed at {@code keyEnd} ({@link #mapKeyEnd}). */
  static int mapValueStart(int keyEnd, int e) {
    return Math.min(keyEnd + 3, e);
  }

  /** What a bpftrace map entry's value, {@code a[v .. e)}, is. */
  enum MapValue {
    /** Digits: {@code count()}, and {@code sum()}, {@code min()}, {@code max()}, {@code avg()} alike. */
    COUNT,
    /** {@code -5}: a signed {@code sum()}, {@code min()}, {@code max()} or {@code avg()}. */
    NEGATIVE,
    /** {@code count 3, average 5, total 15}: {@code stats()}. */
    STATS,
    /** Nothing: a {@code hist()}/{@code lhist()} histogram or a stack follows on the next lines. */
    FOLLOWS,
    /** Anything else: a string, {@code ksym()}, a tuple {@code (1, cat)}, an address. */
    TEXT
  }

  static MapValue mapValue(byte[] a, int v, int e) {
    int end = e;
    while (end > v && a[end - 1] == ' ') {
      end--;
    }
    if (end == v) {
      return MapValue.FOLLOWS;
    }
    if (allDigits(a, v, end)) {
      return end == e ? MapValue.COUNT : MapValue.TEXT;
    }
    if (a[v] == '-' && allDigits(a, v + 1, e)) {
      return MapValue.NEGATIVE;
    }
    if (startsWith(a, v, e, "count ") && contains(a, v, e, ", average ") && contains(a, v, e, ", total ")) {
      return MapValue.STATS;
    }
    return MapValue.TEXT;
  }

  /** Index of the {@code " ["} before the pid in {@code comm [pid]}, or -1. */
  static int processBracket(byte[] a, int s, int e) {
    for (int i = e - 2; i > s; i--) {
      if (a[i] == '[' && a[i - 1] == ' ') {
        return i - 1;
      }
    }
    return -1;
  }

  /**
   * For bpftrace's {@code FILE:L:C[-C]: ERROR: ...} / {@code ...: WARNING: ...}: the index where
   * {@code ERROR} or {@code WARNING} starts, else -1.
   */
  static int programDiagnostic(byte[] a, int s, int e) {
    int space = s;
    while (space < e && a[space] != ' ') {
      if (a[space] == ';') {
        return -1; // a folded line: not worth scanning on
      }
      space++;
    }
    if (space == e || space < s + 5 || a[space - 1] != ':') {
      return -1;
    }
    int i = space - 1; // walk back over ":L:C[-C]"
    int end = i;
    while (i > s && (digit(a[i - 1]) || a[i - 1] == '-')) {
      i--;
    }
    if (i == end || a[i - 1] != ':') {
      return -1;
    }
    i--;
    end = i;
    while (i > s && digit(a[i - 1])) {
      i--;
    }
    if (i == end || i == s || a[i - 1] != ':') {
      return -1;
    }
    int word = space + 1;
    return startsWith(a, word, e, "ERROR:") || startsWith(a, word, e, "WARNING:") ? word : -1;
  }

  /** The {@code ~~~} line under a {@link StackLineKind#PROGRAM_DIAGNOSTIC}'s program line. */
  static boolean isMarker(byte[] a, int s, int e) {
    boolean tilde = false;
    for (int i = s; i < e; i++) {
      if (a[i] == '~' || a[i] == '^') {
        tilde = true;
      } else if (a[i] != ' ') {
        return false;
      }
    }
    return tilde;
  }

  /** A pasted shell command running the tool: {@code # ./stackcount -d ip_output}, {@code ./stackcount.py -v x}. */
  private static boolean isCommand(byte[] a, int s, int e) {
    int from = s;
    if (e - s > 2 && (a[s] == '#' || a[s] == '$') && a[s + 1] == ' ') {
      from = s + 2;
    }
    if (startsWith(a, from, e, "sudo ")) {
      from += 5;
    }
    int space = indexOf(a, from, e, ' ');
    int end = space < 0 ? e : space;
    for (String tool : COMMANDS) {
      int n = tool.length();
      if (end - from >= n && startsWith(a, end - n, end, tool)
          && (end - from == n || a[end - n - 1] == '/')) {
        return true;
      }
    }
    return false;
  }

  /** {@code HH:MM:SS}, possibly padded with blanks ({@code %-8s}). */
  private static boolean isTimestamp(byte[] a, int s, int e) {
    if (e - s < 8 || a[s + 2] != ':' || a[s + 5] != ':') {
      return isDateTime(a, s, e);
    }
    if (!digit(a[s]) || !digit(a[s + 1]) || !digit(a[s + 3]) || !digit(a[s + 4]) || !digit(a[s + 6])
        || !digit(a[s + 7])) {
      return false;
    }
    for (int i = s + 8; i < e; i++) {
      if (a[i] != ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * bpftrace's {@code time()} with a format of one's own, {@code time("%Y-%m-%d %H:%M:%S\n")}: a line of
   * digits, at least two {@code :} and the date's {@code -}, {@code /}, {@code .}, {@code T} and
   * spaces, starting with a digit.
   */
  private static boolean isDateTime(byte[] a, int s, int e) {
    if (e - s < 8 || !digit(a[s])) {
      return false;
    }
    int colons = 0;
    int digits = 0;
    for (int i = s; i < e; i++) {
      byte c = a[i];
      if (c == ':') {
        colons++;
      } else if (digit(c)) {
        digits++;
      } else if (c != '-' && c != '/' && c != '.' && c != 'T' && c != ' ') {
        return false;
      }
    }
    return colons >= 2 && digits >= 6;
  }

  /** The space before the count of {@code ... COUNT}, or -1. */
  private static int foldedCountSpace(byte[] a, int s, int e) {
    int space = lastIndexOf(a, s, e, ' ');
    return space > s && allDigits(a, space + 1, e) ? space : -1;
  }

  private static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }

  static boolean allDigits(byte[] a, int s, int e) {
    if (s >= e) {
      return false;
    }
    for (int i = s; i < e; i++) {
      if (a[i] < '0' || a[i] > '9') {
        return false;
      }
    }
    return true;
  }

  static boolean startsWith(byte[] a, int s, int e, String prefix) {
    int n = prefix.length();
    if (e - s < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (a[s + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  static boolean contains(byte[] a, int s, int e, String needle) {
    int n = needle.length();
    for (int i = s; i + n <= e; i++) {
      if (startsWith(a, i, e, needle)) {
        return true;
      }
    }
    return false;
  }

  static int indexOf(byte[] a, int s, int e, char c) {
    for (int i = s; i < e; i++) {
      if (a[i] == c) {
        return i;
      }
    }
    return -1;
  }

  static int lastIndexOf(byte[] a, int s, int e, char c) {
    for (int i = e - 1; i >= s; i--) {
      if (a[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
