package iommulab.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns classified qemu-io lines into report rows and facts. A report is the pair
 * {@code read N/N bytes at offset N} + statistics line, or one {@code -C} line; everything else qemu-io
 * prints (dumps, map, alloc, length, info, warnings, errors) is recognised and summarised in facts;
 * help text is recognised and otherwise left alone.
 * One assembler parses one input.
 */
final class QemuIoAssembler {
  static final String HEAD_SHAPE = "'<op> N/N bytes at offset N'";
  static final String STATS_SHAPE = "'SIZE UNIT, N ops; TIME (RATE UNIT/sec and RATE ops/sec)'";
  static final String TERSE_SHAPE = "'BYTES,OPS,H:MM:SS.ss,BYTES_PER_SEC,OPS_PER_SEC' (-C)";
  static final String MAP_SHAPE = "'SIZE (0xN) bytes [not] allocated at offset SIZE (0xN)'";
  static final String ALLOC_SHAPE = "'N/N bytes allocated at offset SIZE'";
  static final String LENGTH_SHAPE = "'SIZE UNIT'";
  /**
   * How many unrecognised lines and warnings are listed verbatim: a multi-GB binary file must not be
   * copied into memory line by line. The rest are counted (facts, summary) and announced in a warning;
   * the input file itself still holds them.
   */
  static final int MAX_LISTED = 10_000;

  static final String KNOWN_OUTPUT =
      "qemu-io output (a report, -C line, hex dump, map/alloc/length/info output, warning or error)";

  private final ParseOptions options;
  private final QemuIoTableBuilder rows = new QemuIoTableBuilder();
  private final List<Warning> warnings = new ArrayList<>();
  private final List<ToolError> toolErrors = new ArrayList<>();
  private final List<SourceLine> unrecognized = new ArrayList<>();
  private final QemuIoFacts facts = new QemuIoFacts();
  private long warningsSeen;
  private long unrecognizedSeen;

  // the head line of a report whose statistics line has not come yet
  private boolean pending;
  private String pendingOp;
  private long pendingBytes;
  private long pendingRequested;
  private long pendingOffset;
  private long pendingLine;

  private final QemuIoHelp help = new QemuIoHelp();
  private QemuIoLineKind previous = QemuIoLineKind.BLANK;
  private boolean inFormatSpecific;

  QemuIoAssembler(ParseOptions options) {
    this.options = options;
  }

  QemuIoResult run(LineReader lines) throws IOException, ParseException {
    while (lines.next()) {
      try {
        accept(lines);
      } catch (ParseException e) {
        if (lines.hadNewline() || options.strict()) {
          throw e;
        }
        // a capture cut mid-line is not malformed output: keep the fragment and say so
        keep(new SourceLine(lines.number(), lines.text()));
        warn(new Warning(lines.number(), "last line is cut short (no newline): " + e.reason()));
      }
    }
    flushPending();
    if (warningsSeen > warnings.size() || unrecognizedSeen > unrecognized.size()) {
      warnings.add(new Warning(0, (unrecognizedSeen - unrecognized.size()) + " unrecognized lines and "
          + (warningsSeen - warnings.size()) + " warnings beyond the first " + MAX_LISTED
          + " of each are counted but not listed"));
    }
    Map<String, Object> factMap =
        facts.toMap(rows.rowCount(), toolErrors.size(), warningsSeen, unrecognizedSeen);
    return new QemuIoResult(
        options.sourceName(),
        rows.build(options.sourceName()),
        List.copyOf(warnings),
        List.copyOf(toolErrors),
        List.copyOf(unrecognized),
        factMap);
  }

