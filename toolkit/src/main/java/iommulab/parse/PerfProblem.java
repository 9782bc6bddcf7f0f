package iommulab.parse;

/**
 * Where and why a line that starts like a counter record failed to parse, filled by the record
 * parsers (which know the column) and turned into a {@link ParseException} by the assembler (which
 * knows the source and line number). One instance is reused.
 */
final class PerfProblem {
  static final int NOT_RECORD = 0;
  static final int RECORD = 1;
  static final int MALFORMED = -1;
  /** A line with only a further metric of the counter above ({@code [TIME] [AGGR] # 0.41 insn per cycle}). */
  static final int METRIC_ONLY = 2;
  /**
   * perf 6.5+'s metric-group row ({@code TopdownL1}): the group in the event fields, no counter
   * value, possibly its first metric; the metrics after it belong to it.
   */
  static final int METRIC_GROUP = 3;
  /** perf 6.5+'s --metric-only JSON: {@code {"insn per cycle" : "1.04", ...}}, each unit a key. */
  static final int METRIC_ONLY_VALUES = 4;

  /** 1-based column of the offending text. */
  int column;
  String reason;
  String expected;

  int fail(int lineStart, int at, String why, String shape) {
    column = at - lineStart + 1;
    reason = why;
    expected = shape;
    return MALFORMED;
  }
}
