package iommulab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The iommulab Jupyter kernel: a ZeroMQ server for the Jupyter messaging protocol 5.3 over a
 * {@link Session}. Started by Jupyter through the kernelspec that {@link KernelSpec} installs.
 *
 * <p>Why not jupyter-jvm-basekernel's {@code JupyterConnection}: its channels cannot be fixed by
 * subclassing. The shell loop polls and sleeps 50 ms per request, the IOPub socket keeps ZeroMQ's
 * default send high-water mark so a burst of output is dropped, the sockets are created in its
 * constructor, and execution runs where an interrupt cannot reach it. The renderer API and display
 * types of the base library are still what cells are rendered with. Here each socket has one
 * thread blocking in {@code recv} (no polling), IOPub has no high-water mark and sends are
 * serialised, a cell runs on the shell thread and {@code interrupt_request} on the control thread
 * stops it.
 */
public final class Kernel {
  private final Wire wire;
  private final ZContext context = new ZContext();
  private final ZMQ.Socket shell;
  private final ZMQ.Socket control;
  private final ZMQ.Socket stdin;
  private final ZMQ.Socket iopub;
  private final ZMQ.Socket heartbeat;
  private final CompletableFuture<Session> session;
  private final PrintStream log;
  private final String version;
  private int executionCount;
  private volatile boolean stopping;

  Kernel(JsonObject connection, Path workingDir, PrintStream log, String version) {
    this.log = log;
    this.version = version;
    this.wire = new Wire(connection.has("key") ? connection.get("key").getAsString() : "");
    String transport = connection.get("transport").getAsString();
    String ip = connection.get("ip").getAsString();
    shell = bind(SocketType.ROUTER, transport, ip, connection.get("shell_port").getAsInt());
    control = bind(SocketType.ROUTER, transport, ip, connection.get("control_port").getAsInt());
    stdin = bind(SocketType.ROUTER, transport, ip, connection.get("stdin_port").getAsInt());
    iopub = bind(SocketType.PUB, transport, ip, connection.get("iopub_port").getAsInt());
    heartbeat = bind(SocketType.REP, transport, ip, connection.get("hb_port").getAsInt());
    // The first signature check would set up the JCE providers while the client waits for its first
    // reply; the client is still connecting now.
    wire.sign(new byte[0]);
    // JShell takes most of the start-up time: start it while the client connects and asks for info.
    session = CompletableFuture.supplyAsync(() -> Session.start(workingDir));
  }

  /**
   * Serves the connection described by a Jupyter connection file until a shutdown request or until
   * the process {@code parentPid} (the client) exits. Relative paths in cells resolve against
   * {@code workingDir}; kernel problems are logged to {@code log}, never into cells.
   *
   * @throws IllegalArgumentException when the file is not a Jupyter connection file; the message
   *     names the file and the field
   */
  public static void run(Path connectionFile, Path workingDir, long parentPid, PrintStream log, String version)
      throws IOException {
    JsonObject connection = readConnection(connectionFile);
    Kernel kernel = new Kernel(connection, workingDir, log, version);
    watchParent(parentPid, log);
    kernel.serve();
  }

  private static final List<String> PORTS = List.of("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port");

  /**
   * Reads a connection file; an {@link IllegalArgumentException} naming the file and the field says
   * what is wrong with one that Jupyter could not have written.
   */
  static JsonObject readConnection(Path file) throws IOException {
    String expected = "; expected a JSON object with transport, ip, " + String.join(", ", PORTS)
        + " and key (signature_scheme hmac-sha256), as Jupyter writes it";
    JsonObject c;
    try {
      var json = JsonParser.parseString(Files.readString(file));
      if (!json.isJsonObject()) {
        throw new IllegalArgumentException(file + ": not a Jupyter connection file" + expected);
      }
      c = json.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(file + ": not JSON (" + e.getMessage() + ")" + expected, e);
    }
    List<String> fields = new ArrayList<>(List.of("transport", "ip"));
    fields.addAll(PORTS);
    for (String field : fields) {
      JsonElement v = c.get(field);
      boolean port = PORTS.contains(field);
      if (v == null || !v.isJsonPrimitive() || (port && !v.getAsJsonPrimitive().isNumber())) {
        throw new IllegalArgumentException(file + ": " + (v == null ? "no " : "bad ") + field + expected);
      }
    }
    if (c.has("signature_scheme") && !c.get("signature_scheme").getAsString().equals("hmac-sha256")) {
      throw new IllegalArgumentException(
          file + ": signature_scheme " + c.get("signature_scheme").getAsString() + " is not supported" + expected);
    }
    return c;
  }

  private static void watchParent(long parentPid, PrintStream log) {
    ProcessHandle.of(parentPid)
        .ifPresent(
            parent ->
                parent.onExit().thenRun(() -> {
                  log.println("iommulab kernel: client process " + parentPid + " exited; stopping");
                  Runtime.getRuntime().halt(0);
                }));
  }

