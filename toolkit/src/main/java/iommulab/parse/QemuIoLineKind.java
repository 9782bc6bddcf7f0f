package iommulab.parse;

import static iommulab.parse.QemuIoText.endsWith;
import static iommulab.parse.QemuIoText.indexOf;
import static iommulab.parse.QemuIoText.isDigit;
import static iommulab.parse.QemuIoText.isHexDigit;
import static iommulab.parse.QemuIoText.regionMatches;

import java.util.Set;

/**
 * What one line of qemu-io output is, judged from the line alone (after its {@code qemu-io> } prompts).
 * The shapes come from qemu's {@code qemu-io-cmds.c} (print_report, dump_buffer, map_f, alloc_f,
 * length_f, info_f) and {@code block.c}/{@code qemu-io.c} for open errors; iotests' filters only
 * replace fields with {@code X}, so their lines are the same kinds.
 *
 * <pre>{@code QemuIoLineKind kind = QemuIoLineKind.classify(buf, from, end, hadPrompt);}</pre>
 */
enum QemuIoLineKind {
  /** Nothing but whitespace (or only prompts). */
  BLANK,
  /** {@code read 65536/65536 bytes at offset 0}, also {@code wrote} and {@code discard}. */
  REPORT_HEAD,
  /** {@code 64 KiB, 1 ops; 00.01 sec (7.500 MiB/sec and 120.0078 ops/sec)}. */
  REPORT_STATS,
  /** {@code -C}: {@code 4096,1,0:00:00.00,46813033.590,11428.963} (bytes,ops,time,bytes/s,ops/s). */
  TERSE_REPORT,
  /** {@code read -v}: {@code 00000000:  5a 5a ...  ZZZZ}. */
  HEX_DUMP,
  /** {@code map}: {@code 64 KiB (0x10000) bytes     allocated at offset 0 bytes (0x0)}. */
  MAP,
  /** {@code alloc}: {@code 65536/65536 bytes allocated at offset 0 bytes} (older QEMU counted sectors). */
  ALLOC,
  /** {@code length}: {@code 64 MiB}. */
  LENGTH,
  /** {@code info}: {@code format name: qcow2}, {@code cluster size: 64 KiB}, {@code vm state offset: ...}. */
  INFO_FIELD,
  /** {@code info}: {@code Format specific information:}, followed by indented fields. */
  INFO_SPECIFIC_HEADER,
  /** An indented {@code key: value} line, part of an info block. */
  INDENTED_FIELD,
  /** {@code WARNING: Image format was not specified for 'x' and probing guessed raw.} */
  FORMAT_WARNING,
  /** The two indented lines that follow {@link #FORMAT_WARNING}. */
  FORMAT_WARNING_DETAIL,
  /** {@code Pattern verification failed at offset 0, 4096 bytes}. */
  PATTERN_FAILURE,
  /** An error qemu-io reports with its program name: {@code qemu-io: can't open device ...}. */
  QEMU_IO_ERROR,
  /** {@code Is another process using the image [x]?}, the second line of a lock error. */
  LOCK_HINT,
  /** A command's own error: {@code read failed: Input/output error}, {@code bad argument count ...}. */
  COMMAND_ERROR,
  /**
   * A command's one-line usage: {@code read [-abCqv] ... off len -- reads a number of bytes ...}, as
   * {@code help}, {@code help CMD} and a command's bad option print it.
   */
  USAGE,
  /** {@code Use 'help commandname' for extended help.}, the last line of {@code help}. */
  HELP_FOOTER,
  /** {@code Usage: qemu-io [OPTIONS]... [-c STRING]... [file]}, the first line of {@code qemu-io -h}. */
  PROGRAM_USAGE,
  /**
   * A line of help text that only the lines before it identify: the description and option lines of
   * {@code help CMD}, the rest of {@code qemu-io -h}. {@link #classify} never returns it;
   * {@link QemuIoHelp} does.
   */
  HELP_TEXT,
  /**
   * A command typed at the prompt, as a terminal echoes it: {@code qemu-io> read 0 4k}, also with
   * readline's redraw escapes ({@code r ESC[K ESC[D re ...}) as {@code script} records them.
   */
  COMMAND_ECHO,
  /** {@code qemu-io version 7.2.22 (Debian ...)} and the copyright line after it. */
  VERSION,
  /**
   * The shell line that ran qemu-io, e.g. {@code # qemu-io -c 'read 0 1G' nvme://...} or
   * {@code user@host:/tmp$ qemu-io ...} (prompt shapes in {@link QemuIoShellPrompt}).
   */
  INVOCATION,
  /** A shell prompt with nothing typed after it, e.g. the {@code $ } that ends a pasted session. */
  SHELL_PROMPT,
  /**
   * {@code blkdebug: Suspended request 'A'} and {@code blkdebug: Resuming request 'A'}, which qemu's
   * blkdebug driver prints when a {@code break} point is hit and on {@code resume}.
   */
  BLKDEBUG_EVENT,
  UNKNOWN;

