package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;

/**
 * qemu-io's help text ({@code help CMD}, {@code help}, {@code qemu-io -h}) is the tool's own output,
 * recognised from the line that opens it; the same lines elsewhere, and anything else after it, stay
 * unrecognised.
 */
class QemuIoHelpTest {
  private static final String EXPECTED_OUTPUT = "; expected qemu-io output (a report, -C line, "
      + "hex dump, map/alloc/length/info output, warning or error)";

  private static final String READ_USAGE = "read [-abCqv] [-P pattern [-s off] [-l len]] off len"
      + " -- reads a number of bytes at a specified offset\n";

  /** {@code help read} as qemu-io prints it (help-read.txt), shortened to one paragraph and one option. */
  private static final String HELP_READ =
      READ_USAGE
          + "\n"
          + " reads a range of bytes from the given offset\n"
          + "\n"
          + " Example:\n"
          + " 'read -v 512 1k' - dumps 1 kilobyte read from 512 bytes into the file\n"
          + "\n"
          + " -b, -- read from the VM state rather than the virtual disk\n"
          + "\n";

  private static QemuIoResult strictFixture(String name) throws Exception {
    return QemuIoGoldenTest.fixture(name, true);
  }

  private static QemuIoResult lenient(String text) throws ParseException {
    return QemuIo.parse(text, ParseOptions.defaults().withSource("run.txt"));
  }

  private static ParseException strictFailure(String text) {
    return assertThrows(ParseException.class,
        () -> QemuIo.parse(text, ParseOptions.defaults().withSource("run.txt").withStrict(true)));
  }

  private static void assertOnlyHelp(QemuIoResult r) {
    assertEquals(0, r.table().rowCount());
    assertEquals(List.of(), r.unrecognized());
    assertEquals(List.of(), r.warnings());
    assertEquals(List.of(), r.toolErrors());
    assertEquals("qemu-io: 0 reports, 0 errors, 0 unrecognized lines", r.summary());
  }

  /**
   * help-read: one command's long help; help-each-command: the ten commands with long help and the
   * sixteen whose help is their usage line alone; usage-help: qemu-io -h; help-commands: the list.
   */
  @ParameterizedTest
  @ValueSource(strings = {"help-read.txt", "help-each-command.txt", "usage-help.txt", "help-commands.txt"})
  void helpTextIsRecognised(String fixture) throws Exception {
    assertOnlyHelp(strictFixture(fixture));
  }

  @Test
  void reportsErrorsAndOutputAfterHelpKeepTheirMeaning() throws Exception {
    QemuIoResult r = strictFixture("help-then-commands.txt");
    Table t = r.table();
    assertEquals(3, t.rowCount());
    assertEquals(List.of(51L, 74L, 97L), t.longColumn("line").asList());
    assertEquals(List.of("read", "write", "write"), t.stringColumn("op").asList());
    assertEquals(
        List.of(new ToolError(1, "invalid option -- 'z'"),
            new ToolError(32, "write: invalid option -- 'Z'")),
        r.toolErrors());
    assertEquals("64 MiB", r.facts().get("length"));
    assertEquals(4, r.facts().get("prompts"));
    assertEquals(List.of(), r.unrecognized());
    assertEquals(List.of(), r.warnings());
  }

  @Test
  void helpInATerminalCaptureIsRecognised() throws Exception {
    assertOnlyHelp(QemuIo.parse(HELP_READ.replace("\n", "\r\n"),
        ParseOptions.defaults().withStrict(true)));
  }

  @Test
  void strayLineAfterCommandHelpIsUnrecognised() throws Exception {
    String text = HELP_READ + "hello world\n";
    assertEquals(List.of(new SourceLine(10, "hello world")), lenient(text).unrecognized());
    assertEquals("run.txt:10:1: unrecognized line 'hello world'" + EXPECTED_OUTPUT,
        strictFailure(text).getMessage());
  }

