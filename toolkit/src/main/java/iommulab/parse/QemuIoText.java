package iommulab.parse;

/** Allocation-free comparisons on a region of a line buffer, and qemu-io's size units. */
final class QemuIoText {
  static final String PROMPT = "qemu-io>";

  private static final String[] UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private QemuIoText() {}

  /** Whether {@code buf[from..end)} starts with {@code literal}. */
  static boolean regionMatches(char[] buf, int from, int end, String literal) {
    int n = literal.length();
    if (from < 0 || end - from < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (buf[from + i] != literal.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code buf[from..to)} is exactly {@code literal}. */
  static boolean regionEquals(char[] buf, int from, int to, String literal) {
    return to - from == literal.length() && regionMatches(buf, from, to, literal);
  }

  /** Index of {@code literal} in {@code buf[from..end)}, or -1. */
  static int indexOf(char[] buf, int from, int end, String literal) {
    int last = end - literal.length();
    char first = literal.charAt(0);
    for (int i = from; i <= last; i++) {
      if (buf[i] == first && regionMatches(buf, i, end, literal)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code buf[from..end)} ends with {@code literal}. */
  static boolean endsWith(char[] buf, int from, int end, String literal) {
    return end - from >= literal.length() && regionMatches(buf, end - literal.length(), end, literal);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Bytes per unit for {@code bytes}, {@code KiB} ... {@code EiB} (powers of 1024); 0 if not a unit. */
  static double unitMultiplier(char[] buf, int from, int to) {
    for (int i = 0; i < UNITS.length; i++) {
      if (regionEquals(buf, from, to, UNITS[i])) {
        return Math.scalb(1.0, 10 * i);
      }
    }
    return 0;
  }

  /**
   * The command a terminal shows after readline redrew it key by key: the text after the last
   * escape sequence ({@code ESC [ params letter}), or the whole text when there is none.
   */
  static String terminalEcho(char[] buf, int from, int end) {
    int segmentStart = from;
    int segmentEnd = end;
    int i = from;
    String last = "";
    while (i < end) {
      if (buf[i] == '\u001b' && i + 1 < end && buf[i + 1] == '[') {
        if (i > segmentStart) {
          last = new String(buf, segmentStart, i - segmentStart);
        }
        int j = i + 2;
        while (j < end && !Character.isLetter(buf[j])) {
          j++;
        }
        i = Math.min(end, j + 1);
        segmentStart = i;
      } else {
        i++;
      }
    }
    if (segmentStart < segmentEnd) {
      last = new String(buf, segmentStart, segmentEnd - segmentStart);
    }
    return last.strip();
  }
}