  static final String[] OPS = {"read ", "wrote ", "discard "};

  /** Command names and aliases from qemu-io's command table ({@code qemu-io -c help}). */
  static final Set<String> COMMANDS =
      Set.of(
          "abort", "aio_flush", "aio_read", "aio_write", "alloc", "break", "close", "discard",
          "flush", "help", "info", "length", "map", "open", "quit", "read", "readv",
          "remove_break", "reopen", "resume", "sigraise", "sleep", "truncate", "wait_break",
          "write", "writev", "q", "r", "w", "a", "d", "o", "l", "i", "h", "?");

  /** Substrings that mark a command's own error message (qemu-io-cmds.c printf/fprintf texts). */
  private static final String[] ERROR_MARKS = {
    " failed: ", "bad argument count ", "Parsing error: ", " is not a valid pattern byte",
    "length cannot exceed ", " is not a sector-aligned value for ", "no file open, try ",
    "file open already, try ", " exceeds maximum size ", "The total number of bytes exceed",
    "pattern verification range exceeds", " cannot be specified at the same time",
    " requires -z to be specified", "Only one of ", "Only one -r/-w", "-z supports only",
    "Could not ", "Failed to ", "Cannot ", "Invalid ", "injecting invalid ", "signal argument ",
    "Unexpected end of image", " is not a valid number", "getlength: ", ": file is empty",
    "Block node ", "Error: ", ": invalid option -- ", ": option requires an argument -- "
  };

  /**
   * Classifies {@code buf[from..end)}, the line after any prompts.
   *
   * @param hadPrompt whether {@code qemu-io> } preceded the text: a command can only be echoed there
   */
  static QemuIoLineKind classify(char[] buf, int from, int end, boolean hadPrompt) {
    int firstNonBlank = from;
    while (firstNonBlank < end && Character.isWhitespace(buf[firstNonBlank])) {
      firstNonBlank++;
    }
    if (firstNonBlank == end) {
      return BLANK;
    }
    if (hadPrompt && indexOf(buf, from, end, "\u001b[") >= 0) {
      // readline redrawing the typed command on a terminal (a `script` capture)
      return COMMAND_ECHO;
    }
    // reports may come indented (pasted into a mail or a notebook): judge them from their first word
    int lastNonBlank = end;
    while (Character.isWhitespace(buf[lastNonBlank - 1])) {
      lastNonBlank--;
    }
    if (isReportHead(buf, firstNonBlank, lastNonBlank)) {
      return REPORT_HEAD;
    }
    // a statistics line starts with its size (or iotests' XXX): prose mentioning "ops; " is not one
    char first = buf[firstNonBlank];
    if ((isDigit(first) || first == 'X')
        && (indexOf(buf, firstNonBlank, lastNonBlank, " ops; ") >= 0
            || endsWith(buf, firstNonBlank, lastNonBlank, " ops/sec)"))) {
      return REPORT_STATS;
    }
    if (isDigit(buf[firstNonBlank]) && isTerse(buf, firstNonBlank, lastNonBlank)) {
      return TERSE_REPORT;
    }
    if (firstNonBlank > from) {
      return classifyIndented(buf, firstNonBlank, end);
    }
    if (regionMatches(buf, from, end, "Pattern verification failed at offset ")) {
      return PATTERN_FAILURE;
    }
    if (regionMatches(buf, from, end, "WARNING: Image format was not specified for ")) {
      return FORMAT_WARNING;
    }
    if (regionMatches(buf, from, end, "qemu-io: ")) {
      return QEMU_IO_ERROR;
    }
    if (regionMatches(buf, from, end, "qemu-io version ")
        || (regionMatches(buf, from, end, "Copyright (c) ") && indexOf(buf, from, end, "QEMU") > 0)) {
      return VERSION;
    }
    if (isBlkdebugEvent(buf, from, lastNonBlank)) {
      return BLKDEBUG_EVENT;
    }
    if (regionMatches(buf, from, end, "Is another process using the image [")) {
      return LOCK_HINT;
    }
    if (isHexDump(buf, from, end)) {
      return HEX_DUMP;
    }
    if (isDigit(buf[from])) {
      QemuIoLineKind numeric = classifyNumeric(buf, from, end);
      if (numeric != UNKNOWN) {
        return numeric;
      }
    }
    if (regionMatches(buf, from, end, "format name: ")
        || regionMatches(buf, from, end, "cluster size: ")
        || regionMatches(buf, from, end, "vm state offset: ")) {
      return INFO_FIELD;
    }
    if (regionMatches(buf, from, end, "Format specific information:")) {
      return INFO_SPECIFIC_HEADER;
    }
    if (regionMatches(buf, from, end, "Use 'help commandname' for extended help.")) {
      return HELP_FOOTER;
    }
    if (regionMatches(buf, from, end, "Usage: qemu-io ")) {
      return PROGRAM_USAGE;
    }
    if (isUsage(buf, from, end)) {
      return USAGE;
    }
    if (isInvocation(buf, from, end)) {
      return INVOCATION;
    }
    if (QemuIoShellPrompt.isBare(buf, from, end)) {
      return SHELL_PROMPT;
    }
    if (regionMatches(buf, from, end, "command ") && endsWith(buf, from, end, " not found")) {
      return COMMAND_ERROR;
    }
    for (String mark : ERROR_MARKS) {
      if (indexOf(buf, from, end, mark) >= 0) {
        return COMMAND_ERROR;
      }
    }
    // after the error marks: "qemu-io> read failed: ..." is output glued to a prompt, not an echo
    if (hadPrompt && COMMANDS.contains(firstWord(buf, from, end))) {
      return COMMAND_ECHO;
    }
    return UNKNOWN;
  }

