package iommulab.parse;

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
    List<String> words = ShellWords.split(line);
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
}
