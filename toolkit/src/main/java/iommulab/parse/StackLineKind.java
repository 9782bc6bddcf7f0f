package iommulab.parse;

/** What one line of bcc {@code stackcount} or bpftrace stack-map output is (see {@link StackLineClassifier}). */
enum StackLineKind {
  /** Empty line: ends a stack, or starts an {@code -i} interval when no stack just ended. */
  BLANK,
  /** {@code Tracing N functions for "..."... Hit Ctrl-C to end.} */
  BCC_HEADER,
  /** bpftrace's {@code Attaching N probes...} */
  BPFTRACE_HEADER,
  /** {@code Detaching...} */
  DETACHING,
  /** {@code -T} / bpftrace {@code time()} line, {@code HH:MM:SS}. */
  TIMESTAMP,
  /** Two spaces and a frame, possibly {@code b'...'} quoted or after a {@code -v} address. */
  FRAME,
  /** Four spaces and digits: the count that closes a stack. */
  COUNT,
  /** Four spaces and {@code --}: the {@code -d} kernel/user delimiter. */
  DELIMITER,
  /** Four spaces, a command name and {@code [pid]} ({@code -P}). */
  PROCESS,
  /** Four spaces and a digit but not a count or process line: a broken count. */
  BAD_COUNT,
  /** {@code stackcount -f} line: {@code process;frame;...;frame COUNT}. */
  FOLDED,
  /**
   * {@code comm COUNT} or {@code " COUNT"} before any folded line with a {@code ;}: the {@code -f} line
   * of a stack without frames, or a line of some other program; the parser tells which by the line
   * after it.
   */
  FOLDED_WITHOUT_FRAMES,
  /** bpftrace map entry opening a multi-line key, {@code @name[} optionally followed by scalars. */
  MAP_OPEN,
  /**
   * bpftrace map entry whose key is on one line, {@code @name[]: N} or {@code @name[comm]: N}; the value
   * may also be a {@code stats()} triple, text, or nothing (a histogram or stack value follows).
   */
  MAP_ENTRY,
  /**
   * bpftrace closing line of a multi-line key, {@code ]: N} or {@code , comm]: N} (or another value), or the {@code , }
   * line between two stacks of one key ({@code @[kstack, ustack]}).
   */
  MAP_CLOSE,
  /** A shell prompt running the tool, e.g. {@code # stackcount 'arm_smmu_*'}. */
  COMMAND,
  /** The tool's own error report, e.g. {@code No functions matched by pattern ...}. */
  TOOL_ERROR,
  /**
   * A notice the tool prints although it goes on working: bpftrace's {@code ERROR: ... couldn't set
   * RLIMIT_MEMLOCK ...} (a warning, not a tool error).
   */
  TOOL_NOTICE,
  /**
   * bpftrace's report of a problem in the program, {@code stdin:1:1-24: ERROR: ...} or
   * {@code ...: WARNING: ...}, which bpftrace follows with the program line and a {@code ~~~} marker.
   */
  PROGRAM_DIAGNOSTIC,
  /** Anything else: kept verbatim in {@link ParseResult#unrecognized()}. */
  OTHER
}
