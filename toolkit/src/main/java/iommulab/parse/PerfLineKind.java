package iommulab.parse;

/**
 * What kind of line perf stat printed, decided from its first characters without parsing it. Counter
 * records are only candidates here: the record parsers decide (a workload's own output may look like
 * anything).
 */
enum PerfLineKind {
  BLANK,
  /** {@code Performance counter stats for 'cmd' (5 runs):}, possibly continued on further lines. */
  HEADER,
  /** {@code # started on Tue Nov 24 08:06:24 2026}: the start of an {@code -o} file. */
  STARTED_ON,
  /** {@code #           time CPU    counts unit events}: repeated column titles of -I. */
  COLUMN_TITLES,
  /** {@code # Table of individual measurements:} and {@code # Final result:} of {@code -r --table}. */
  TABLE_TITLE,
  /** {@code 5.189 (-0.293) #}: one run's elapsed time under {@code --table}. */
  TABLE_ROW,
  /** {@code 0.035829868 seconds time elapsed}, also {@code 0.04169 +- 0.00187 seconds time elapsed ( +- 4.49% )}. */
  ELAPSED,
  USER,
  SYS,
  /** {@code Wall-clock time elapsed:   719.554352 msecs} of the 2009 perf. */
  WALL_CLOCK,
  /** A shell prompt line that ran perf, as pasted on the reference page: {@code # perf stat -e ... -a sleep 1}. */
  PROMPT,
  /** Indented {@code # 0.30 stalled cycles per insn}: a further metric of the counter above. */
  METRIC_CONTINUATION,
  /** The first line of one of perf's own error reports. */
  TOOL_ERROR,
  /** {@code WARNING: 11 isn't a 'cpu_core', ...}: perf's own warning, kept as a {@link Warning}. */
  TOOL_WARNING,
  /** {@code \___ parser error}, {@code Run 'perf list' ...}: continuation of a tool error. */
  TOOL_ERROR_DETAIL,
  /**
   * {@code Hint:\tPerhaps this kernel misses some CONFIG_ setting ...}: perf's hint under the error
   * line before it. Part of an error only where one is open.
   */
  HINT,
  /** {@code Usage: perf stat [<options>] [<command>]}: perf printing its usage after an error. */
  USAGE,
  /**
   * {@code     -p, --pid <pid>       stat events on existing process id}: an option of perf's usage,
   * which perf also prints alone under an option error. Part of an error only where one is open.
   */
  OPTION_HELP,
  /** {@code Events disabled} and {@code Events enabled}: perf stat -D/--delay announcing the delay. */
  DELAY_NOTICE,
  JSON,
  /** Anything else: a counter record, a workload's output, or garbage. */
  OTHER;

  private static final String[] ERROR_STARTS = {
    "event syntax error", "Error:", "Workload failed", "failed to ", "Failed to ", "Cannot ",
    "perf: ", "Invalid ", "The sys_perf_event_open() syscall", "No permission", "Access to performance monitoring",
    "Problems finding threads of monitor", "top down event configuration requires",
    "System does not support topdown", "freeze_on_smi is not supported", "Initial error:"
  };

  static PerfLineKind classify(char[] b, int s, int e) {
    int i = PerfHumanLine.skipSpaces(b, s, e);
    if (i >= e) {
      return BLANK;
    }
    char c = b[i];
    if (c >= '0' && c <= '9') {
      return numberFirst(b, i, e);
    }
    switch (c) {
      case '{':
        return JSON;
      case '#':
        return hashFirst(b, s, i, e);
      case 'P':
        // perf quotes what it counted: 'cmd', 'system wide', process id '1', 'CPU(s) 0'
        if (starts(b, i, e, "Performance counter stats for") && PerfHumanLine.indexOf(b, i, e, '\'') >= 0) {
          return HEADER;
        }
        break;
      case 'W':
        if (starts(b, i, e, "Wall-clock time elapsed:")) {
          return WALL_CLOCK;
        }
        break;
      case 'U':
        if (starts(b, i, e, "Usage: perf")) {
          return USAGE;
        }
        break;
      case 'H':
        if (starts(b, i, e, "Hint:")) {
          return HINT;
        }
        break;
      case '$':
        if (starts(b, i, e, "$ perf ")) {
          return PROMPT;
        }
        break;
      case '\\':
        if (starts(b, i, e, "\\___")) {
          return TOOL_ERROR_DETAIL;
        }
        break;
      case 'R':
        if (starts(b, i, e, "Run 'perf list'")) {
          return TOOL_ERROR_DETAIL;
        }
        break;
      case 'v':
        if (starts(b, i, e, "valid terms: ")) {
          return TOOL_ERROR_DETAIL; // the terms a PMU takes, under an event syntax error
        }
        break;
      case '\u001b':
        if (isWhole(b, i, e, "\u001b[H\u001b[2J")) {
          return BLANK; // --interval-clear on a terminal: cursor home, clear screen
        }
        break;
      case 't', 'c', 'd', 's', 'n':
        if (isCsvTitles(b, i, e)) {
          return COLUMN_TITLES; // " time," and "cpu," heading --metric-only [-I] -x,
        }
        break;
      case 'E':
        if (isWhole(b, i, e, "Events disabled") || isWhole(b, i, e, "Events enabled")) {
          return DELAY_NOTICE;
        }
        break;
      case '-':
        if (i - s >= 4 && isOptionHelp(b, i, e)) {
          return OPTION_HELP;
        }
        if (starts(b, i, e, "--") && contains(b, i, e, " is not supported with ")) {
          return TOOL_ERROR; // "--metric-only is not supported with --per-thread" (or "with -r")
        }
        break;
      default:
        break;
    }
    if ((c == 'W' && (starts(b, i, e, "WARNING:") || starts(b, i, e, "Warning:")))
        || starts(b, i, e, "Some events weren't counted")) {
      return TOOL_WARNING;
    }
    for (String start : ERROR_STARTS) {
      if (c == start.charAt(0) && starts(b, i, e, start)) {
        return TOOL_ERROR;
      }
    }
    return OTHER;
  }

