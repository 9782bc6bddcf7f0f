package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data-sharing archive made at install holds what a kernel start needs before it can
 * answer its first request: ZeroMQ, the JSON of the wire format and the HMAC of its signatures.
 * Classes outside the archive are loaded and verified one by one, which cost a start about 0.3 s
 * on the 2-CPU machines here.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KernelCdsArchiveTest {
  @Test
  void aKernelStartedFromTheArchiveLoadsItsWireClassesFromIt(@TempDir Path dir) throws Exception {
    List<String> mainClassArgs = fromJars(dir);
    Path archive = dir.resolve("iommulab.jsa");
    KernelSpec.CdsArchive cds = KernelSpec.createCdsArchive(archive, mainClassArgs, KernelSpec.WARM_UP_LIMIT);
    assertTrue(cds.made(), () -> "no archive was made: " + cds.failure() + "\n" + read(dir.resolve("warm-up.log")));
    assertTrue(Files.isRegularFile(archive), "made, but not at " + archive);
    assertFalse(Files.exists(dir.resolve("iommulab.jsa.tmp")), "the partial archive was left behind");
    assertFalse(Files.exists(dir.resolve("warm-up.log")), "the log of a warm-up that worked was left behind");
    Path classLog = dir.resolve("class-load.log");
    Path kernelOut = dir.resolve("kernel.out");
    try (LoopbackClient client = new LoopbackClient(Duration.ofSeconds(60))) {
      Path connection = Files.writeString(dir.resolve("connection.json"), client.connection().toString());
      List<String> cmd = new ArrayList<>(KernelSpec.launcher(archive, mainClassArgs));
      cmd.add(1, "-Xlog:class+load:file=" + classLog);
      cmd.set(cmd.size() - 1, connection.toString());
      Process kernel = new ProcessBuilder(cmd).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(kernelOut.toFile()).start();
      try {
        client.waitReady();
        client.reply(client.shell, client.send(client.shell, "shutdown_request", new JsonObject()));
        assertTrue(kernel.waitFor(30, TimeUnit.SECONDS), () -> "kernel did not exit after shutdown: " + read(kernelOut));
      } catch (IllegalStateException e) {
        throw new AssertionError(e.getMessage() + "; kernel alive: " + kernel.isAlive() + "; its output:\n" + read(kernelOut), e);
      } finally {
        kernel.destroyForcibly();
        kernel.waitFor(10, TimeUnit.SECONDS);
      }
    }
    List<String> loaded = Files.readAllLines(classLog);
    for (String name : List.of("zmq.ZMQ", "org.zeromq.ZMsg", "com.google.gson.JsonParser", "javax.crypto.Mac")) {
      assertTrue(loaded.stream().anyMatch(l -> l.contains(" " + name + " source: shared objects file")),
          name + " was not loaded from the archive: "
              + loaded.stream().filter(l -> l.contains(" " + name + " ")).findFirst().orElse("not loaded at all"));
    }
    // picocli's Java 5 classes cannot be archived: kernel run FILE must not load them at all.
    assertTrue(loaded.stream().noneMatch(l -> l.contains(" picocli.")),
        () -> "kernel run loaded picocli: " + loaded.stream().filter(l -> l.contains(" picocli.")).findFirst().orElseThrow());
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(no " + file.getFileName() + ")";
    } catch (java.io.IOException e) {
      return "(" + file + " unreadable: " + e + ")";
    }
  }

  /**
   * {@code -cp JARS iommulab.cli.Main} for this test JVM's class path with its class directories
   * (the build's classes, which the JVM will not archive from a directory) packed into one jar, and
   * the test classes left out.
   */
  private static List<String> fromJars(Path dir) {
    List<String> jars = new ArrayList<>();
    Path classesJar = dir.resolve("classes.jar");
    for (String entry : Classpath.entries(System.getProperty("java.class.path"))) {
      Path p = Path.of(entry);
      if (!Files.isDirectory(p)) {
        jars.add(entry);
      } else if (Files.exists(p.resolve("iommulab/cli/Main.class"))) {
        ToolProvider jar = ToolProvider.findFirst("jar").orElseThrow();
        int status = jar.run(System.out, System.err, "--create", "--file", classesJar.toString(), "-C", entry, ".");
        assertTrue(status == 0, "jar failed on " + entry);
        jars.add(0, classesJar.toString());
      }
    }
    return List.of("-cp", String.join(File.pathSeparator, jars), "iommulab.cli.Main");
  }
}
