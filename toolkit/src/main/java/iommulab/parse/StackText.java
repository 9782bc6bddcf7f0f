package iommulab.parse;

/** Undoes the escaping of Python's bytes repr, which bcc uses when it prints {@code b'comm'}. */
final class StackText {
  private StackText() {}

  /**
   * Unescapes {@code \\}, {@code \'}, {@code \"}, {@code \t}, {@code \n}, {@code \r} and {@code \xHH}
   * in the UTF-8 bytes {@code a[from .. to)}, then decodes the resulting bytes as UTF-8 (an invalid
   * sequence becomes U+FFFD). The repr shows the bytes of a comm, so {@code b's\xc5\x82eep'} is
   * {@code słeep}, as bcc's {@code -f} and bpftrace print it. Other backslashes are kept as printed.
   */
  static String unescapePythonBytes(byte[] a, int from, int to) {
    byte[] out = new byte[to - from];
    int n = 0;
    int i = from;
    while (i < to) {
      byte c = a[i];
      if (c != '\\' || i + 1 >= to) {
        out[n++] = c;
        i++;
        continue;
      }
      byte next = a[i + 1];
      switch (next) {
        case '\\', '\'', '"' -> out[n++] = next;
        case 't' -> out[n++] = '\t';
        case 'n' -> out[n++] = '\n';
        case 'r' -> out[n++] = '\r';
        case 'x' -> {
          int hi = i + 3 < to ? Character.digit(a[i + 2], 16) : -1;
          int lo = hi >= 0 ? Character.digit(a[i + 3], 16) : -1;
          if (lo >= 0) {
            out[n++] = (byte) (hi * 16 + lo);
            i += 4;
            continue;
          }
          out[n++] = c;
          out[n++] = next;
        }
        default -> {
          out[n++] = c;
          out[n++] = next;
        }
      }
      i += 2;
    }
    return ByteLineReader.decode(out, 0, n);
  }
}
