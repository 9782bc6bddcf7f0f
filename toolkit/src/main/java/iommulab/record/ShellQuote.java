package iommulab.record;

import java.util.List;
import java.util.stream.Collectors;

/** POSIX shell quoting, so a stored command line can be pasted back into a shell. */
final class ShellQuote {
  private ShellQuote() {}

  static String join(List<String> argv) {
    return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
  }

  static String quote(String arg) {
    if (!arg.isEmpty() && arg.chars().allMatch(c -> Character.isLetterOrDigit(c) || "@%+=:,./_-".indexOf(c) >= 0)) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}