  @Test
  void helpEndsAtTheFirstLineThatIsNotHelp() throws Exception {
    // after "hello world" the same one-space lines are no longer help text
    String text =
        HELP_READ + "hello world\n -b, -- read from the VM state rather than the virtual disk\n";
    assertEquals(
        List.of(new SourceLine(10, "hello world"),
            new SourceLine(11, " -b, -- read from the VM state rather than the virtual disk")),
        lenient(text).unrecognized());
  }

  @Test
  void helpLinesWithoutTheirUsageLineAreUnrecognised() throws Exception {
    String text = " reads a range of bytes from the given offset\n"
        + " -b, -- read from the VM state rather than the virtual disk\n";
    assertEquals(
        List.of(new SourceLine(1, " reads a range of bytes from the given offset"),
            new SourceLine(2, " -b, -- read from the VM state rather than the virtual disk")),
        lenient(text).unrecognized());
  }

  @Test
  void usageLineWithoutBlankLineOpensNoHelp() throws Exception {
    // a bad option prints only the usage line; qemu-io's long help always opens with a blank line
    String text = READ_USAGE + " reads a range of bytes from the given offset\n";
    assertEquals(List.of(new SourceLine(2, " reads a range of bytes from the given offset")),
        lenient(text).unrecognized());
  }

  @Test
  void lineIndentedUnlikeHelpIsUnrecognised() throws Exception {
    String text = HELP_READ + "    pasted note\n";
    assertEquals(List.of(new SourceLine(10, "    pasted note")), lenient(text).unrecognized());
  }

  @Test
  void reportInsideHelpIsStillAReport() throws Exception {
    String text = HELP_READ
        + " read 512/512 bytes at offset 0\n"
        + " 512 bytes, 1 ops; 00.00 sec (2.627 MiB/sec and 5381.0308 ops/sec)\n";
    QemuIoResult r = QemuIo.parse(text, ParseOptions.defaults().withStrict(true));
    assertEquals(1, r.table().rowCount());
    assertEquals(10L, r.table().longColumn("line").get(0));
    assertEquals(512L, r.table().longColumn("bytes").get(0));
  }

  @Test
  void promptEndsHelp() throws Exception {
    // interactive: the next prompt starts the next command's output
    String text = "qemu-io> " + HELP_READ + "qemu-io>  hello world\nqemu-io> ";
    assertEquals(List.of(new SourceLine(10, "qemu-io>  hello world")), lenient(text).unrecognized());
  }

  @Test
  void commandListFooterEndsHelp() throws Exception {
    String text = "quit -- exit the program\n"
        + "\n"
        + "Use 'help commandname' for extended help.\n"
        + "\n"
        + " hello world\n";
    assertEquals(List.of(new SourceLine(5, " hello world")), lenient(text).unrecognized());
  }

  @Test
  void strayLineAfterProgramUsageIsUnrecognised() throws Exception {
    String text = "Usage: qemu-io [OPTIONS]... [-c STRING]... [file]\n"
        + "QEMU Disk exerciser\n"
        + "\n"
        + "  -c, --cmd STRING     execute command with its arguments\n"
        + "                       from the given string\n"
        + "\n"
        + "See 'qemu-io -c help' for information on available commands.\n"
        + "\n"
        + "See <https://qemu.org/contribute/report-a-bug> for how to report bugs.\n"
        + "More information on the QEMU project at <https://qemu.org>.\n"
        + "hello world\n"
        + "  -c, --cmd STRING     execute command with its arguments\n";
    assertEquals(
        List.of(new SourceLine(11, "hello world"),
            new SourceLine(12, "  -c, --cmd STRING     execute command with its arguments")),
        lenient(text).unrecognized());
    assertEquals("run.txt:11:1: unrecognized line 'hello world'" + EXPECTED_OUTPUT,
        strictFailure(text).getMessage());
  }

  @Test
  void usageClosingLinesAloneAreUnrecognised() throws Exception {
    String text = "QEMU Disk exerciser\n"
        + "More information on the QEMU project at <https://qemu.org>.\n";
    assertEquals(
        List.of(new SourceLine(1, "QEMU Disk exerciser"),
            new SourceLine(2, "More information on the QEMU project at <https://qemu.org>.")),
        lenient(text).unrecognized());
  }
}