  private static PerfLineKind hashFirst(char[] b, int s, int i, int e) {
    if (starts(b, i, e, "# started on")) {
      return STARTED_ON;
    }
    if (starts(b, i, e, "# Table of individual measurements") || starts(b, i, e, "# Final result")) {
      return TABLE_TITLE;
    }
    if (starts(b, i, e, "# perf ")) {
      return PROMPT;
    }
    if (i > s) {
      // perf indents a further metric past its counter columns (49 spaces and more); a workload's
      // "  # comment" is not one
      return i - s >= METRIC_INDENT ? METRIC_CONTINUATION : OTHER;
    }
    if (starts(b, i, e, HUMAN_TITLES) && (i + HUMAN_TITLES.length() == e || b[i + HUMAN_TITLES.length()] == ' ')) {
      return COLUMN_TITLES; // "#counts: 5", "# time is up" and "# comments" are a workload's
    }
    return OTHER;
  }

  /** The least indentation of the {@code #} of perf's metric lines in the human form. */
  static final int METRIC_INDENT = 20;

  /**
   * How perf starts the column titles of {@code -I} in the human form, whatever the aggregation:
   * {@code #           time CPU    counts unit events}; the word is right-aligned over the timestamps
   * ({@code %6lu.%09lu}).
   */
  private static final String HUMAN_TITLES = "#           time";

  /** perf's own titles of {@code --metric-only -x SEP}: {@code time} under -I, then the aggregate's. */
  private static final String[] CSV_TITLE_WORDS = {
    "time", "cpu", "core", "cpus", "die", "socket", "node", "cache", "cluster", "comm-pid"
  };

  /**
   * {@code time,}, {@code cpu,} or {@code time,core,cpus,}: the titles {@code --metric-only [-I] -x SEP}
   * prints when no event has a metric, each ended by the separator. Titles with metric units after
   * them ({@code time,cpu,insn per cycle,}) are not taken here: they name the value lines after them,
   * and only such a line shows they were perf's.
   */
  private static boolean isCsvTitles(char[] b, int i, int e) {
    if (!isCsvSeparator(b[e - 1])) {
      return false;
    }
    char sep = b[e - 1];
    int p = i;
    while (p < e) {
      int q = p;
      while (q < e && b[q] != sep) {
        q++;
      }
      if (!isTitleWord(b, p, q)) {
        return false;
      }
      p = q + 1;
    }
    return true;
  }

  private static boolean isTitleWord(char[] b, int s, int e) {
    for (String word : CSV_TITLE_WORDS) {
      if (e - s == word.length() && starts(b, s, e, word)) {
        return true;
      }
    }
    return false;
  }

  /** Lines starting with a digit: records, unless the second word says otherwise. */
  private static PerfLineKind numberFirst(char[] b, int i, int e) {
    int t0 = i;
    while (t0 < e && ((b[t0] >= '0' && b[t0] <= '9') || b[t0] == '.' || b[t0] == ',')) {
      t0++;
    }
    if (t0 < e && b[t0] != ' ' && b[t0] != '\t') {
      // "1.001208508,CPU0,..." and friends: a CSV record, no need to scan the rest of the line
      return OTHER;
    }
    int t1 = PerfHumanLine.skipSpaces(b, t0, e);
    if (t1 >= e) {
      return OTHER;
    }
    char c = b[t1];
    if (c == 's' && starts(b, t1, e, "seconds ")) {
      int p = PerfHumanLine.skipSpaces(b, t1 + 8, e);
      if (starts(b, p, e, "time elapsed")) {
        return ELAPSED;
      }
      if (starts(b, p, e, "user")) {
        return USER;
      }
      if (starts(b, p, e, "sys")) {
        return SYS;
      }
      return OTHER;
    }
    if (c == '+' && starts(b, t1, e, "+- ")) {
      return ELAPSED;
    }
    if (c == '(' && b[PerfHumanLine.trimEnd(b, t1, e) - 1] == '#') {
      return TABLE_ROW;
    }
    return OTHER;
  }

  /** A {@code -x} separator other than space, which human lines are full of. */
  static boolean isCsvSeparator(char c) {
    return c == ',' || c == ';' || c == ':' || c == '|' || c == '\t';
  }

  private static boolean isWhole(char[] b, int i, int e, String text) {
    return PerfHumanLine.trimEnd(b, i, e) - i == text.length() && starts(b, i, e, text);
  }

  /** {@code -p, --pid <pid>} or {@code --log-fd <n>}: a short and a long option, or a long one. */
  private static boolean isOptionHelp(char[] b, int i, int e) {
    int p = i;
    if (p + 1 < e && b[p + 1] != '-') {
      if (p + 4 >= e || b[p + 2] != ',' || b[p + 3] != ' ') {
        return false;
      }
      p += 4;
    }
    return p + 2 < e && b[p] == '-' && b[p + 1] == '-' && b[p + 2] >= 'a' && b[p + 2] <= 'z';
  }

  private static boolean contains(char[] b, int i, int e, String text) {
    for (int p = i; p + text.length() <= e; p++) {
      if (starts(b, p, e, text)) {
        return true;
      }
    }
    return false;
  }

  static boolean starts(char[] b, int i, int e, String prefix) {
    int n = prefix.length();
    if (e - i < n) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (b[i + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
