package iommulab.kernel;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A minimal Jupyter client on 127.0.0.1: it makes a connection (free ports, a fresh key) and talks
 * to whichever kernel serves it, one request at a time. {@code kernel warm-up} drives an in-process
 * kernel with it while the CDS archive is made; the protocol tests drive a kernel process.
 *
 * <pre>{@code
 * try (LoopbackClient client = new LoopbackClient(Duration.ofSeconds(30))) {
 *   Files.writeString(file, client.connection().toString()); // then start a kernel on file
 *   client.waitReady();
 *   client.reply(client.shell, client.send(client.shell, "execute_request", LoopbackClient.execute("1 + 1")));
 * }
 * }</pre>
 */
final class LoopbackClient implements AutoCloseable {
  private final ZContext context = new ZContext();
  private final JsonObject connection;
  private final Wire wire;
  private final int timeoutMillis;
  final ZMQ.Socket shell;
  final ZMQ.Socket control;
  final ZMQ.Socket iopub;

  /** Picks five free TCP ports and connects to them; a receive waits at most {@code timeout}. */
  LoopbackClient(Duration timeout) throws IOException {
    String key = UUID.randomUUID().toString();
    int[] ports = freePorts(5);
    connection = new JsonObject();
    connection.addProperty("transport", "tcp");
    connection.addProperty("ip", "127.0.0.1");
    connection.addProperty("shell_port", ports[0]);
    connection.addProperty("iopub_port", ports[1]);
    connection.addProperty("stdin_port", ports[2]);
    connection.addProperty("control_port", ports[3]);
    connection.addProperty("hb_port", ports[4]);
    connection.addProperty("key", key);
    connection.addProperty("signature_scheme", "hmac-sha256");
    wire = new Wire(key);
    timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    shell = connect(SocketType.DEALER, ports[0]);
    iopub = connect(SocketType.SUB, ports[1]);
    iopub.subscribe(new byte[0]);
    control = connect(SocketType.DEALER, ports[3]);
  }

  /**
   * {@code n} distinct free ports: all {@code n} sockets stay open until each has its port, so the
   * OS cannot hand out one port twice. A port may still be taken before the kernel binds it; the
   * kernel then fails naming the port.
   */
  private static int[] freePorts(int n) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0);
        sockets.add(s);
        ports[i] = s.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
  }

  /** The connection-file content a kernel serving this client is started with. */
  JsonObject connection() {
    return connection.deepCopy();
  }

  private ZMQ.Socket connect(SocketType type, int port) {
    ZMQ.Socket s = context.createSocket(type);
    s.setReceiveTimeOut(timeoutMillis);
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

  /** The next message on {@code socket}; an {@link IllegalStateException} when none came in time. */
  Wire.Message receive(ZMQ.Socket socket) {
    Wire.Message m = wire.receive(socket);
    if (m == null) {
      throw new IllegalStateException("no message from the kernel within " + timeoutMillis + " ms");
    }
    return m;
  }

  /** The reply to {@code msgId} on {@code socket}, skipping nothing else (one request at a time). */
  Wire.Message reply(ZMQ.Socket socket, String msgId) {
    Wire.Message m = receive(socket);
    if (!m.parent().get("msg_id").getAsString().equals(msgId)) {
      throw new IllegalStateException("reply to another request: " + m.header());
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
      throw new IllegalStateException("IOPub never delivered");
    } finally {
      iopub.setReceiveTimeOut(timeoutMillis);
    }
  }

  /** An execute_request's content for {@code code}, as notebook clients send it. */
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
  public void close() {
    context.close();
  }
}
