package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What parse sweep 3 found in real qemu-io 7.2.22 output: blkdebug's breakpoint messages (N7) and
 * terminal pastes with full shell prompts (N8), and that lines merely containing {@code $ } or
 * {@code #} are not taken for prompts.
 */
class QemuIoSweepTest {
  private static final String WRITE =
      "wrote 8192/8192 bytes at offset 0\n"
          + "8 KiB, 1 ops; 00.00 sec (2.673 MiB/sec and 342.1541 ops/sec)\n";

  private static QemuIoResult fixture(String name, boolean strict) throws Exception {
    return QemuIo.parse(QemuIoGoldenTest.folder().resolve(name),
        ParseOptions.defaults().withSource(name).withStrict(strict));
  }

  private static QemuIoResult strict(String text) throws Exception {
    return QemuIo.parse(text, ParseOptions.defaults().withStrict(true));
  }

  @Test
  void blkdebugBreakpointMessagesAreCounted() throws Exception {
    QemuIoResult r = fixture("blkdebug-break.txt", true);
    assertEquals(2, r.facts().get("blkdebug_events"));
    assertEquals(1, r.table().rowCount());
    assertEquals(List.of(), r.unrecognized());
    assertEquals(List.of(), r.warnings());
    // remove_break after the request was resumed: the breakpoint is gone, a real command error
    assertEquals(
        List.of(new ToolError(5, "Could not remove breakpoint A: No such file or directory")),
        r.toolErrors());
  }

  @Test
  void blkdebugMessageGluedToInteractivePrompt() throws Exception {
    QemuIoResult r = strict("qemu-io> blkdebug: Suspended request 'tag 1'\n"
        + "qemu-io> blkdebug: Resuming request 'tag 1'\nqemu-io> ");
    assertEquals(2, r.facts().get("blkdebug_events"));
    assertEquals(3, r.facts().get("prompts"));
  }

  @Test
  void blkdebugEventsAbsentWithoutThem() throws Exception {
    assertFalse(strict(WRITE).facts().containsKey("blkdebug_events"));
  }

  @Test
  void userAtHostPromptsSetCommandAndTarget() throws Exception {
    QemuIoResult r = fixture("shell-prompts-userhost.txt", true);
    assertEquals("qemu-io -f raw -c 'write -P 0x2 0 8k' disk.raw", r.facts().get("command"));
    assertEquals("disk.raw", r.facts().get("target"));
    assertEquals(2, r.table().rowCount());
    assertEquals(List.of(), r.warnings());
  }

  @Test
  void dollarPromptsWithTrailingBarePrompt() throws Exception {
    QemuIoResult r = fixture("shell-prompts-dollar.txt", true);
    assertEquals("qemu-io -f raw -c 'write -P 0x2 0 8k' disk.raw", r.facts().get("command"));
    assertEquals(2, r.table().rowCount());
    assertEquals(0L, r.facts().get("unrecognized_lines"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "user@host:/tmp/qio$ ", "root@host:~# ", "[user@host qio]$ ", "[root@host ~]# ", "host# ",
    "kvm-01.lab$ ", "/tmp/qio# ", "~$ ", "$ ", "# "
  })
  void promptShapesBeforeQemuIo(String prompt) throws Exception {
    for (String program : List.of("qemu-io", "/usr/bin/qemu-io")) {
      String command = program + " -f raw -c 'write -P 0x2 0 8k' disk.raw";
      QemuIoResult r = strict(prompt + command + "\n" + WRITE);
      assertEquals(command, r.facts().get("command"), prompt);
      assertEquals("disk.raw", r.facts().get("target"), prompt);
      assertEquals(1, r.table().rowCount());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "$ ", "# ", "user@host:/tmp/qio$ ", "[user@host qio]$ ", "host# ", "$", "#", "user@host:~$",
    "$ \r", "[root@host ~]#"
  })
  void barePromptIsRecognised(String prompt) throws Exception {
    QemuIoResult r = strict(WRITE + prompt + "\n");
    assertEquals(1, r.table().rowCount());
    assertFalse(r.facts().containsKey("command"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    // a prompt, but another command: its output is not qemu-io's
    "user@host:/tmp$ ls -l", "[user@host qio]$ cat disk.raw", "$ echo qemu-io -c 'read 0 1'",
    "# comment about qemu-io", "host# qemu-img info disk.raw",
    // not the prompt shape
    "#qemu-io -f raw disk.raw", "$$ qemu-io -f raw disk.raw", "user name@host$ ", "-# ", ".$ ",
    "[user host]$ ", "[@host qio]$ ", "[user@ qio]$ ", "[user@host qio", "user@host:/tmp$qemu-io x",
    // prose and code that merely contain $ or #
    "costs US$ 5", "echo $ HOME", "see issue #12", "#include <stdio.h>", "x=1 # comment",
    "#!/bin/sh", "$HOME/bin", "# not a command", "$ x",
    // blkdebug-like lines that are not its two messages
    "blkdebug: Suspended request", "blkdebug: Suspended request 'A", "blkdebug: Halted request 'A'"
  })
  void otherLinesStayUnrecognised(String line) throws Exception {
    QemuIoResult r = QemuIo.parse(WRITE + line + "\n");
    assertEquals(List.of(new SourceLine(3, line)), r.unrecognized());
    assertFalse(r.facts().containsKey("command"));
    assertFalse(r.facts().containsKey("blkdebug_events"));
  }

  @Test
  void strictNamesAnUnrecognisedPromptLine() {
    ParseException e = assertThrows(ParseException.class,
        () -> strict(WRITE + "user@host:/tmp$ ls -l\n"));
    assertEquals("<input>:3:1: unrecognized line 'user@host:/tmp$ ls -l'; expected qemu-io output"
        + " (a report, -C line, hex dump, map/alloc/length/info output, warning or error)",
        e.getMessage());
  }
}
