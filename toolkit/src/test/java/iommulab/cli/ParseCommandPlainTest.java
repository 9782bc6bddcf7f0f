package iommulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code parse} with plain arguments runs without picocli ({@link ParseCommand#plain}); these check that
 * it behaves exactly as the picocli path does, and that everything else still goes to picocli.
 */
class ParseCommandPlainTest {
  private static final String STACKS = "src/test/resources/stackcount/bcc-mkdir-P.txt";
  private static final String QEMU = "src/test/resources/qemu-io/aio.txt";
  private static final String BROKEN = "src/test/resources/stackcount/bcc-error-nomatch.txt";

  @Test
  void plainArgumentsGiveWhatPicocliGives() {
    List<String[]> cases =
        List.of(
            new String[] {"parse", QEMU},
            new String[] {"parse", "--format", "json", QEMU},
            new String[] {"parse", "--tool", "stackcount", "--format", "summary", STACKS},
            new String[] {"parse", "--format=folded", "--tool=stackcount", STACKS},
            new String[] {"parse", STACKS, "--strict", "--format", "csv"},
            new String[] {"parse", "--tool", "qemu-io", STACKS},
            new String[] {"parse", "--tool", "nosuchtool", STACKS},
            new String[] {"parse", "--format", "folded", QEMU},
            new String[] {"parse", BROKEN},
            new String[] {"parse", "no/such/file.txt"});
    for (String[] args : cases) {
      assertNotNull(ParseCommand.plain(args), String.join(" ", args));
      CliRun plain = CliRun.run(args);
      CliRun picocli = CliRun.throughPicocli(args);
      String what = String.join(" ", args);
      assertEquals(picocli.exitCode(), plain.exitCode(), what);
      assertEquals(picocli.out(), plain.out(), what);
      assertEquals(picocli.err(), plain.err(), what);
    }
  }

  @Test
  void everythingElseIsLeftToPicocli() {
    List<String[]> cases =
        List.of(
            new String[] {"parse"},
            new String[] {"parse", "--help"},
            new String[] {"parse", "-h"},
            new String[] {"parse", "--version"},
            new String[] {"parse", "--format", "SUMMARY", STACKS},
            new String[] {"parse", "--format", "xml", STACKS},
            new String[] {"parse", "--format", "csv", "--format", "csv", STACKS},
            new String[] {"parse", "--tool", "--strict", STACKS},
            new String[] {"parse", "--tool"},
            new String[] {"parse", "--strict=true", STACKS},
            new String[] {"parse", "--strict", "--strict", STACKS},
            new String[] {"parse", "--", STACKS},
            new String[] {"parse", "@args.txt"},
            new String[] {"parse", "--toll", "qemu-io", STACKS},
            new String[] {"parse", STACKS, QEMU},
            new String[] {"parse", ""},
            new String[] {"record", "show", STACKS});
    for (String[] args : cases) {
      assertNull(ParseCommand.plain(args), String.join(" ", args));
    }
  }
}
