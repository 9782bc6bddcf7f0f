package iommulab.parse;

/**
 * A cursor over one line of qemu-io output that reads the fields of a report in place (no String per
 * field) and turns every mismatch into a {@link ParseException} naming the 1-based column and the shape
 * of the whole line, e.g. {@code bad byte count '12x'; expected '<op> N/N bytes at offset N'}.
 *
 * <p>Numbers are parsed exactly: a printed decimal becomes mantissa and scale, and the value in the
 * unit asked for is rounded once, so {@code 150.337 MiB} is the double nearest to 157639770.112.
 */
final class QemuIoScanner {
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };
  private static final long EXACT_MANTISSA_LIMIT = 1L << 53;

  private final String source;
  private final long lineNumber;
  private final char[] buf;
  private final int lineStart;
  private final int end;
  private final String shape;
  private int pos;

  /**
   * @param lineStart where the line begins in {@code buf} (columns count from here, prompts included)
   * @param from where scanning starts (after any {@code qemu-io> } prompts)
   * @param shape the expected shape of the whole line, quoted in every error
   */
  QemuIoScanner(
      String source, long lineNumber, char[] buf, int lineStart, int from, int end, String shape) {
    this.source = source;
    this.lineNumber = lineNumber;
    this.buf = buf;
    this.lineStart = lineStart;
    this.pos = from;
    this.end = end;
    this.shape = shape;
  }

  boolean lookingAt(String literal) {
    return QemuIoText.regionMatches(buf, pos, end, literal);
  }

  /** Consumes {@code literal} or fails, naming what was there instead. */
  void expect(String literal) throws ParseException {
    if (!lookingAt(literal)) {
      throw error(pos, "missing '" + literal + "' (found '" + excerpt(pos) + "')");
    }
    pos += literal.length();
  }

  /** Consumes {@code literal} when present. */
  boolean skip(String literal) {
    if (lookingAt(literal)) {
      pos += literal.length();
      return true;
    }
    return false;
  }

  /** Only trailing blanks (a pasted line keeps them) may follow. */
  void expectEnd() throws ParseException {
    while (pos < end && Character.isWhitespace(buf[pos])) {
      pos++;
    }
    if (pos < end) {
      throw error(pos, "unexpected text '" + excerpt(pos) + "' after the report");
    }
  }

  /** A token of non-space characters other than {@code stop}, without consuming it. */
  private int tokenEnd(char stop) {
    int i = pos;
    while (i < end && buf[i] != ' ' && buf[i] != stop) {
      i++;
    }
    return i;
  }

  /**
   * A non-negative decimal integer made of digits only.
   *
   * @param what names the field in the error, e.g. {@code byte count}
   */
  long unsignedLong(String what, char stop) throws ParseException {
    int tokenEnd = tokenEnd(stop);
    if (tokenEnd == pos) {
      throw error(pos, "missing " + what);
    }
    long value = 0;
    for (int i = pos; i < tokenEnd; i++) {
      char c = buf[i];
      if (c < '0' || c > '9') {
        throw error(pos, "bad " + what + " '" + new String(buf, pos, tokenEnd - pos) + "'");
      }
      int digit = c - '0';
      if (value > (Long.MAX_VALUE - digit) / 10) {
        throw error(pos, what + " '" + new String(buf, pos, tokenEnd - pos) + "' is too large");
      }
      value = value * 10 + digit;
    }
    pos = tokenEnd;
    return value;
  }

  /** Buffer position of the cursor. */
  int position() {
    return pos;
  }

  /** The rest of the line, consumed. */
  String rest() {
    String text = new String(buf, pos, end - pos);
    pos = end;
    return text;
  }

  /** Moves the cursor to buffer position {@code at} (a position found with {@link QemuIoText}). */
  void seek(int at) {
    pos = at;
  }

  /** A {@code 0x}-prefixed hexadecimal number, as map prints offsets and lengths. */
  long hex(String what, char stop) throws ParseException {
    int start = pos;
    expect("0x");
    int tokenEnd = tokenEnd(stop);
    if (tokenEnd == pos || tokenEnd - pos > 16) {
      throw error(start, "bad " + what + " '" + new String(buf, start, tokenEnd - start) + "'");
    }
    long value = 0;
    for (int i = pos; i < tokenEnd; i++) {
      int digit = Character.digit(buf[i], 16);
      if (digit < 0) {
        throw error(start, "bad " + what + " '" + new String(buf, start, tokenEnd - start) + "'");
      }
      value = (value << 4) | digit;
    }
    pos = tokenEnd;
    return value;
  }

  /**
   * A field iotests may have filtered to {@code X}s: true (and consumed) when the token is only
   * {@code X}, {@code :} and {@code .} characters.
   */
  boolean skipFiltered(char stop) {
    int tokenEnd = tokenEnd(stop);
    if (tokenEnd == pos) {
      return false;
    }
    boolean sawX = false;
    for (int i = pos; i < tokenEnd; i++) {
      char c = buf[i];
      if (c == 'X') {
        sawX = true;
      } else if (c != ':' && c != '.') {
        return false;
      }
    }
    if (!sawX) {
      return false;
    }
    pos = tokenEnd;
    return true;
  }

  /**
   * A printed decimal such as {@code 150.337}, {@code 7830.1178} or {@code 1.098712}, multiplied by
   * {@code multiplier} with a single rounding; {@code inf} and {@code nan}/{@code -nan} (printed by
   * C's printf for a zero duration) become infinity and NaN.
   */
  double decimal(String what, char stop, double multiplier) throws ParseException {
    int tokenEnd = tokenEnd(stop);
    if (tokenEnd == pos) {
      throw error(pos, "missing " + what);
    }
    int start = pos;
    int i = start;
    boolean negative = i < tokenEnd && buf[i] == '-';
    if (negative) {
      i++;
    }
    if (QemuIoText.regionEquals(buf, i, tokenEnd, "inf")) {
      pos = tokenEnd;
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (QemuIoText.regionEquals(buf, i, tokenEnd, "nan")) {
      pos = tokenEnd;
      return Double.NaN;
    }
    long mantissa = 0;
    int fractionDigits = 0;
    boolean sawPoint = false;
    boolean sawDigit = false;
    boolean exact = true;
    for (; i < tokenEnd; i++) {
      char c = buf[i];
      if (c == '.' && !sawPoint) {
        sawPoint = true;
      } else if (c >= '0' && c <= '9') {
        sawDigit = true;
        if (mantissa < EXACT_MANTISSA_LIMIT / 10) {
          mantissa = mantissa * 10 + (c - '0');
          if (sawPoint) {
            fractionDigits++;
          }
        } else {
          exact = false;
        }
      } else {
        throw error(start, "bad " + what + " '" + new String(buf, start, tokenEnd - start) + "'");
      }
    }
    if (!sawDigit) {
      throw error(start, "bad " + what + " '" + new String(buf, start, tokenEnd - start) + "'");
    }
    pos = tokenEnd;
    double value;
    double scaled = mantissa * multiplier;
    if (exact && fractionDigits < POWERS_OF_TEN.length) {
      // mantissa < 2^53 times a power of two is exact, so the division is the only rounding
      value = scaled / POWERS_OF_TEN[fractionDigits];
    } else {
      value =
          new java.math.BigDecimal(new String(buf, start, tokenEnd - start).replace("-", ""))
              .multiply(new java.math.BigDecimal(multiplier))
              .doubleValue();
    }
    return negative ? -value : value;
  }

  /**
   * A size unit as cvtstr prints it ({@code bytes}, {@code KiB} ... {@code EiB}), returned as its
   * multiplier in bytes.
   */
  double sizeUnit(char stop) throws ParseException {
    int tokenEnd = tokenEnd(stop);
    double multiplier = QemuIoText.unitMultiplier(buf, pos, tokenEnd);
    if (multiplier == 0) {
      throw error(
          pos,
          "bad size unit '" + new String(buf, pos, tokenEnd - pos)
              + "' (bytes, KiB, MiB, GiB, TiB, PiB or EiB)");
    }
    pos = tokenEnd;
    return multiplier;
  }

  /**
   * A number and its size unit, {@code 150.337 MiB}, as bytes ({@code 157639770.112}); the unit ends
   * at {@code unitStop} ({@code /} in {@code MiB/sec}).
   */
  double quantity(String what, char unitStop) throws ParseException {
    int numberStart = pos;
    int numberEnd = tokenEnd(unitStop);
    if (numberEnd >= end || buf[numberEnd] != ' ') {
      throw error(numberEnd, "missing unit after " + what + " '"
          + new String(buf, numberStart, numberEnd - numberStart) + "'");
    }
    pos = numberEnd + 1;
    double multiplier = sizeUnit(unitStop);
    int afterUnit = pos;
    pos = numberStart;
    double value = decimal(what, unitStop, multiplier);
    pos = afterUnit;
    return value;
  }

  /** The unit of a filtered rate: iotests print {@code YYY}; an unfiltered unit is accepted too. */
  void skipUnitPlaceholder(char stop) throws ParseException {
    int tokenEnd = tokenEnd(stop);
    boolean placeholder = tokenEnd > pos;
    for (int i = pos; i < tokenEnd; i++) {
      placeholder &= buf[i] == 'Y';
    }
    if (placeholder) {
      pos = tokenEnd;
    } else {
      sizeUnit(stop);
    }
  }

  /**
   * A duration as qemu-io's timestr prints it: {@code 00.39 sec} (current), {@code 0.0039 sec}
   * (before QEMU 4.2), or {@code H:MM:SS.ss} (a second or more, and always for {@code -C}).
   */
  double duration(char stop, boolean allowSecSuffix) throws ParseException {
    int start = pos;
    int tokenEnd = tokenEnd(stop);
    long wholeSeconds = 0;
    int fieldStart = start;
    int colons = 0;
    for (int i = start; i < tokenEnd; i++) {
      if (buf[i] == ':') {
        wholeSeconds = wholeSeconds * 60 + digitsOnly(fieldStart, i, start, tokenEnd);
        fieldStart = i + 1;
        colons++;
      }
    }
    if (colons > 2) {
      throw badDuration(start, tokenEnd);
    }
    pos = fieldStart;
    double lastField;
    try {
      lastField = decimal("duration", stop, 1);
    } catch (ParseException e) {
      throw badDuration(start, tokenEnd);
    }
    if (Double.isNaN(lastField) || Double.isInfinite(lastField) || lastField < 0) {
      throw badDuration(start, tokenEnd);
    }
    if (colons == 0) {
      if (!allowSecSuffix || !skip(" sec")) {
        throw error(start, "duration '" + new String(buf, start, tokenEnd - start)
            + "' without ' sec' (SS.ss sec or H:MM:SS.ss)");
      }
    }
    return wholeSeconds * 60 + lastField;
  }

  private long digitsOnly(int from, int to, int tokenStart, int tokenEnd) throws ParseException {
    if (from == to) {
      throw badDuration(tokenStart, tokenEnd);
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      char c = buf[i];
      if (c < '0' || c > '9' || v > Integer.MAX_VALUE) {
        throw badDuration(tokenStart, tokenEnd);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private ParseException badDuration(int start, int tokenEnd) {
    return error(start, "bad duration '" + new String(buf, start, tokenEnd - start)
        + "' (SS.ss sec or H:MM:SS.ss)");
  }

  private String excerpt(int at) {
    if (at >= end) {
      return "end of line";
    }
    int to = Math.min(end, at + 20);
    return new String(buf, at, to - at);
  }

  /** An error at buffer position {@code at}, naming the expected shape of the line. */
  ParseException error(int at, String reason) {
    return new ParseException(
        source, lineNumber, at - lineStart + 1, new String(buf, lineStart, end - lineStart), reason,
        shape);
  }
}