  private void accept(LineReader lines) throws ParseException {
    char[] buf = lines.array();
    int start = lines.start();
    int end = lines.end();
    int from = start;
    boolean hadPrompt = false;
    // interactive qemu-io prints its prompt without a newline, so output is glued to it
    while (QemuIoText.regionMatches(buf, from, end, QemuIoText.PROMPT)) {
      from += QemuIoText.PROMPT.length();
      if (from < end && buf[from] == ' ') {
        from++;
      }
      hadPrompt = true;
      facts.prompts++;
    }
    long number = lines.number();
    QemuIoLineKind kind =
        help.follow(QemuIoLineKind.classify(buf, from, end, hadPrompt), buf, from, end, hadPrompt);
    int content = from;
    while (content < end && Character.isWhitespace(buf[content])) {
      content++;
    }
    if (kind != QemuIoLineKind.INDENTED_FIELD && kind != QemuIoLineKind.BLANK) {
      inFormatSpecific = false;
    }
    switch (kind) {
      case BLANK -> { }
      case REPORT_HEAD -> head(scanner(lines, content, HEAD_SHAPE), number);
      case REPORT_STATS -> stats(scanner(lines, content, STATS_SHAPE), number);
      case TERSE_REPORT -> terse(scanner(lines, content, TERSE_SHAPE), number);
      case HEX_DUMP -> facts.hexDumpLines++;
      case MAP -> facts.map.add(QemuIoOutputs.map(scanner(lines, from, MAP_SHAPE), buf, from, end));
      case ALLOC -> facts.alloc.add(QemuIoOutputs.alloc(scanner(lines, from, ALLOC_SHAPE), buf, end));
      case LENGTH -> {
        facts.length = new String(buf, from, end - from);
        facts.lengthBytes = QemuIoOutputs.length(scanner(lines, from, LENGTH_SHAPE));
      }
      case INFO_FIELD -> facts.info(new String(buf, from, end - from));
      case INFO_SPECIFIC_HEADER -> {
        inFormatSpecific = true;
        facts.formatSpecificHeader();
      }
      case INDENTED_FIELD -> {
        if (inFormatSpecific) {
          facts.formatSpecific(new String(buf, from, end - from));
        } else {
          unknown(lines, from);
        }
      }
      case FORMAT_WARNING -> formatWarning(new String(buf, from, end - from), number);
      case FORMAT_WARNING_DETAIL, USAGE, HELP_FOOTER, PROGRAM_USAGE, HELP_TEXT -> { }
      case PATTERN_FAILURE -> {
        facts.patternFailures++;
        toolErrors.add(new ToolError(number, new String(buf, from, end - from)));
      }
      case QEMU_IO_ERROR -> qemuIoError(new String(buf, from, end - from), number);
      case LOCK_HINT -> lockHint(new String(buf, from, end - from), number);
      case COMMAND_ERROR -> toolErrors.add(new ToolError(number, new String(buf, from, end - from)));
      case COMMAND_ECHO -> facts.commands.add(QemuIoText.terminalEcho(buf, from, end));
      case INVOCATION -> {
        int command = QemuIoShellPrompt.commandStart(buf, from, end);
        facts.invocation(new String(buf, command, end - command));
      }
      case SHELL_PROMPT -> { }
      case BLKDEBUG_EVENT -> facts.blkdebugEvents++;
      case VERSION -> facts.version(new String(buf, from, end - from));
      case UNKNOWN -> unknown(lines, from);
    }
    if (kind != QemuIoLineKind.BLANK) {
      previous = kind;
    }
  }

  private QemuIoScanner scanner(LineReader lines, int from, String shape) {
    return new QemuIoScanner(
        options.sourceName(), lines.number(), lines.array(), lines.start(), from, lines.end(), shape);
  }

  private void head(QemuIoScanner in, long number) throws ParseException {
    String op = null;
    for (String candidate : QemuIoLineKind.OPS) {
      if (in.skip(candidate)) {
        op = candidate.strip();
        break;
      }
    }
    if (op == null) {
      throw in.error(in.position(), "unknown operation (read, wrote or discard)");
    }
    // some iotests filter these too: "wrote XXX/XXX bytes at offset XXX" (046)
    long bytes = in.skipFiltered('/') ? QemuIoTableBuilder.ABSENT : in.unsignedLong("byte count", '/');
    in.expect("/");
    long requested =
        in.skipFiltered(' ') ? QemuIoTableBuilder.ABSENT : in.unsignedLong("requested byte count", ' ');
    in.expect(" bytes at offset ");
    long offset = in.skipFiltered(' ') ? QemuIoTableBuilder.ABSENT : in.unsignedLong("offset", ' ');
    in.expectEnd();
    flushPending();
    if (bytes == QemuIoTableBuilder.ABSENT || requested == QemuIoTableBuilder.ABSENT
        || offset == QemuIoTableBuilder.ABSENT) {
      warn(new Warning(number,
          "byte counts or offsets filtered to X (qemu iotests): left empty"));
    }
    pending = true;
    pendingOp = "wrote".equals(op) ? "write" : op;
    pendingBytes = bytes;
    pendingRequested = requested;
    pendingOffset = offset;
    pendingLine = number;
  }

