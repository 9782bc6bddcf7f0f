package iommulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kernel run FILE} starts without picocli ({@link KernelCommand.Run#plain}): only that exact
 * command line does, it fails as the picocli path does, and a file Jupyter could not have written
 * gets a message naming it and the field.
 */
class KernelRunCommandTest {
  @Test
  void onlyTheExactCommandLineSkipsPicocli() {
    assertNotNull(KernelCommand.Run.plain(new String[] {"kernel", "run", "conn.json"}));
    assertEquals(Path.of("conn.json"), KernelCommand.Run.plain(new String[] {"kernel", "run", "conn.json"}).connectionFile);
    assertNull(KernelCommand.Run.plain(new String[] {"kernel", "run"}));
    assertNull(KernelCommand.Run.plain(new String[] {"kernel", "run", "--help"}));
    assertNull(KernelCommand.Run.plain(new String[] {"kernel", "run", "a.json", "b.json"}));
    assertNull(KernelCommand.Run.plain(new String[] {"kernel", "install", "x"}));
    assertNull(KernelCommand.Run.plain(new String[] {"parse", "run", "x"}));
  }

  @Test
  void aMissingConnectionFileIsAUsageErrorOnBothPaths(@TempDir Path dir) {
    String file = dir.resolve("nosuch.json").toString();
    CliRun plain = CliRun.run("kernel", "run", file);
    CliRun picocli = CliRun.throughPicocli("kernel", "run", file);
    assertEquals(Main.USAGE, plain.exitCode());
    assertEquals("iommulab kernel run: no connection file " + file + "\n", plain.err());
    assertEquals(plain.exitCode(), picocli.exitCode());
    assertEquals(plain.err(), picocli.err());
  }

  @Test
  void aConnectionFileJupyterCouldNotHaveWrittenIsNamedWithItsField(@TempDir Path dir) throws Exception {
    String expected = "; expected a JSON object with transport, ip, shell_port, iopub_port, stdin_port,"
        + " control_port, hb_port and key (signature_scheme hmac-sha256), as Jupyter writes it\n";
    Path notJson = Files.writeString(dir.resolve("a.json"), "{\"transport\": ");
    Path array = Files.writeString(dir.resolve("b.json"), "[1, 2]");
    Path noPort = Files.writeString(dir.resolve("c.json"),
        "{\"transport\": \"tcp\", \"ip\": \"127.0.0.1\", \"shell_port\": 1, \"iopub_port\": 2,"
            + " \"stdin_port\": 3, \"control_port\": 4, \"key\": \"k\"}");
    Path textPort = Files.writeString(dir.resolve("d.json"),
        "{\"transport\": \"tcp\", \"ip\": \"127.0.0.1\", \"shell_port\": \"one\", \"iopub_port\": 2,"
            + " \"stdin_port\": 3, \"control_port\": 4, \"hb_port\": 5, \"key\": \"k\"}");
    Path md5 = Files.writeString(dir.resolve("e.json"),
        "{\"transport\": \"tcp\", \"ip\": \"127.0.0.1\", \"shell_port\": 1, \"iopub_port\": 2,"
            + " \"stdin_port\": 3, \"control_port\": 4, \"hb_port\": 5, \"key\": \"k\","
            + " \"signature_scheme\": \"hmac-md5\"}");

    CliRun run = CliRun.run("kernel", "run", notJson.toString());
    assertEquals(Main.MALFORMED, run.exitCode());
    assertEquals(true, run.err().startsWith("iommulab kernel run: " + notJson + ": not JSON ("), run.err());
    assertEquals(true, run.err().endsWith(")" + expected), run.err());

    assertMalformed(array, array + ": not a Jupyter connection file" + expected);
    assertMalformed(noPort, noPort + ": no hb_port" + expected);
    assertMalformed(textPort, textPort + ": bad shell_port" + expected);
    assertMalformed(md5, md5 + ": signature_scheme hmac-md5 is not supported" + expected);
  }

  private static void assertMalformed(Path file, String message) {
    CliRun run = CliRun.run("kernel", "run", file.toString());
    assertEquals(Main.MALFORMED, run.exitCode(), run.err());
    assertEquals("iommulab kernel run: " + message, run.err());
  }
}
