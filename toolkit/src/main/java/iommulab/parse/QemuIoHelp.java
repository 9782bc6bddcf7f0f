package iommulab.parse;

import static iommulab.parse.QemuIoText.endsWith;
import static iommulab.parse.QemuIoText.regionEquals;
import static iommulab.parse.QemuIoText.regionMatches;

/**
 * Follows qemu-io's help text from line to line. Its description and option lines look like any
 * indented prose, so they are recognised only where qemu-io prints them:
 *
 * <ul>
 *   <li>after a command's one-line usage and a blank line ({@code help CMD}: {@code help_onecmd} in
 *       qemu-io-cmds.c prints the usage line, then the command's help, which opens with a blank line
 *       and indents every line by one space);
 *   <li>after {@code Usage: qemu-io ...} ({@code usage()} in qemu-io.c: option lines indented by two
 *       spaces, then its fixed closing lines).
 * </ul>
 *
 * A line that fits neither, a report or any line after a {@code qemu-io> } prompt ends the help and
 * keeps its own kind, so a stray line after help text is still unrecognised. One instance follows one
 * input.
 *
 * <pre>{@code
 * QemuIoLineKind alone = QemuIoLineKind.classify(buf, from, end, hadPrompt);
 * QemuIoLineKind kind = help.follow(alone, buf, from, end, hadPrompt); // HELP_TEXT or alone
 * }</pre>
 */
final class QemuIoHelp {
  private enum State {
    /** Not in help text. */
    NONE,
    /** Just after a command's one-line usage: its help, if it has one, starts with a blank line. */
    AFTER_COMMAND_USAGE,
    /** Inside a command's help ({@code help CMD}). */
    COMMAND_HELP,
    /** Inside {@code qemu-io -h}'s text. */
    PROGRAM_USAGE
  }

  private State state = State.NONE;

  /**
   * The kind of the line {@code buf[from..end)} given what came before it: {@link
   * QemuIoLineKind#HELP_TEXT} inside help text, else {@code kind}.
   *
   * @param kind what {@link QemuIoLineKind#classify} made of the line alone
   * @param hadPrompt whether a {@code qemu-io> } prompt preceded the line: a new command's output
   */
  QemuIoLineKind follow(QemuIoLineKind kind, char[] buf, int from, int end, boolean hadPrompt) {
    if (hadPrompt) {
      state = State.NONE;
    }
    if (kind == QemuIoLineKind.BLANK) {
      if (state == State.AFTER_COMMAND_USAGE) {
        state = State.COMMAND_HELP;
      }
      return kind;
    }
    if (isHelpText(kind, buf, from, end)) {
      return QemuIoLineKind.HELP_TEXT;
    }
    state = switch (kind) {
      case USAGE -> State.AFTER_COMMAND_USAGE;
      case PROGRAM_USAGE -> State.PROGRAM_USAGE;
      default -> State.NONE;
    };
    return kind;
  }

  private boolean isHelpText(QemuIoLineKind kind, char[] buf, int from, int end) {
    // only lines that mean nothing on their own: a report, dump or error always keeps its kind
    boolean plain = kind == QemuIoLineKind.UNKNOWN || kind == QemuIoLineKind.INDENTED_FIELD;
    return switch (state) {
      case NONE, AFTER_COMMAND_USAGE -> false;
      case COMMAND_HELP -> plain && indentedByOne(buf, from, end);
      // option lines and their continuations are indented by two spaces or more
      case PROGRAM_USAGE ->
          plain && (regionMatches(buf, from, end, "  ") || isUsageClosing(buf, from, end));
    };
  }

  /** One space, then text: how every line of a command's help starts (a pasted block has more). */
  private static boolean indentedByOne(char[] buf, int from, int end) {
    return end - from > 1 && buf[from] == ' ' && buf[from + 1] != ' ';
  }

  /**
   * The unindented lines of {@code usage()}: its second line, the pointer to {@code -c help}, and
   * {@code QEMU_HELP_BOTTOM}, which every QEMU tool's usage ends with.
   */
  private static boolean isUsageClosing(char[] buf, int from, int end) {
    return regionEquals(buf, from, end, "QEMU Disk exerciser")
        || (regionMatches(buf, from, end, "See '")
            && endsWith(buf, from, end, " -c help' for information on available commands."))
        || (regionMatches(buf, from, end, "See <")
            && endsWith(buf, from, end, "> for how to report bugs."))
        || regionMatches(buf, from, end, "More information on the QEMU project at <");
  }
}