  private void stats(QemuIoScanner in, long number) throws ParseException {
    // the size text is rounded ("2 GiB" for 2147483136 bytes): checked for shape, never used
    if (in.skipFiltered(' ')) {
      in.expect(" ");
      in.skipUnitPlaceholder(',');
    } else {
      in.decimal("size", ' ', 1);
      in.expect(" ");
      in.sizeUnit(',');
    }
    in.expect(", ");
    boolean filtered = false;
    long ops = QemuIoTableBuilder.ABSENT;
    if (in.skipFiltered(' ')) {
      filtered = true;
    } else {
      ops = in.unsignedLong("op count", ' ');
    }
    in.expect(" ops; ");
    double seconds = Double.NaN;
    if (in.skipFiltered(' ')) {
      filtered = true;
    } else {
      seconds = in.duration(' ', true);
    }
    in.expect(" (");
    double bytesPerSecond = Double.NaN;
    if (in.skipFiltered(' ')) {
      filtered = true;
      in.expect(" ");
      in.skipUnitPlaceholder('/');
    } else {
      bytesPerSecond = in.quantity("rate", '/');
    }
    in.expect("/sec and ");
    double opsPerSecond = Double.NaN;
    if (in.skipFiltered(' ')) {
      filtered = true;
    } else {
      opsPerSecond = in.decimal("ops rate", ' ', 1);
    }
    in.expect(" ops/sec)");
    in.expectEnd();
    long line = number;
    if (pending) {
      line = pendingLine;
      pending = false;
      addRow(pendingOp, pendingOffset, pendingRequested, pendingBytes, ops, seconds,
          bytesPerSecond, opsPerSecond, line);
    } else {
      warn(new Warning(number,
          "statistics line without its '<op> N/N bytes at offset N' line: op, offset and bytes left empty"));
      addRow("", QemuIoTableBuilder.ABSENT, QemuIoTableBuilder.ABSENT, QemuIoTableBuilder.ABSENT,
          ops, seconds, bytesPerSecond, opsPerSecond, line);
    }
    if (filtered) {
      warn(new Warning(line,
          "timing filtered to X (qemu iotests): ops, seconds and rates left empty"));
    }
  }

  private void terse(QemuIoScanner in, long number) throws ParseException {
    long bytes = in.unsignedLong("byte count", ',');
    in.expect(",");
    long ops = in.unsignedLong("op count", ',');
    in.expect(",");
    double seconds = in.duration(',', false);
    in.expect(",");
    double bytesPerSecond = in.decimal("rate", ',', 1);
    in.expect(",");
    double opsPerSecond = in.decimal("ops rate", ',', 1);
    in.expectEnd();
    flushPending();
    addRow("", QemuIoTableBuilder.ABSENT, QemuIoTableBuilder.ABSENT, bytes, ops, seconds,
        bytesPerSecond, opsPerSecond, number);
  }

  private void addRow(String op, long offset, long requested, long bytes, long ops, double seconds,
      double bytesPerSecond, double opsPerSecond, long line) {
    rows.add(op, offset, requested, bytes, ops, seconds, bytesPerSecond, opsPerSecond, line);
    facts.countReport(op, bytes);
  }

  /** A head whose statistics never came (cut capture, interleaved stderr): keep what it says. */
  private void flushPending() {
    if (!pending) {
      return;
    }
    pending = false;
    warn(new Warning(pendingLine,
        "report without its statistics line: ops, seconds and rates left empty"));
    addRow(pendingOp, pendingOffset, pendingRequested, pendingBytes, QemuIoTableBuilder.ABSENT,
        Double.NaN, Double.NaN, Double.NaN, pendingLine);
  }

  private void formatWarning(String text, long number) {
    String prefix = "WARNING: Image format was not specified for '";
    int close = text.lastIndexOf("' and probing guessed ");
    if (close > prefix.length() - 1) {
      facts.printedTarget(text.substring(prefix.length(), close));
      String guessed = text.substring(close + "' and probing guessed ".length());
      facts.formatProbed = guessed.endsWith(".") ? guessed.substring(0, guessed.length() - 1) : guessed;
    }
    // without qemu's "WARNING: " prefix, which a Warning already says
    warn(new Warning(number, text.substring("WARNING: ".length())));
  }

  private void qemuIoError(String text, long number) {
    String message = text.substring("qemu-io: ".length());
    if (message.startsWith("warning: ")) {
      // error_report's warning form: worth knowing, but the run did not fail because of it
      warn(new Warning(number, text));
      return;
    }
    String device = "can't open device ";
    if (message.startsWith(device)) {
      int colon = message.indexOf(": ", device.length());
      facts.printedTarget(message.substring(device.length(), colon < 0 ? message.length() : colon));
    }
    toolErrors.add(new ToolError(number, message));
  }

  /** The second line of a lock error belongs to the {@code can't open device} line before it. */
  private void lockHint(String text, long number) {
    if (previous == QemuIoLineKind.QEMU_IO_ERROR && !toolErrors.isEmpty()) {
      ToolError first = toolErrors.remove(toolErrors.size() - 1);
      toolErrors.add(new ToolError(first.line(), first.message() + " " + text));
    } else {
      toolErrors.add(new ToolError(number, text));
    }
  }

  private void warn(Warning warning) {
    if (warningsSeen++ < MAX_LISTED) {
      warnings.add(warning);
    }
  }

  private void keep(SourceLine line) {
    if (unrecognizedSeen++ < MAX_LISTED) {
      unrecognized.add(line);
    }
  }

  private void unknown(LineReader lines, int from) throws ParseException {
    String text = lines.text();
    if (options.strict()) {
      throw new ParseException(options.sourceName(), lines.number(), from - lines.start() + 1, text,
          "unrecognized line '" + abbreviate(text) + "'", KNOWN_OUTPUT);
    }
    keep(new SourceLine(lines.number(), text));
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
