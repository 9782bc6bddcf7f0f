package iommulab.record;

import iommulab.parse.Tool;
import iommulab.parse.ToolDetector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which tool a command runs, and on which stream it prints its results: from the command line when
 * it names the tool (skipping wrappers such as {@code sudo} or {@code taskset}), else from the text.
 */
final class ToolRecognition {
  private static final Set<String> WRAPPERS = Set.of("sudo", "env", "nice", "ionice", "stdbuf",
      "numactl", "taskset", "timeout", "chrt");
  private static final Set<String> WRAPPERS_WITH_ARGUMENT = Set.of("taskset", "timeout", "chrt");

  /** The tool, and whether its results go to stderr (perf stat) rather than stdout. */
  record Guess(Tool tool, boolean onStderr) {}

  private ToolRecognition() {}

  static Optional<Guess> fromCommand(List<String> command) {
    int i = 0;
    while (i < command.size()) {
      String name = baseName(command.get(i));
      if (!WRAPPERS.contains(name)) {
        break;
      }
      i++;
      while (i < command.size() && (command.get(i).startsWith("-") || command.get(i).contains("="))) {
        i++;
      }
      if (WRAPPERS_WITH_ARGUMENT.contains(name) && i < command.size()) {
        i++;
      }
    }
    if (i >= command.size()) {
      return Optional.empty();
    }
    String name = baseName(command.get(i));
    if (name.equals("qemu-io")) {
      return Optional.of(new Guess(Tool.QEMU_IO, false));
    }
    if (name.equals("perf")) {
      for (int j = i + 1; j < command.size(); j++) {
        if (!command.get(j).startsWith("-")) {
          return command.get(j).equals("stat")
              ? Optional.of(new Guess(Tool.PERF_STAT, true)) : Optional.empty();
        }
      }
      return Optional.empty();
    }
    if (name.startsWith("stackcount") || name.equals("bpftrace")) {
      return Optional.of(new Guess(Tool.STACKCOUNT, false));
    }
    return Optional.empty();
  }

  static Optional<Tool> fromText(Path file) throws IOException {
    return ToolDetector.detect(file);
  }

  private static String baseName(String arg) {
    int slash = arg.lastIndexOf('/');
    return slash < 0 ? arg : arg.substring(slash + 1);
  }
}
