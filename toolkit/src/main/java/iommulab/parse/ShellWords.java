package iommulab.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a pasted command line or a magic's argument line like a shell: blanks separate, single and
 * double quotes group, a backslash escapes the next character (inside double quotes too). No
 * variables, globs or substitutions: the words come back as typed.
 *
 * <pre>{@code ShellWords.split("qemu-io -c 'read 0 1G' nvme://0003:04:00.0/1")  // 4 words}</pre>
 */
public final class ShellWords {
  private ShellWords() {}

  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          cur.append(line.charAt(++i));
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        cur.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else {
        cur.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      out.add(cur.toString());
    }
    return out;
  }
}