  /**
   * A report head starts with the operation and a digit (or an iotests {@code X}) and says
   * {@code bytes} or has a slash, so a typed {@code read 0 4k} is not one but a broken
   * {@code read 12x/512 bytes at offset 0} is.
   */
  private static boolean isReportHead(char[] buf, int from, int end) {
    for (String op : OPS) {
      int after = from + op.length();
      if (regionMatches(buf, from, end, op) && after < end
          && (isDigit(buf[after]) || buf[after] == 'X')) {
        return indexOf(buf, after, end, "/") >= 0 || indexOf(buf, after, end, " bytes") >= 0;
      }
    }
    return false;
  }

  /** A digit-led first token with a comma in it, as {@code -C} prints: no spaces at all. */
  private static boolean isTerse(char[] buf, int from, int end) {
    for (int i = from; i < end; i++) {
      char c = buf[i];
      if (c == ',') {
        return true;
      }
      if (c == ' ') {
        return false;
      }
    }
    return false;
  }

  private static QemuIoLineKind classifyIndented(char[] buf, int from, int end) {
    if (regionMatches(buf, from, end, "Automatically detecting the format is dangerous")
        || regionMatches(buf, from, end, "Specify the '")) {
      return FORMAT_WARNING_DETAIL;
    }
    int colon = indexOf(buf, from, end, ":");
    return colon > from ? INDENTED_FIELD : UNKNOWN;
  }

  /** {@code %08x:  } then hex bytes; iotests filter the offset to {@code XXXXXXXX}. */
  private static boolean isHexDump(char[] buf, int from, int end) {
    int i = from;
    while (i < end && (isHexDigit(buf[i]) || buf[i] == 'X')) {
      i++;
    }
    return i - from >= 8 && regionMatches(buf, i, end, ":  ");
  }

  private static QemuIoLineKind classifyNumeric(char[] buf, int from, int end) {
    if (indexOf(buf, from, end, " bytes allocated at offset ") >= 0
        || indexOf(buf, from, end, " sectors allocated at offset ") >= 0) {
      return ALLOC;
    }
    if (indexOf(buf, from, end, ") bytes ") >= 0 && indexOf(buf, from, end, "allocated at offset ") >= 0) {
      return MAP;
    }
    int i = from;
    while (i < end && (isDigit(buf[i]) || buf[i] == '.')) {
      i++;
    }
    if (i < end && buf[i] == ' ' && QemuIoText.unitMultiplier(buf, i + 1, end) != 0) {
      return LENGTH;
    }
    return UNKNOWN;
  }

  /** {@code name args -- one line}, as help and a bad option print it. */
  private static boolean isUsage(char[] buf, int from, int end) {
    return COMMANDS.contains(firstWord(buf, from, end)) && indexOf(buf, from, end, " -- ") > 0;
  }

  /** {@code blkdebug: Suspended request 'TAG'} or {@code ... Resuming request 'TAG'} (block/blkdebug.c). */
  private static boolean isBlkdebugEvent(char[] buf, int from, int end) {
    int tag;
    if (regionMatches(buf, from, end, "blkdebug: Suspended request '")) {
      tag = from + "blkdebug: Suspended request '".length();
    } else if (regionMatches(buf, from, end, "blkdebug: Resuming request '")) {
      tag = from + "blkdebug: Resuming request '".length();
    } else {
      return false;
    }
    return end > tag && buf[end - 1] == '\'';
  }

  /** {@code qemu-io} (or a path ending in {@code /qemu-io}) as the command word, after any prompt. */
  private static boolean isInvocation(char[] buf, int from, int end) {
    int i = QemuIoShellPrompt.commandStart(buf, from, end);
    int word = i;
    while (i < end && buf[i] != ' ') {
      i++;
    }
    return i < end
        && (QemuIoText.regionEquals(buf, word, i, "qemu-io") || endsWith(buf, word, i, "/qemu-io"));
  }

  static String firstWord(char[] buf, int from, int end) {
    int i = from;
    while (i < end && buf[i] != ' ') {
      i++;
    }
    return i - from > 12 ? "" : new String(buf, from, i - from);
  }
}
