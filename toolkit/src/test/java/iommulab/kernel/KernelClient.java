package iommulab.kernel;

import com.google.gson.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A minimal Jupyter client for tests: starts {@code iommulab kernel run} as a process and talks to it. */
final class KernelClient implements AutoCloseable {
  final Process process;
  private final ZContext context = new ZContext();
  private final Wire wire;
  final ZMQ.Socket shell;
  final ZMQ.Socket control;
  final ZMQ.Socket iopub;

  KernelClient(Path dir, Long parentPid) throws IOException {
    String key = UUID.randomUUID().toString();
    int[] ports = new int[5];
    for (int i = 0; i < ports.length; i++) {
      try (ServerSocket s = new ServerSocket(0)) {
        ports[i] = s.getLocalPort();
      }
    }
    JsonObject conn = new JsonObject();
    conn.addProperty("transport", "tcp");
    conn.addProperty("ip", "127.0.0.1");
    conn.addProperty("shell_port", ports[0]);
    conn.addProperty("iopub_port", ports[1]);
    conn.addProperty("stdin_port", ports[2]);
    conn.addProperty("control_port", ports[3]);
    conn.addProperty("hb_port", ports[4]);
    conn.addProperty("key", key);
    conn.addProperty("signature_scheme", "hmac-sha256");
    Path file = dir.resolve("connection.json");
    Files.writeString(file, conn.toString());
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
    wire = new Wire(key);
    shell = connect(SocketType.DEALER, ports[0]);
    iopub = connect(SocketType.SUB, ports[1]);
    iopub.subscribe(new byte[0]);
    control = connect(SocketType.DEALER, ports[3]);
  }

  private ZMQ.Socket connect(SocketType type, int port) {
    ZMQ.Socket s = context.createSocket(type);
    s.setReceiveTimeOut(30_000);
    s.setLinger(0);
    s.connect("tcp://127.0.0.1:" + port);
    return s;
  }

  /** Sends a request and returns its header's msg_id. */
  String send(ZMQ.Socket socket, String type, JsonObject content) {
    Wire.Message m = wire.make(type, null, content);
    wire.send(socket, m, false);
    return m.header().get("msg_id").getAsString();
  }

  Wire.Message receive(ZMQ.Socket socket) {
    Wire.Message m = wire.receive(socket);
    if (m == null) {
      throw new AssertionError("no message within 30 s; kernel alive: " + process.isAlive());
    }
    return m;
  }

  /** The reply to {@code msgId} on {@code socket}, skipping nothing else (one request at a time). */
  Wire.Message reply(ZMQ.Socket socket, String msgId) {
    Wire.Message m = receive(socket);
    if (!m.parent().get("msg_id").getAsString().equals(msgId)) {
      throw new AssertionError("reply to another request: " + m.header());
    }
    return m;
  }

  /** IOPub messages caused by {@code msgId}, up to and including its {@code idle} status. */
  List<Wire.Message> iopubUntilIdle(String msgId) {
    List<Wire.Message> out = new ArrayList<>();
    while (true) {
      Wire.Message m = receive(iopub);
      if (!m.parent().has("msg_id") || !m.parent().get("msg_id").getAsString().equals(msgId)) {
        continue;
      }
      out.add(m);
      if (m.type().equals("status") && m.content().get("execution_state").getAsString().equals("idle")) {
        return out;
      }
    }
  }

  /** Sends kernel_info until IOPub delivers (its subscription takes a moment to be live). */
  Wire.Message waitReady() {
    iopub.setReceiveTimeOut(500);
    try {
      for (int attempt = 0; attempt < 60; attempt++) {
        String id = send(shell, "kernel_info_request", new JsonObject());
        Wire.Message reply = reply(shell, id);
        Wire.Message status = wire.receive(iopub);
        if (status != null) {
          while (wire.receive(iopub) != null) {
            // drain the rest of this request's status messages
          }
          return reply;
        }
      }
      throw new AssertionError("IOPub never delivered");
    } finally {
      iopub.setReceiveTimeOut(30_000);
    }
  }

  static JsonObject execute(String code) {
    JsonObject c = new JsonObject();
    c.addProperty("code", code);
    c.addProperty("silent", false);
    c.addProperty("store_history", true);
    c.add("user_expressions", new JsonObject());
    c.addProperty("allow_stdin", false);
    return c;
  }

  @Override
  public void close() throws InterruptedException {
    context.close();
    if (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
