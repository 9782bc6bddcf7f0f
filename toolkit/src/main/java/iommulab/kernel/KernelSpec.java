package iommulab.kernel;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Installs and removes the kernelspec ({@code kernel.json} + logos) in a Jupyter data directory's
 * {@code kernels/} folder, where Jupyter, JupyterLab and VS Code look. The command line is absolute
 * (this JVM's {@code java}, this jar or class path) so starting the kernel does not depend on the
 * working directory.
 *
 * <pre>{@code KernelSpec.install(Path.of(home, ".local/share/jupyter/kernels"), KernelSpec.launcher(null))}</pre>
 */
public final class KernelSpec {
  /** The kernelspec's directory name, also the {@code kernelspec.name} of notebooks. */
  public static final String NAME = "iommulab";
  public static final String DISPLAY_NAME = "iommulab (Java)";

  private KernelSpec() {}

  /** The toolkit's version, from the build. */
  public static String version() {
    try (InputStream in = KernelSpec.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "development");
    } catch (IOException e) {
      return "development";
    }
  }

  /** The jar this class was loaded from, or null when running from class directories. */
  public static Path ownJar() {
    try {
      var source = KernelSpec.class.getProtectionDomain().getCodeSource();
      Path p = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(p) ? p : null;
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return null;
    }
  }

  /**
   * The command that starts the kernel ({@code {connection_file}} is Jupyter's placeholder): the
   * current {@code java}, then {@code -jar} this jar or {@code -cp} this JVM's class path.
   *
   * @param cdsArchive a class-data-sharing archive to start from, or null
   */
  public static List<String> launcher(Path cdsArchive) {
    return launcher(cdsArchive, mainClassArgs());
  }

  /** {@link #launcher(Path)} for the given {@code -jar JAR} or {@code -cp CLASSPATH MAIN} arguments. */
  static List<String> launcher(Path cdsArchive, List<String> mainClassArgs) {
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (cdsArchive != null) {
      argv.add("-XX:SharedArchiveFile=" + cdsArchive.toAbsolutePath());
    }
    argv.addAll(jvmOptions());
    argv.addAll(mainClassArgs);
    argv.addAll(List.of("kernel", "run", "{connection_file}"));
    return argv;
  }

  /** The one JDK package the kernel opens: JShell's, so the class files of cells that ran once can go. */
  static final String OPEN_JSHELL = "--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED";

  /**
   * JVM options for a kernel: small heap start, quick JIT warm-up, quiet CDS mismatches, and JShell
   * opened for {@link ReplClassFiles}.
   */
  static List<String> jvmOptions() {
    return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        OPEN_JSHELL);
  }

  /** {@code -jar JAR} or {@code -cp CLASSPATH iommulab.cli.Main}, absolute. */
  public static List<String> mainClassArgs() {
    Path jar = ownJar();
    if (jar != null && Classpath.entries(System.getProperty("java.class.path")).size() <= 1) {
      return List.of("-jar", jar.toAbsolutePath().toString());
    }
    String cp = String.join(java.io.File.pathSeparator, Classpath.entries(System.getProperty("java.class.path")));
    return List.of("-cp", cp, "iommulab.cli.Main");
  }

  /** Writes {@code kernelsDir/iommulab/kernel.json} and logos; returns that directory. */
  public static Path install(Path kernelsDir, List<String> argv) throws IOException {
    Path dir = kernelsDir.resolve(NAME);
    Files.createDirectories(dir);
    JsonObject spec = new JsonObject();
    JsonArray args = new JsonArray();
    argv.forEach(args::add);
    spec.add("argv", args);
    spec.addProperty("display_name", DISPLAY_NAME);
    spec.addProperty("language", "java");
    spec.addProperty("interrupt_mode", "message");
    JsonObject metadata = new JsonObject();
    metadata.addProperty("iommulab_version", version());
    spec.add("metadata", metadata);
    Files.writeString(dir.resolve("kernel.json"), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n");
    for (String logo : List.of("logo-32x32.png", "logo-64x64.png")) {
      try (InputStream in = KernelSpec.class.getResourceAsStream(logo)) {
        if (in == null) {
          throw new IOException("missing resource " + logo + " in the iommulab jar");
        }
        Files.copy(in, dir.resolve(logo), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }

  /** Removes {@code kernelsDir/iommulab}; returns false when it was not installed there. */
  public static boolean uninstall(Path kernelsDir) throws IOException {
    Path dir = kernelsDir.resolve(NAME);
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return true;
  }

  /** How long the warm-up JVM may take in all before it is killed and install goes on without an archive. */
  static final Duration WARM_UP_LIMIT = Duration.ofMinutes(3);

  /**
   * What {@link #createCdsArchive} did: {@code made}, or {@code failure} says why not, with the last
   * lines of the warm-up's output and the log file ({@code warm-up.log} beside the archive) that keeps it.
   */
  public record CdsArchive(boolean made, String failure) {}

  /**
   * Makes a class-data-sharing archive by starting a throw-away kernel session that runs a few cells
   * ({@code kernel warm-up}); the kernel then starts from it. On failure no archive is left behind
   * and {@link CdsArchive#failure} says why.
   */
  public static CdsArchive createCdsArchive(Path archive) throws InterruptedException {
    return createCdsArchive(archive, mainClassArgs(), WARM_UP_LIMIT);
  }

  /**
   * {@link #createCdsArchive(Path)} for the given {@code -jar JAR} or {@code -cp CLASSPATH MAIN}
   * arguments, killing the warm-up after {@code limit}. The JVM archives classes from jars only: a
   * class directory on the path fails it. The JVM writes an archive even when the warm-up failed, so
   * it dumps to {@code ARCHIVE.tmp}, moved into place only after a clean exit.
   */
  static CdsArchive createCdsArchive(Path archive, List<String> mainClassArgs, Duration limit) throws InterruptedException {
    Path partial = archive.resolveSibling(archive.getFileName() + ".tmp");
    Path log = archive.resolveSibling("warm-up.log");
    try {
      Files.deleteIfExists(archive);
      Files.deleteIfExists(partial);
    } catch (IOException e) {
      return new CdsArchive(false, "cannot remove the old archive: " + e);
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:ArchiveClassesAtExit=" + partial.toAbsolutePath());
    // The kernel's options less its quiet CDS logging: the log should say why the JVM made no archive.
    jvmOptions().stream().filter(o -> !o.startsWith("-Xlog:cds")).forEach(cmd::add);
    cmd.addAll(mainClassArgs);
    cmd.addAll(List.of("kernel", "warm-up"));
    String failure;
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        failure = "warm-up did not finish within " + limit.toSeconds() + " s";
      } else if (p.exitValue() != 0) {
        failure = "warm-up failed (exit " + p.exitValue() + ")";
      } else if (!Files.isRegularFile(partial)) {
        failure = "the JVM wrote no archive";
      } else {
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(log);
        return new CdsArchive(true, null);
      }
    } catch (IOException e) {
      failure = "warm-up could not run: " + e;
    }
    try {
      Files.deleteIfExists(partial);
    } catch (IOException e) {
      failure += " (and " + partial + " could not be removed: " + e + ")";
    }
    return new CdsArchive(false, failure + tail(log) + "; see " + log);
  }

  /** The last two lines of {@code log} that are neither blank nor stack frames, after ": ", or nothing. */
  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log).stream().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("at ") && !(l.startsWith("... ") && l.endsWith(" more")))
          .toList();
      return lines.isEmpty() ? "" : ": " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 2), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  /**
   * What {@code kernel warm-up} runs: a kernel on loopback TCP, started from a connection file and
   * asked what a client asks first (kernel_info, a few typical cells, a completion), so that the
   * archive also holds the classes of ZeroMQ, the wire format and its HMAC that every kernel start
   * needs before it can answer. Fails at once when JShell cannot start or a cell fails. The kernel
   * keeps this JVM's standard streams: call it only in a JVM that exits afterwards.
   *
   * @throws IllegalStateException when the kernel failed: JShell did not start, a cell or the
   *     completion was answered with an error, or no reply came within a minute
   */
  public static void warmUp() throws IOException, InterruptedException {
    try (LoopbackClient client = new LoopbackClient(Duration.ofMinutes(1))) {
      Path file = Files.createTempFile("iommulab-warm-up-", ".json");
      Kernel.Connection connection;
      try {
        Files.writeString(file, client.connection().toString());
        connection = Kernel.Connection.read(file);
      } catch (Kernel.ConnectionFileException e) {
        throw new IllegalStateException(e.getMessage(), e);
      } finally {
        Files.deleteIfExists(file);
      }
      Kernel kernel = new Kernel(connection, Path.of("").toAbsolutePath(), System.err, version());
      Thread server = new Thread(kernel::serve, "iommulab-warm-up-kernel");
      server.setDaemon(true);
      server.start();
      kernel.awaitSession();
      client.waitReady();
      for (String cell : List.of(
          "int x = 1 + 1;\nSystem.out.println(x);\nx",
          "Table.create(\"t\", IntColumn.indexColumn(\"i\", 3, 0))",
          "String s = \"\"; s.length()")) {
        String id = client.send(client.shell, "execute_request", LoopbackClient.execute(cell));
        checkOk(client.reply(client.shell, id), cell);
        client.iopubUntilIdle(id);
      }
      JsonObject complete = new JsonObject();
      complete.addProperty("code", "s.len");
      complete.addProperty("cursor_pos", 5);
      checkOk(client.reply(client.shell, client.send(client.shell, "complete_request", complete)), "completion of s.len");
      // The kernel is not closed here: with a close (ZeroMQ's context, from this thread, while the
      // serving thread polled it) the warm-up hung in one of two test runs on 2026-12-03, and the
      // warm-up JVM exits right after this anyway.
    }
  }

  private static void checkOk(Wire.Message reply, String what) {
    JsonObject c = reply.content();
    if (!c.has("status") || !c.get("status").getAsString().equals("ok")) {
      throw new IllegalStateException("warm-up: " + reply.type() + " for " + what.replace("\n", " ") + " is "
          + (c.has("status") ? c.get("status").getAsString() : "without status")
          + (c.has("ename") ? ": " + c.get("ename").getAsString() + ": " + c.get("evalue").getAsString() : ""));
    }
  }
}
