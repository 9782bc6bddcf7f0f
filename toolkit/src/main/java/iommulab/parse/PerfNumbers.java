package iommulab.parse;

/**
 * Reads the numbers perf prints straight from a {@code char[]} range, without a String per number.
 * perf formats counts with the C locale or the user's one, so a value may carry digit grouping
 * ({@code 1,101,000} or {@code 1.101.000}) and either decimal mark ({@code 1.101,01} under de_DE).
 * Returns {@link Double#NaN} for text that is not a number; callers turn that into a ParseException
 * where a number was required.
 */
final class PerfNumbers {
  /** Powers of ten that are exact doubles: dividing an exact mantissa by them rounds correctly. */
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private static final long EXACT_MANTISSA_LIMIT = 1L << 53;

  private PerfNumbers() {}

  /**
   * Parses a decimal number in {@code b[s..e)}.
   *
   * @param grouping whether a mark followed by exactly three digits is a thousands separator. True for
   *     the counter column of perf's human output (printed with {@code %'.2f} or {@code %'.0f}, so a
   *     decimal part has 0 or 2 digits); false for CSV, JSON, metrics and times, which perf never groups.
   */
  static double parse(char[] b, int s, int e, boolean grouping) {
    if (s >= e) {
      return Double.NaN;
    }
    double plain = plainDecimal(b, s, e);
    if (plain >= 0) {
      return grouping && isGroupingShaped(b, s, e) ? general(b, s, e, true) : plain;
    }
    return general(b, s, e, grouping);
  }

