package iommulab.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Says which tool printed a text by scoring its first lines: lines only one tool prints (qemu-io's
 * {@code bytes at offset}, perf's {@code Performance counter stats}, bcc's {@code Tracing N functions})
 * weigh much more than shapes several tools share. When no such line is there (perf's {@code -x}
 * CSV with any separator, qemu-io's {@code map} output, a lone error report), each tool's parser
 * reads the same lines and the one that recognises the most of them wins. Returns empty when
 * nothing is recognised or two tools tie, so a caller can ask for {@code --tool} instead of guessing.
 *
 * <pre>{@code Tool tool = ToolDetector.detect(path).orElseThrow();}</pre>
 */
public final class ToolDetector {
  /** How much of a text is looked at. */
  public static final int HEAD_CHARS = 64 * 1024;

  private static final int STRONG = 10;
  private static final int WEAK = 1;

  private static final Pattern QEMU_REPORT =
      Pattern.compile("^(?:qemu-io> ?)*(read|wrote|discard) \\d+/\\d+ bytes at offset \\d+");
  private static final Pattern QEMU_TIMING = Pattern.compile("ops; .*/sec and .* ops/sec\\)");
  /** qemu-io's command-table errors (qemu's cmd.c / qemu-io.c). */
  private static final Pattern QEMU_COMMAND_ERROR =
      Pattern.compile("^(command \"[^\"]*\" not found|bad argument count \\d+ to \\w+, expected)");
  private static final Pattern PERF_INTERVAL_HEADER = Pattern.compile("^#\\s+time\\s+");
  private static final Pattern PERF_CSV =
      Pattern.compile("^\\s*[\\d.,<>a-z -]*[,;:|]\\S*[,;:|].*\\d+\\.\\d\\d[,;:|]");
  private static final Pattern PERF_HUMAN =
      Pattern.compile("^\\s*(\\d+\\.\\d+\\s+)?[\\d.,]+\\s+(msec\\s+)?[\\w:/.\\-{}=,]+\\s*(#.*)?(\\(\\d+\\.\\d+%\\))?$");
  private static final Pattern BPFTRACE_MAP = Pattern.compile("^@\\w*\\[");
  private static final Pattern STACK_FRAME = Pattern.compile("^  \\S.*$");
  private static final Pattern STACK_COUNT = Pattern.compile("^    \\d+$");
  private static final Pattern FOLDED = Pattern.compile("^\\S[^\\n]*;[^\\n]* \\d+$");

  private ToolDetector() {}

  /** Detects the tool from the first {@link #HEAD_CHARS} characters of {@code text}. */
  public static Optional<Tool> detect(CharSequence text) {
    boolean cut = text.length() > HEAD_CHARS;
    return detectHead(cut ? text.subSequence(0, HEAD_CHARS) : text, cut);
  }

  /** Detects the tool from the first {@link #HEAD_CHARS} bytes of a file, decoded as UTF-8. */
  public static Optional<Tool> detect(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return detect(in);
    }
  }

  /**
   * Detects the tool from the first {@link #HEAD_CHARS} bytes that {@code in} gives, decoded as
   * UTF-8; reads one byte more to know whether the text goes on. A caller that parses the stream
   * afterwards marks and resets it around this call.
   */
  public static Optional<Tool> detect(InputStream in) throws IOException {
    byte[] head = in.readNBytes(HEAD_CHARS + 1);
    boolean cut = head.length > HEAD_CHARS;
    return detectHead(new String(head, 0, Math.min(head.length, HEAD_CHARS), StandardCharsets.UTF_8), cut);
  }

  /** {@code cut}: the text goes on after {@code head}, whose last line may be incomplete. */
  private static Optional<Tool> detectHead(CharSequence head, boolean cut) {
    Map<Tool, Integer> score = new EnumMap<>(Tool.class);
    for (String line : head.toString().split("\r?\n", -1)) {
      scoreLine(line, score);
    }
    Optional<Tool> byLines = best(score);
    if (byLines.isPresent() && score.get(byLines.get()) >= STRONG) {
      return byLines;
    }
    return byParsing(wholeLines(head, cut), byLines);
  }

  /** The head without a last line that {@link #HEAD_CHARS} cut short. */
  private static String wholeLines(CharSequence head, boolean cut) {
    String s = head.toString();
    int nl = s.lastIndexOf('\n');
    return cut && nl >= 0 ? s.substring(0, nl + 1) : s;
  }

  /**
   * Parses the head with every tool's parser and picks the one that recognises the most non-blank
   * lines (rows, facts, the tool's own errors); a parser that calls the text malformed is out. On a
   * tie the line scores' choice wins if it is among the tied, else nothing is chosen. When no parser
   * recognises anything and the line scores' choice is a parser that called the text malformed, that
   * tool is chosen: its parser then says what is wrong (a stackcount count beyond 64 bits, say), where
   * "cannot tell which tool" would hide it.
   */
  private static Optional<Tool> byParsing(String head, Optional<Tool> byLines) {
    long nonBlank = head.lines().filter(l -> !l.isBlank()).count();
    Tool best = null;
    long bestRecognised = 0;
    boolean tie = false;
    boolean byLinesMalformed = false;
    for (Tool tool : Tool.values()) {
      long recognised;
      try {
        ParseResult r = Parsers.parse(tool, head, ParseOptions.defaults().withSource("detect"));
        long unknown = r.unrecognized().size();
        if (r.facts().get("unrecognized_lines") instanceof Number n) {
          unknown = Math.max(unknown, n.longValue()); // qemu-io keeps only the first of many
        }
        recognised = nonBlank - unknown;
      } catch (ParseException e) {
        byLinesMalformed |= byLines.isPresent() && byLines.get() == tool;
        continue;
      }
      if (recognised > bestRecognised) {
        best = tool;
        bestRecognised = recognised;
        tie = false;
      } else if (recognised == bestRecognised && recognised > 0) {
        tie = true;
        if (byLines.isPresent() && byLines.get() == tool) {
          best = tool;
        }
      }
    }
    if (tie && (byLines.isEmpty() || best != byLines.get())) {
      return Optional.empty();
    }
    if (best == null && byLinesMalformed) {
      return byLines;
    }
    return Optional.ofNullable(best);
  }

  private static void scoreLine(String line, Map<Tool, Integer> score) {
    if (line.isBlank()) {
      return;
    }
    if (QEMU_REPORT.matcher(line).find()
        || QEMU_TIMING.matcher(line).find()
        || line.startsWith("qemu-io")
        || line.contains("Image format was not specified")
        || line.startsWith("Pattern verification failed")
        || QEMU_COMMAND_ERROR.matcher(line).find()) {
      add(score, Tool.QEMU_IO, STRONG);
      return;
    }
    if (line.contains("Performance counter stats for")
        || line.contains("seconds time elapsed")
        || line.contains("Wall-clock time elapsed")
        || line.startsWith("# started on")
        || PERF_INTERVAL_HEADER.matcher(line).find()
        || line.contains("<not counted>")
        || line.contains("<not supported>")
        || line.contains("event syntax error")
        || line.startsWith("Workload failed: ")
        || line.contains("\"counter-value\"")
        || line.contains("Usage: perf stat")) {
      add(score, Tool.PERF_STAT, STRONG);
      return;
    }
    if (line.startsWith("Tracing ") && line.contains(" functions for ")
        || line.contains("Hit Ctrl-C to end")
        || line.startsWith("Detaching...")
        || line.startsWith("Attaching ") && line.contains(" probe")
        || line.startsWith("No functions matched by pattern")
        || line.startsWith("Failed to compile BPF module")
        || line.startsWith("Traceback (most recent call last)")
        || BPFTRACE_MAP.matcher(line).find()
        || line.startsWith("{\"type\": \"attached_probes\"")) {
      add(score, Tool.STACKCOUNT, STRONG);
      return;
    }
    if (STACK_COUNT.matcher(line).matches()
        || STACK_FRAME.matcher(line).matches() && line.contains("b'")
        || FOLDED.matcher(line).matches()) {
      add(score, Tool.STACKCOUNT, WEAK);
      return;
    }
    if (PERF_CSV.matcher(line).find() || PERF_HUMAN.matcher(line).matches()) {
      add(score, Tool.PERF_STAT, WEAK);
    }
  }

  private static void add(Map<Tool, Integer> score, Tool tool, int points) {
    score.merge(tool, points, Integer::sum);
  }

  private static Optional<Tool> best(Map<Tool, Integer> score) {
    Tool best = null;
    int bestScore = 0;
    boolean tie = false;
    for (var e : score.entrySet()) {
      if (e.getValue() > bestScore) {
        best = e.getKey();
        bestScore = e.getValue();
        tie = false;
      } else if (e.getValue() == bestScore) {
        tie = true;
      }
    }
    return tie ? Optional.empty() : Optional.ofNullable(best);
  }
}
