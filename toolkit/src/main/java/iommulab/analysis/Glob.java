package iommulab.analysis;

import java.util.regex.Pattern;

/** A shell-style frame pattern: {@code *} any run of characters, {@code ?} one, all else literal. */
final class Glob {
  private Glob() {}

  static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    int literalStart = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' || c == '?') {
        if (i > literalStart) {
          re.append(Pattern.quote(glob.substring(literalStart, i)));
        }
        re.append(c == '*' ? ".*" : ".");
        literalStart = i + 1;
      }
    }
    if (literalStart < glob.length()) {
      re.append(Pattern.quote(glob.substring(literalStart)));
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
