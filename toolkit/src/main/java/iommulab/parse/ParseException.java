package iommulab.parse;

/**
 * The one error every iommulab parser throws for malformed input. It names the source, the 1-based
 * line and column, what the parser found and what it expected there, so a message reads like a
 * compiler's: {@code run1.txt:7:12: bad byte count '12x'; expected 'read N/N bytes at offset N'}.
 */
public final class ParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final int column;
  private final String lineText;
  private final String reason;
  private final String expected;

  /**
   * @param source file name or a label such as {@code <stdin>}
   * @param line 1-based line number, 0 when the problem concerns the whole input
   * @param column 1-based column, 0 when unknown
   * @param lineText the offending line as read (may be empty)
   * @param reason what is wrong, e.g. {@code bad byte count '12x'}
   * @param expected the shape that was expected there, or {@code null}
   */
  public ParseException(
      String source, long line, int column, String lineText, String reason, String expected) {
    super(format(source, line, column, reason, expected));
    this.source = source;
    this.line = line;
    this.column = column;
    this.lineText = lineText == null ? "" : lineText;
    this.reason = reason;
    this.expected = expected;
  }

  private static String format(String source, long line, int column, String reason, String expected) {
    return source + ":" + location(line, column, reason, expected);
  }

  private static String location(long line, int column, String reason, String expected) {
    StringBuilder sb = new StringBuilder();
    sb.append(line).append(':').append(column).append(": ").append(reason);
    if (expected != null && !expected.isEmpty()) {
      sb.append("; expected ").append(expected);
    }
    return sb.toString();
  }

  /** The message without the source name, {@code LINE:COL: reason; expected ...}, for pasted cells. */
  public String messageWithoutSource() {
    return location(line, column, reason, expected);
  }

  public String source() {
    return source;
  }

  public long line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String lineText() {
    return lineText;
  }

  public String reason() {
    return reason;
  }

  /** The expected shape, or {@code null} when the parser had no single expectation. */
  public String expected() {
    return expected;
  }
}
