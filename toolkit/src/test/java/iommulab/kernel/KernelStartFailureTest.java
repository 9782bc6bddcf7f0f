package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kernel whose JShell cannot start (a runtime without {@code jdk.jshell}, simulated with
 * {@code --limit-modules}) answers a cell at once with an error reply, so a client (and the warm-up)
 * is told why instead of waiting out its timeout.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KernelStartFailureTest {
  @Test
  void aCellGetsAnErrorReplyWhenJShellCannotStart(@TempDir Path dir) throws Exception {
    try (LoopbackClient client = new LoopbackClient(Duration.ofSeconds(30))) {
      Path connection = Files.writeString(dir.resolve("connection.json"), client.connection().toString());
      Path out = dir.resolve("kernel.out");
      Process kernel = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "--limit-modules", "java.se,jdk.unsupported,jdk.zipfs", "-cp",
          String.join(File.pathSeparator, Classpath.entries(System.getProperty("java.class.path"))),
          "iommulab.cli.Main", "kernel", "run", connection.toString())
          .redirectErrorStream(true).redirectOutput(out.toFile()).start();
      try {
        client.waitReady();
        String id = client.send(client.shell, "execute_request", LoopbackClient.execute("1 + 1"));
        JsonObject reply = client.reply(client.shell, id).content();
        assertEquals("error", reply.get("status").getAsString(), reply::toString);
        assertEquals("JShellUnavailable", reply.get("ename").getAsString());
        assertTrue(reply.get("evalue").getAsString().startsWith("JShell failed to start: java.lang.NoClassDefFoundError: jdk/jshell/"),
            reply::toString);
        List<Wire.Message> iopub = client.iopubUntilIdle(id);
        assertTrue(iopub.stream().anyMatch(m -> m.type().equals("error")), iopub::toString);
      } catch (IllegalStateException e) {
        throw new AssertionError(e.getMessage() + "; kernel alive: " + kernel.isAlive() + "; its output:\n"
            + Files.readString(out), e);
      } finally {
        kernel.destroyForcibly();
        kernel.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
