package iommulab.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the image argument out of a pasted {@code qemu-io ...} shell line. */
final class QemuIoCommandLine {
  /** qemu-io options that take a value (qemu-io --help), so their value is not the image. */
  private static final Set<String> WITH_VALUE =
      Set.of("-c", "--cmd", "-f", "--format", "-i", "--aio", "-t", "--cache", "-d", "--discard",
          "-T", "--trace", "--object");

  private QemuIoCommandLine() {}

  /** The last argument that is neither an option nor an option's value, or null. */
  static String target(String line) {
    List<String> words = words(line);
    String target = null;
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if (WITH_VALUE.contains(w)) {
        i++;
      } else if (!w.startsWith("-")) {
        target = w;
      }
    }
    return target;
  }

  /** Splits on blanks, honouring single and double quotes as a shell would (no escapes needed here). */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == ' ' || c == '\t') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
