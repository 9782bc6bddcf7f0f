package iommulab.parse;

/** Undoes the escaping of Python's bytes repr, which bcc uses when it prints {@code b'comm'}. */
final class StackText {
  private StackText() {}

  /**
   * Unescapes {@code \\}, {@code \'}, {@code \"}, {@code \t}, {@code \n}, {@code \r} and {@code \xHH}
   * in {@code a[from .. to)}; a byte from {@code \xHH} becomes the char with that value (ISO-8859-1),
   * as the bytes are not known to be UTF-8. Other backslashes are kept as printed.
   */
  static String unescapePythonBytes(char[] a, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      char c = a[i];
      if (c != '\\' || i + 1 >= to) {
        sb.append(c);
        i++;
        continue;
      }
      char n = a[i + 1];
      switch (n) {
        case '\\', '\'', '"' -> sb.append(n);
        case 't' -> sb.append('\t');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 'x' -> {
          int hi = i + 3 < to ? Character.digit(a[i + 2], 16) : -1;
          int lo = hi >= 0 ? Character.digit(a[i + 3], 16) : -1;
          if (lo >= 0) {
            sb.append((char) (hi * 16 + lo));
            i += 4;
            continue;
          }
          sb.append(c).append(n);
        }
        default -> sb.append(c).append(n);
      }
      i += 2;
    }
    return sb.toString();
  }
}