  private ZMQ.Socket bind(SocketType type, String transport, String ip, int port) {
    ZMQ.Socket s = context.createSocket(type);
    s.setSndHWM(0);
    s.setRcvHWM(0);
    s.setLinger(1000);
    s.bind(transport + "://" + ip + ":" + port);
    return s;
  }

  /** Answers requests until a shutdown request; the shell channel is served on the calling thread. */
  void serve() {
    Thread hb = daemon("iommulab-heartbeat", () -> {
      while (!stopping) {
        byte[] ping = heartbeat.recv(0);
        if (ping == null) {
          return;
        }
        heartbeat.send(ping, 0);
      }
    });
    Thread ctl = daemon("iommulab-control", () -> loop(control));
    hb.start();
    ctl.start();
    loop(shell);
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(() -> {
      try {
        body.run();
      } catch (ZMQException | IllegalStateException e) {
        // the context was closed at shutdown
      }
    }, name);
    t.setDaemon(true);
    return t;
  }

  private void loop(ZMQ.Socket socket) {
    while (!stopping) {
      Wire.Message request;
      try {
        request = wire.receive(socket);
      } catch (ZMQException | IllegalStateException e) {
        return;
      } catch (RuntimeException e) {
        log.println("iommulab kernel: dropped a message: " + e);
        continue;
      }
      if (request == null) {
        return;
      }
      publish("status", request, status("busy"));
      try {
        handle(socket, request);
      } catch (RuntimeException e) {
        log.println("iommulab kernel: error handling " + request.type() + ": " + e);
        e.printStackTrace(log);
      }
      publish("status", request, status("idle"));
    }
  }

  private void handle(ZMQ.Socket socket, Wire.Message request) {
    JsonObject content = request.content();
    switch (request.type()) {
      case "kernel_info_request" -> reply(socket, request, "kernel_info_reply", kernelInfo());
      case "execute_request" -> execute(socket, request);
      case "complete_request" -> reply(socket, request, "complete_reply", complete(content));
      case "inspect_request" -> reply(socket, request, "inspect_reply", inspect(content));
      case "is_complete_request" -> reply(socket, request, "is_complete_reply", isComplete(content));
      case "interrupt_request" -> {
        session().interrupt();
        reply(socket, request, "interrupt_reply", ok());
      }
      case "shutdown_request" -> {
        JsonObject c = ok();
        c.addProperty("restart", content.has("restart") && content.get("restart").getAsBoolean());
        reply(socket, request, "shutdown_reply", c);
        shutdown(request);
      }
      case "history_request" -> {
        JsonObject c = ok();
        c.add("history", new JsonArray());
        reply(socket, request, "history_reply", c);
      }
      case "comm_info_request" -> {
        JsonObject c = ok();
        c.add("comms", new JsonObject());
        reply(socket, request, "comm_info_reply", c);
      }
      default -> log.println("iommulab kernel: ignoring " + request.type());
    }
  }

  private void execute(ZMQ.Socket socket, Wire.Message request) {
    JsonObject content = request.content();
    String code = content.get("code").getAsString();
    boolean silent = content.has("silent") && content.get("silent").getAsBoolean();
    boolean store = !silent && (!content.has("store_history") || content.get("store_history").getAsBoolean());
    if (store) {
      executionCount++;
    }
    int count = executionCount;
    if (!silent) {
      JsonObject input = new JsonObject();
      input.addProperty("code", code);
      input.addProperty("execution_count", count);
      publish("execute_input", request, input);
    }
    IopubOutput output = new IopubOutput(request, count, silent);
    boolean ok = session().execute(code, output);
    JsonObject reply = new JsonObject();
    reply.addProperty("status", ok ? "ok" : "error");
    reply.addProperty("execution_count", count);
    if (ok) {
      reply.add("payload", new JsonArray());
      reply.add("user_expressions", new JsonObject());
    } else {
      reply.addProperty("ename", output.ename);
      reply.addProperty("evalue", output.evalue);
      reply.add("traceback", output.traceback);
    }
    reply(socket, request, "execute_reply", reply);
  }

  /** Publishes a cell's outputs as IOPub messages whose parent is the execute request. */
  private final class IopubOutput implements CellOutput {
    private final Wire.Message request;
    private final int count;
    private final boolean silent;
    String ename = "";
    String evalue = "";
    JsonArray traceback = new JsonArray();

    IopubOutput(Wire.Message request, int count, boolean silent) {
      this.request = request;
      this.count = count;
      this.silent = silent;
    }

    @Override
    public void stream(String name, String text) {
      JsonObject c = new JsonObject();
      c.addProperty("name", name);
      c.addProperty("text", text);
      publish("stream", request, c);
    }

