package iommulab.parse;

/**
 * Finds the shell prompt at the start of a pasted terminal line, so that a prompt followed by a
 * {@code qemu-io ...} command, or a prompt with nothing after it, is recognised and any other line is
 * left alone. The prompt shapes are those of common bash {@code PS1} settings: {@code $ } and
 * {@code # } alone, a prefix without spaces such as {@code user@host:/tmp/qio$ } or {@code host# },
 * and the bracketed {@code [user@host dir]$ }.
 *
 * <pre>{@code int command = QemuIoShellPrompt.end(buf, from, end); // -1: no prompt here}</pre>
 */
final class QemuIoShellPrompt {
  private QemuIoShellPrompt() {}

  /**
   * Where the text after the prompt at {@code buf[from]} begins (after its {@code $}/{@code #} and the
   * space), or -1 when the line does not start with a prompt. A prompt at the end of the line may
   * have lost its trailing space (an editor strips it).
   */
  static int end(char[] buf, int from, int end) {
    int sign = buf[from] == '[' ? bracketEnd(buf, from, end) : prefixEnd(buf, from, end);
    if (sign < 0 || sign >= end || (buf[sign] != '$' && buf[sign] != '#')) {
      return -1;
    }
    int after = sign + 1;
    if (after == end) {
      return after;
    }
    return buf[after] == ' ' ? after + 1 : -1;
  }

  /**
   * Where the command of a shell line begins: after its prompt, or at {@code from} when it has none
   * ({@code qemu-io -c ...} pasted alone).
   */
  static int commandStart(char[] buf, int from, int end) {
    int at = end(buf, from, end);
    return at < 0 ? from : at;
  }

  /** True when the line is only a prompt: {@code $ }, {@code # }, {@code user@host:dir$ }. */
  static boolean isBare(char[] buf, int from, int end) {
    int at = end(buf, from, end);
    if (at < 0) {
      return false;
    }
    while (at < end && Character.isWhitespace(buf[at])) {
      at++;
    }
    return at == end;
  }

  /**
   * The end of a prefix of user, host and path characters ({@code user@host:~/dir}, {@code host},
   * empty for a bare {@code $ }): where the prompt sign must be.
   */
  private static int prefixEnd(char[] buf, int from, int end) {
    char first = buf[from];
    if (!Character.isLetterOrDigit(first) && first != '/' && first != '~' && first != '$'
        && first != '#') {
      // "-#", ".$" or ":# " are not prompts anyone sets
      return -1;
    }
    int i = from;
    while (i < end && isPromptChar(buf[i])) {
      i++;
    }
    return i;
  }

  /** {@code [user@host dir]}: the position after {@code ]}, or -1. */
  private static int bracketEnd(char[] buf, int from, int end) {
    int i = from + 1;
    int userHost = i;
    boolean at = false;
    while (i < end && isPromptChar(buf[i])) {
      at |= buf[i] == '@';
      i++;
    }
    if (!at || i == userHost || buf[i - 1] == '@' || buf[userHost] == '@') {
      return -1;
    }
    if (i < end && buf[i] == ' ') {
      int dir = ++i;
      while (i < end && isPromptChar(buf[i])) {
        i++;
      }
      if (i == dir) {
        return -1;
      }
    }
    return i < end && buf[i] == ']' ? i + 1 : -1;
  }

  /** Letters, digits and {@code @ : / ~ . _ - +}: what user names, host names and paths are made of. */
  private static boolean isPromptChar(char c) {
    return Character.isLetterOrDigit(c)
        || c == '@' || c == ':' || c == '/' || c == '~' || c == '.' || c == '_' || c == '-'
        || c == '+';
  }
}
