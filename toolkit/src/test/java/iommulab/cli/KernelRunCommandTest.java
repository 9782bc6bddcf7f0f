package iommulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kernel run FILE} starts without picocli ({@link KernelCommand.Run#plain}): only that exact
 * command line does, it fails as the picocli path does, and a file Jupyter could not have written
 * gets a message naming it and the field, and a port that cannot be bound a message naming the port.
 * A regression that lets a bad file through would serve it, in this JVM: the timeout stops that.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KernelRunCommandTest {
  private static final String EXPECTED = "; expected a JSON object with transport, ip, shell_port, iopub_port,"
      + " stdin_port, control_port, hb_port and key (signature_scheme hmac-sha256), as Jupyter writes it";

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
  void aConnectionFileJupyterCouldNotHaveWrittenExits2NamingTheFileAndField(@TempDir Path dir) throws Exception {
    // Each field check has its exact message in KernelConnectionTest; here, that the CLI reports them.
    Path notJson = Files.writeString(dir.resolve("a.json"), "{\"transport\": ");
    Path bigPort = Files.writeString(dir.resolve("b.json"),
        "{\"transport\": \"tcp\", \"ip\": \"127.0.0.1\", \"shell_port\": 1, \"iopub_port\": 2,"
            + " \"stdin_port\": 3, \"control_port\": 4, \"hb_port\": 70000, \"key\": \"k\"}");
    assertMalformed(notJson + ":1:15: not JSON: End of input" + EXPECTED);
    assertMalformed(bigPort + ": bad hb_port 70000: not a port number (a whole number 1..65535)" + EXPECTED);
  }

  @Test
  void aPortInUseExits4NamingTheFieldAndEndpoint(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0);
        ServerSocket c = new ServerSocket(0); ServerSocket d = new ServerSocket(0)) {
      int[] free = {a.getLocalPort(), b.getLocalPort(), c.getLocalPort(), d.getLocalPort()};
      for (ServerSocket s : List.of(a, b, c, d)) {
        s.close();
      }
      int port = taken.getLocalPort();
      Path file = Files.writeString(dir.resolve("c.json"),
          "{\"transport\": \"tcp\", \"ip\": \"127.0.0.1\", \"shell_port\": " + free[0] + ", \"iopub_port\": "
              + free[1] + ", \"stdin_port\": " + free[2] + ", \"control_port\": " + free[3] + ", \"hb_port\": "
              + port + ", \"key\": \"k\"}");
      CliRun run = CliRun.run("kernel", "run", file.toString());
      assertEquals(Main.EXECUTION_FAILED, run.exitCode(), run.err());
      assertEquals("iommulab kernel run: " + file + ": cannot bind hb_port to tcp://127.0.0.1:" + port
          + ": Address already in use\n", run.err());
    }
  }

  private static void assertMalformed(String message) {
    String file = message.substring(0, message.indexOf(".json") + ".json".length());
    CliRun run = CliRun.run("kernel", "run", file);
    assertEquals(Main.MALFORMED, run.exitCode(), run.err());
    assertEquals("iommulab kernel run: " + message + "\n", run.err());
  }
}