    @Override
    public void display(Map<String, Object> data, Map<String, Object> metadata) {
      JsonObject c = mimeBundle(data, metadata);
      c.add("transient", new JsonObject());
      publish("display_data", request, c);
    }

    @Override
    public void result(Map<String, Object> data, Map<String, Object> metadata) {
      if (silent) {
        return;
      }
      JsonObject c = mimeBundle(data, metadata);
      c.addProperty("execution_count", count);
      publish("execute_result", request, c);
    }

    @Override
    public void error(String ename, String evalue, List<String> lines) {
      this.ename = ename;
      this.evalue = evalue;
      this.traceback = new JsonArray();
      lines.forEach(traceback::add);
      JsonObject c = new JsonObject();
      c.addProperty("ename", ename);
      c.addProperty("evalue", evalue);
      c.add("traceback", traceback);
      publish("error", request, c);
    }
  }

  static JsonObject mimeBundle(Map<String, Object> data, Map<String, Object> metadata) {
    JsonObject c = new JsonObject();
    c.add("data", Wire.GSON.toJsonTree(data));
    c.add("metadata", Wire.GSON.toJsonTree(metadata));
    return c;
  }

  private JsonObject kernelInfo() {
    JsonObject c = ok();
    c.addProperty("protocol_version", Wire.PROTOCOL_VERSION);
    c.addProperty("implementation", "iommulab");
    c.addProperty("implementation_version", version);
    c.add("language_info", languageInfo());
    c.addProperty("banner", "iommulab " + version + " (Java " + Runtime.version() + ", JShell)");
    c.add("help_links", new JsonArray());
    return c;
  }

  /** The notebook's {@code language_info}, shared with the headless runner. */
  public static JsonObject languageInfo() {
    JsonObject li = new JsonObject();
    li.addProperty("name", "java");
    li.addProperty("version", Runtime.version().toString());
    li.addProperty("mimetype", "text/x-java-source");
    li.addProperty("file_extension", ".jshell");
    li.addProperty("pygments_lexer", "java");
    li.addProperty("codemirror_mode", "text/x-java");
    return li;
  }

  private JsonObject complete(JsonObject content) {
    String code = content.get("code").getAsString();
    int cursor = charOffset(code, content.get("cursor_pos").getAsInt());
    Evaluator.Completion c = session().evaluator().complete(code, cursor);
    JsonObject r = ok();
    JsonArray matches = new JsonArray();
    c.matches().forEach(matches::add);
    r.add("matches", matches);
    r.addProperty("cursor_start", code.codePointCount(0, c.start()));
    r.addProperty("cursor_end", code.codePointCount(0, c.end()));
    r.add("metadata", new JsonObject());
    return r;
  }

  private JsonObject inspect(JsonObject content) {
    String code = content.get("code").getAsString();
    int cursor = charOffset(code, content.get("cursor_pos").getAsInt());
    String doc = session().evaluator().inspect(code, cursor);
    JsonObject r = ok();
    r.addProperty("found", !doc.isEmpty());
    JsonObject data = new JsonObject();
    if (!doc.isEmpty()) {
      data.addProperty("text/plain", doc);
    }
    r.add("data", data);
    r.add("metadata", new JsonObject());
    return r;
  }

  private JsonObject isComplete(JsonObject content) {
    JsonObject r = new JsonObject();
    String status = session().evaluator().isComplete(content.get("code").getAsString());
    r.addProperty("status", status);
    if (status.equals("incomplete")) {
      r.addProperty("indent", "");
    }
    return r;
  }

  /** Jupyter counts cursor positions in Unicode code points; Java strings in UTF-16 units. */
  private static int charOffset(String code, int codePoints) {
    int n = Math.min(codePoints, code.codePointCount(0, code.length()));
    return code.offsetByCodePoints(0, n);
  }

  private Session session() {
    try {
      return session.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while JShell was starting", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("JShell failed to start", e.getCause());
    }
  }

  private void reply(ZMQ.Socket socket, Wire.Message request, String type, JsonObject content) {
    wire.send(socket, wire.make(type, request, content), false);
  }

  private void publish(String type, Wire.Message parent, JsonObject content) {
    synchronized (iopub) {
      wire.send(iopub, wire.make(type, parent, content), true);
    }
  }

  private void shutdown(Wire.Message request) {
    stopping = true;
    publish("status", request, status("idle"));
    Thread exit = new Thread(() -> {
      try {
        Thread.sleep(100); // let ZeroMQ hand the reply and the idle status to the client
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
      Runtime.getRuntime().halt(0);
    }, "iommulab-exit");
    exit.start();
  }

  private static JsonObject ok() {
    JsonObject c = new JsonObject();
    c.addProperty("status", "ok");
    return c;
  }

  private static JsonObject status(String state) {
    JsonObject c = new JsonObject();
    c.addProperty("execution_state", state);
    return c;
  }
}