  /**
   * One pass for the common shape, digits with at most one '.', no sign: returns -1 for anything
   * else (or more than 18 digits) so the general path decides.
   */
  private static double plainDecimal(char[] b, int s, int e) {
    long mantissa = 0;
    int fractionDigits = 0;
    int dot = -1;
    if (e - s > 19) {
      return -1;
    }
    for (int j = s; j < e; j++) {
      char c = b[j];
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + (c - '0');
      } else if (c == '.' && dot < 0 && j > s && j + 1 < e) {
        dot = j;
      } else {
        return -1;
      }
    }
    if (dot >= 0) {
      fractionDigits = e - dot - 1;
    }
    if (mantissa >= EXACT_MANTISSA_LIMIT) {
      return -1;
    }
    return mantissa / POW10[fractionDigits];
  }

  /** {@code 1.101} in the grouped counter column is 1101 (see {@link #decimalMark}). */
  private static boolean isGroupingShaped(char[] b, int s, int e) {
    int dot = e - 4;
    return dot > s && dot - s <= 3 && b[dot] == '.' && !(b[s] == '0' && dot - s == 1);
  }

  private static double general(char[] b, int s, int e, boolean grouping) {
    boolean negative = false;
    int i = s;
    if (b[i] == '-' || b[i] == '+') {
      negative = b[i] == '-';
      i++;
    }
    int dots = 0;
    int commas = 0;
    int lastDot = -1;
    int lastComma = -1;
    int groupMarks = 0;
    for (int j = i; j < e; j++) {
      char c = b[j];
      if (c == '.') {
        dots++;
        lastDot = j;
      } else if (c == ',') {
        commas++;
        lastComma = j;
      } else if (isGroupMark(c)) {
        if (!grouping || !threeDigitsFollow(b, j, e)) {
          return Double.NaN;
        }
        groupMarks++;
      } else if (c < '0' || c > '9') {
        return slowParse(b, s, e);
      }
    }
    char decimalMark;
    if (groupMarks > 0) {
      // the locale groups with its own mark, so a '.' or ',' is the decimal one (at most one)
      decimalMark = dots + commas > 1 ? 0 : commas > 0 ? ',' : '.';
    } else {
      decimalMark = decimalMark(b, dots, commas, lastDot, lastComma, e, i, grouping);
    }
    if (decimalMark == 0) {
      return Double.NaN;
    }
    long mantissa = 0;
    int significant = 0;
    int fractionDigits = 0;
    boolean afterMark = false;
    boolean anyDigit = false;
    for (int j = i; j < e; j++) {
      char c = b[j];
      if (c == decimalMark) {
        afterMark = true;
      } else if (c != '.' && c != ',' && !isGroupMark(c)) {
        anyDigit = true;
        if (mantissa != 0 || c != '0') {
          significant++;
        }
        if (significant > 18) {
          return negate(slowDigits(b, i, e, decimalMark), negative);
        }
        mantissa = mantissa * 10 + (c - '0');
        if (afterMark) {
          fractionDigits++;
        }
      }
    }
    if (!anyDigit) {
      return Double.NaN;
    }
    if (mantissa < EXACT_MANTISSA_LIMIT && fractionDigits < POW10.length) {
      return negate(mantissa / POW10[fractionDigits], negative);
    }
    return negate(slowDigits(b, i, e, decimalMark), negative);
  }

  /**
   * Which mark is the decimal one: the last of two kinds; a kind seen twice is grouping; a lone mark
   * is decimal unless grouping is allowed and exactly three digits follow it. Returns a mark that
   * does not occur ('.' or ',' as appropriate) when there is none, 0 when the marks are inconsistent.
   */
  private static char decimalMark(
      char[] b,
      int dots, int commas, int lastDot, int lastComma, int e, int start, boolean grouping) {
    if (dots > 0 && commas > 0) {
      char mark = lastDot > lastComma ? '.' : ',';
      int markCount = mark == '.' ? dots : commas;
      return markCount == 1 && grouping ? mark : 0;
    }
    if (dots == 0 && commas == 0) {
      return '.';
    }
    int count = dots + commas;
    int last = dots > 0 ? lastDot : lastComma;
    char mark = dots > 0 ? '.' : ',';
    char other = mark == '.' ? ',' : '.';
    if (count > 1) {
      return grouping ? other : 0;
    }
    boolean leadingZero = b[start] == '0' && last - start == 1;
    if (grouping && !leadingZero && e - last - 1 == 3 && last - start >= 1 && last - start <= 3) {
      return other;
    }
    return mark;
  }

  private static double negate(double v, boolean negative) {
    return negative ? -v : v;
  }

  /** Rare path (more than 18 significant digits): let the JDK round the digits exactly. */
  private static double slowDigits(char[] b, int s, int e, char decimalMark) {
    StringBuilder sb = new StringBuilder(e - s);
    for (int j = s; j < e; j++) {
      char c = b[j];
      if (c == decimalMark) {
        sb.append('.');
      } else if (c >= '0' && c <= '9') {
        sb.append(c);
      }
    }
    return Double.parseDouble(sb.toString());
  }

  /** Exponents, {@code nan}, {@code inf}: only JSON and very old perf print those. */
  private static double slowParse(char[] b, int s, int e) {
    for (int j = s; j < e; j++) {
      char c = b[j];
      boolean allowed =
          (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!allowed) {
        return Double.NaN;
      }
    }
    try {
      return Double.parseDouble(new String(b, s, e - s));
    } catch (NumberFormatException notANumber) {
      return Double.NaN;
    }
  }

  /** Parses a non-negative decimal integer; -1 when the range is not one. */
  static long parseUnsignedLong(char[] b, int s, int e) {
    if (s >= e || e - s > 18) {
      return -1;
    }
    long v = 0;
    for (int j = s; j < e; j++) {
      char c = b[j];
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Whether {@code b[s..e)} has the shape of a number perf prints (digits and marks, optional sign). */
  /**
   * Digit grouping marks that are never a decimal mark: U+202F and U+00A0 (fr_FR, ru_RU and other
   * locales print {@code 559 294 611}) and U+2019 (de_CH: {@code 516’007’622}).
   */
  static boolean isGroupMark(char c) {
    return c == '\u202f' || c == '\u00a0' || c == '\u2019';
  }

  private static boolean threeDigitsFollow(char[] b, int mark, int e) {
    int end = mark + 1;
    while (end < e && b[end] >= '0' && b[end] <= '9') {
      end++;
    }
    return end - mark - 1 == 3;
  }

  static boolean looksNumeric(char[] b, int s, int e) {
    if (s < e && (b[s] == '-' || b[s] == '+')) {
      s++;
    }
    if (s >= e || b[s] < '0' || b[s] > '9') {
      return false;
    }
    for (int j = s; j < e; j++) {
      char c = b[j];
      if (c == '.' || c == ',' || isGroupMark(c)) {
        // a mark is always between digits: "1." or "1,," is prose, not a count
        if (j + 1 >= e || b[j + 1] < '0' || b[j + 1] > '9') {
          return false;
        }
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code %6lu.%09lu}-style timestamps: digits, one dot, digits, no grouping. */
  static boolean looksLikeTimestamp(char[] b, int s, int e) {
    int dot = -1;
    for (int j = s; j < e; j++) {
      char c = b[j];
      if (c == '.') {
        if (dot >= 0) {
          return false;
        }
        dot = j;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return dot > s && dot < e - 1;
  }

  /** perf's {@code -I} timestamp, {@code %lu.%09lu}: digits, a dot and exactly nine decimals. */
  static boolean isIntervalTimestamp(char[] b, int s, int e) {
    return looksLikeTimestamp(b, s, e) && fractionDigits(b, s, e) == 9;
  }

  /** Number of digits after the dot of a timestamp-shaped range, 0 when none. */
  static int fractionDigits(char[] b, int s, int e) {
    for (int j = s; j < e; j++) {
      if (b[j] == '.') {
        return e - j - 1;
      }
    }
    return 0;
  }
}
