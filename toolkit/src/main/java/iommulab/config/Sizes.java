package iommulab.config;

/** The kernel's {@code memparse} size syntax: a decimal or 0x number with an optional K/M/G/T/P/E suffix. */
final class Sizes {
  private static final String SUFFIXES = "KMGTPE";

  private Sizes() {}

  /** Parses a size, or returns -1 when the text is not one (the caller reports the token). */
  static long parse(String text) {
    if (text.isEmpty()) {
      return -1;
    }
    boolean hex = text.startsWith("0x") || text.startsWith("0X");
    int shift = 0;
    String digits = text;
    char last = Character.toUpperCase(text.charAt(text.length() - 1));
    int suffix = SUFFIXES.indexOf(last);
    // In a hex number a trailing E is a digit, as in the kernel's memparse.
    if (suffix >= 0 && !(hex && last == 'E')) {
      shift = 10 * (suffix + 1);
      digits = text.substring(0, text.length() - 1);
    }
    int radix = 10;
    if (hex) {
      radix = 16;
      digits = digits.substring(2);
    }
    if (digits.isEmpty()) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0) {
        return -1;
      }
    }
    try {
      long n = Long.parseLong(digits, radix);
      if (shift > 0 && n > (Long.MAX_VALUE >> shift)) {
        return -1;
      }
      return n << shift;
    } catch (NumberFormatException tooLong) {
      return -1;
    }
  }

  /** The shortest exact text with a binary suffix, e.g. 67108864 -> {@code 64M}, 1000 -> {@code 1000}. */
  static String format(long bytes) {
    if (bytes == 0) {
      return "0";
    }
    int unit = -1;
    long n = bytes;
    while (unit < SUFFIXES.length() - 1 && (n & 1023) == 0) {
      n >>= 10;
      unit++;
    }
    return unit < 0 ? Long.toString(n) : n + String.valueOf(SUFFIXES.charAt(unit));
  }
}
