package iommulab.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.BindException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  Kernel(Connection connection, Path workingDir, PrintStream log, String version) throws BindException {
    this.log = log;
    this.version = version;
    this.wire = new Wire(connection.key());
    try {
      shell = bind(SocketType.ROUTER, connection, "shell_port", connection.shellPort());
      control = bind(SocketType.ROUTER, connection, "control_port", connection.controlPort());
      stdin = bind(SocketType.ROUTER, connection, "stdin_port", connection.stdinPort());
      iopub = bind(SocketType.PUB, connection, "iopub_port", connection.iopubPort());
      heartbeat = bind(SocketType.REP, connection, "hb_port", connection.hbPort());
    } catch (BindException e) {
      context.close();
      throw e;
    }
    // The first signature check would set up the JCE providers while the client waits for its first
    // reply; the client is still connecting now.
    wire.sign(new byte[0]);
    // JShell takes most of the start-up time: start it while the client connects and asks for info.
    session = CompletableFuture.supplyAsync(() -> Session.start(workingDir));
  }

  /**
   * Serves {@code connection} (read with {@link Connection#read}) until a shutdown request or until
   * the process {@code parentPid} (the client) exits. Relative paths in cells resolve against
   * {@code workingDir}; kernel problems are logged to {@code log}, never into cells.
   *
   * @throws BindException when a port cannot be bound; the message names the field and the endpoint
   */
  public static void run(Connection connection, Path workingDir, long parentPid, PrintStream log, String version)
      throws BindException {
    Kernel kernel = new Kernel(connection, workingDir, log, version);
    watchParent(parentPid, log);
    kernel.serve();
  }

  /**
   * A Jupyter connection file, checked: every port a whole number in 1..65535, {@code transport}
   * {@code tcp}, {@code ip} a string, {@code key} a string (absent or empty: messages are not signed)
   * and {@code signature_scheme}, when present, {@code hmac-sha256}. Other fields
   * ({@code kernel_name}) are ignored.
   *
   * <pre>{@code Kernel.run(Kernel.Connection.read(Path.of("kernel-1234.json")), dir, ppid, System.err, version)}</pre>
   */
  public record Connection(
      String transport, String ip, int shellPort, int iopubPort, int stdinPort, int controlPort, int hbPort,
      String key) {
    static final List<String> PORTS = List.of("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port");
    private static final String EXPECTED = "; expected a JSON object with transport, ip, " + String.join(", ", PORTS)
        + " and key (signature_scheme hmac-sha256), as Jupyter writes it";
    private static final Pattern GSON_LOCATION = Pattern.compile("(.*) at line (\\d+) column (\\d+) path .*");

    /**
     * Reads and checks a connection file.
     *
     * @throws IOException when the file cannot be read
     * @throws ConnectionFileException when Jupyter could not have written it: not UTF-8, not strict
     *     JSON, or a field missing or wrong; the message names the file and the field, or the line and
     *     column
     */
    public static Connection read(Path file) throws IOException, ConnectionFileException {
      String text = utf8(file, Files.readAllBytes(file));
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      JsonElement json;
      try {
        json = JsonParser.parseReader(reader);
        if (!json.isJsonObject()) {
          throw new ConnectionFileException(file + ": not a Jupyter connection file" + EXPECTED);
        }
        reader.peek(); // a strict reader fails on anything after the object
      } catch (JsonParseException e) {
        throw notJson(file, e.getCause() != null ? e.getCause() : e);
      } catch (IOException e) {
        throw notJson(file, e);
      }
      return of(file.toString(), json.getAsJsonObject());
    }

    /** Gson says "MESSAGE at line L column C path P", perhaps with a troubleshooting link after it. */
    private static ConnectionFileException notJson(Path file, Throwable e) {
      String message = String.valueOf(e.getMessage());
      int newline = message.indexOf('\n');
      Matcher m = GSON_LOCATION.matcher(newline < 0 ? message : message.substring(0, newline));
      if (!m.matches()) {
        return new ConnectionFileException(file + ": not JSON: " + message + EXPECTED);
      }
      // Gson's reason for syntax only a lenient reader takes is advice to turn leniency on.
      String what = m.group(1).startsWith("Use JsonReader.setStrictness")
          ? "not strict JSON (names and strings in double quotes, ':' after a name, ',' between members,"
              + " no comments, nothing after the object)"
          : "not JSON: " + m.group(1);
      return new ConnectionFileException(file + ":" + m.group(2) + ":" + m.group(3) + ": " + what + EXPECTED);
    }

    private static String utf8(Path file, byte[] bytes) throws ConnectionFileException {
      CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(bytes);
      CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never decodes to more chars than bytes
      CoderResult result = decoder.decode(in, out, true);
      if (!result.isError()) {
        result = decoder.flush(out);
      }
      out.flip();
      String text = out.toString();
      if (result.isError()) {
        int line = 1 + (int) text.chars().filter(c -> c == '\n').count();
        int column = text.length() - text.lastIndexOf('\n');
        throw new ConnectionFileException(String.format("%s:%d:%d: not UTF-8 (byte 0x%02X)%s",
            file, line, column, bytes[in.position()] & 0xff, EXPECTED));
      }
      return text;
    }

    /** Checks the fields of a parsed connection file; {@code source} names it in messages. */
    static Connection of(String source, JsonObject c) throws ConnectionFileException {
      String transport = string(source, c, "transport");
      if (!transport.equals("tcp")) {
        throw bad(source, "transport " + transport + " is not supported (only tcp)");
      }
      String ip = string(source, c, "ip");
      int[] ports = new int[PORTS.size()];
      for (int i = 0; i < ports.length; i++) {
        ports[i] = port(source, c, PORTS.get(i));
      }
      String key = c.has("key") ? string(source, c, "key") : "";
      String scheme = c.has("signature_scheme") ? string(source, c, "signature_scheme") : "hmac-sha256";
      if (!scheme.equals("hmac-sha256")) {
        throw bad(source, "signature_scheme " + scheme + " is not supported");
      }
      return new Connection(transport, ip, ports[0], ports[1], ports[2], ports[3], ports[4], key);
    }

    private static String string(String source, JsonObject c, String field) throws ConnectionFileException {
      JsonElement v = c.get(field);
      if (v == null) {
        throw bad(source, "no " + field);
      }
      if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
        throw bad(source, "bad " + field + " " + shortJson(v) + ": not a string");
      }
      return v.getAsString();
    }

    private static int port(String source, JsonObject c, String field) throws ConnectionFileException {
      JsonElement v = c.get(field);
      if (v == null) {
        throw bad(source, "no " + field);
      }
      if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
        BigDecimal n = v.getAsBigDecimal();
        if (n.stripTrailingZeros().scale() <= 0 && n.compareTo(BigDecimal.ONE) >= 0
            && n.compareTo(BigDecimal.valueOf(65535)) <= 0) {
          return n.intValueExact();
        }
      }
      throw bad(source, "bad " + field + " " + shortJson(v) + ": not a port number (a whole number 1..65535)");
    }

    private static String shortJson(JsonElement v) {
      String json = v.toString();
      return json.length() <= 40 ? json : json.substring(0, 37) + "...";
    }

    private static ConnectionFileException bad(String source, String what) {
      return new ConnectionFileException(source + ": " + what + EXPECTED);
    }
  }

  /**
   * A connection file Jupyter could not have written; the message names the file and the field, or
   * the line and column ({@code FILE:LINE:COL: ...}).
   */
  public static final class ConnectionFileException extends Exception {
    private static final long serialVersionUID = 1L;

    ConnectionFileException(String message) {
      super(message);
    }
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

  /** Binds a socket of {@code connection} to {@code port}, the value of {@code field}. */
  private ZMQ.Socket bind(SocketType type, Connection connection, String field, int port) throws BindException {
    String endpoint = connection.transport() + "://" + connection.ip() + ":" + port;
    ZMQ.Socket s = context.createSocket(type);
    s.setSndHWM(0);
    s.setRcvHWM(0);
    s.setLinger(1000);
    try {
      s.bind(endpoint);
    } catch (ZMQException | IllegalArgumentException e) {
      String reason = e instanceof ZMQException z ? ZMQ.Error.findByCode(z.getErrorCode()).getMessage() : e.getMessage();
      BindException b = new BindException("cannot bind " + field + " to " + endpoint + ": " + reason);
      b.initCause(e);
      throw b;
    }
    return s;
  }


  /** Waits for JShell to start; an {@link IllegalStateException} with the cause when it did not. */
  void awaitSession() {
    session();
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
      } catch (SessionUnavailable e) {
        replyError(socket, request, e);
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
      throw new SessionUnavailable("interrupted while JShell was starting", e);
    } catch (ExecutionException e) {
      throw new SessionUnavailable("JShell failed to start: " + e.getCause(), e.getCause());
    }
  }

  /** The session a request needs could not start; the request gets an error reply, not silence. */
  private static final class SessionUnavailable extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    SessionUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Answers a request with {@code status: error} (and, for a cell, an IOPub error the notebook
   * shows), so that a client is told at once instead of waiting out its timeout.
   */
  private void replyError(ZMQ.Socket socket, Wire.Message request, SessionUnavailable e) {
    log.println("iommulab kernel: " + request.type() + ": " + e.getMessage());
    if (!request.type().endsWith("_request")) {
      return;
    }
    JsonObject c = new JsonObject();
    c.addProperty("status", "error");
    c.addProperty("ename", "JShellUnavailable");
    c.addProperty("evalue", e.getMessage());
    JsonArray traceback = new JsonArray();
    traceback.add("JShellUnavailable: " + e.getMessage());
    c.add("traceback", traceback);
    if (request.type().equals("execute_request")) {
      JsonObject error = c.deepCopy();
      error.remove("status");
      publish("error", request, error);
      c.addProperty("execution_count", executionCount);
    }
    String type = request.type().substring(0, request.type().length() - "_request".length()) + "_reply";
    reply(socket, request, type, c);
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
