package iommulab.kernel;

import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.zeromq.ZMQ;

/** Starts {@code iommulab kernel run} as a process and talks to it through a {@link LoopbackClient}. */
final class KernelClient implements AutoCloseable {
  final Process process;
  private final LoopbackClient jupyter;
  final ZMQ.Socket shell;
  final ZMQ.Socket control;
  final ZMQ.Socket iopub;

  KernelClient(Path dir, Long parentPid) throws IOException {
    jupyter = new LoopbackClient(Duration.ofSeconds(30));
    shell = jupyter.shell;
    control = jupyter.control;
    iopub = jupyter.iopub;
    Path file = dir.resolve("connection.json");
    Files.writeString(file, jupyter.connection().toString());
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        String.join(File.pathSeparator, Classpath.entries(System.getProperty("java.class.path"))),
        "iommulab.cli.Main", "kernel", "run", file.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(dir.resolve("kernel.out").toFile())
        .redirectError(dir.resolve("kernel.err").toFile());
    if (parentPid != null) {
      pb.environment().put("JPY_PARENT_PID", parentPid.toString());
    }
    process = pb.start();
  }

  String send(ZMQ.Socket socket, String type, JsonObject content) {
    return jupyter.send(socket, type, content);
  }

  Wire.Message receive(ZMQ.Socket socket) {
    try {
      return jupyter.receive(socket);
    } catch (IllegalStateException e) {
      throw new AssertionError(e.getMessage() + "; kernel alive: " + process.isAlive(), e);
    }
  }

  Wire.Message reply(ZMQ.Socket socket, String msgId) {
    return jupyter.reply(socket, msgId);
  }

  List<Wire.Message> iopubUntilIdle(String msgId) {
    return jupyter.iopubUntilIdle(msgId);
  }

  Wire.Message waitReady() {
    return jupyter.waitReady();
  }

  static JsonObject execute(String code) {
    return LoopbackClient.execute(code);
  }

  @Override
  public void close() throws InterruptedException {
    jupyter.close();
    if (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
