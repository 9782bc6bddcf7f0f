package iommulab.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One notebook's Java session: JShell with the toolkit imported, the magics and the renderers. The
 * Jupyter server and the headless runner both execute cells through it, so they show the same thing.
 * While a session is open, {@code System.out} and {@code System.err} go to the running cell.
 *
 * <pre>{@code
 * try (Session s = Session.start(Path.of("notebooks"))) {
 *   s.execute("1 + 1", output);
 * }
 * }</pre>
 */
public final class Session implements AutoCloseable {
  /** Packages every session imports when they are present in this build. */
  static final List<String> IMPORTED_PACKAGES =
      List.of(
          "java.util", "java.util.function", "java.util.stream", "java.io", "java.nio.file",
          "java.time", "iommulab.parse", "iommulab.config", "iommulab.record",
          "iommulab.analysis", "iommulab.chart", "iommulab.report", "iommulab",
          "tech.tablesaw.api", "tech.tablesaw.plotly.api", "tech.tablesaw.plotly.components");

  private static volatile Session current;
  private static final Gson GSON = new Gson();

  private final Evaluator evaluator;
  private final Renderer renderer;
  private final StreamRouter router;
  private final Magics magics;
  private final Path notebookDir;
  private final PrintStream savedOut;
  private final PrintStream savedErr;
  private final java.io.InputStream savedIn;

  private Session(Evaluator evaluator, Renderer renderer, StreamRouter router, Path notebookDir) {
    this.evaluator = evaluator;
    this.renderer = renderer;
    this.router = router;
    this.notebookDir = notebookDir;
    this.magics = new Magics(this);
    this.savedOut = System.out;
    this.savedErr = System.err;
    this.savedIn = System.in;
  }

  /**
   * Starts a session whose relative paths (magics, {@code NOTEBOOK_DIR}) resolve against
   * {@code notebookDir}, and routes {@code System.out}/{@code err} to the cells until {@link #close()}.
   */
  public static Session start(Path notebookDir) {
    Path dir = notebookDir.toAbsolutePath().normalize();
    List<String> startup = new ArrayList<>();
    ClassLoader loader = Session.class.getClassLoader();
    for (String pkg : IMPORTED_PACKAGES) {
      if (pkg.startsWith("java.") || loader.getResource(pkg.replace('.', '/') + "/") != null) {
        startup.add("import " + pkg + ".*;");
      }
    }
    startup.add("import static iommulab.kernel.Display.display;");
    startup.add(
        "final java.nio.file.Path NOTEBOOK_DIR = java.nio.file.Path.of(\""
            + dir.toString().replace("\\", "\\\\").replace("\"", "\\\"")
            + "\");");
    // Libraries that print a one-time notice on first use (SLF4J: "no providers") must do it now,
    // on the process's stderr, not into the first cell that happens to touch them.
    org.slf4j.LoggerFactory.getILoggerFactory();
    Renderer renderer = new Renderer();
    Renderers.register(renderer);
    StreamRouter router = new StreamRouter();
    Session session = new Session(Evaluator.create(startup), renderer, router, dir);
    System.setOut(router.stdout());
    System.setErr(router.stderr());
    // Cells cannot be asked for input (no stdin channel): reading System.in ends at once, never hangs.
    System.setIn(java.io.InputStream.nullInputStream());
    current = session;
    return session;
  }

  static Session current() {
    return current;
  }

  /** Runs one cell; its outputs go to {@code output}. Returns false when the cell failed. */
  public boolean execute(String code, CellOutput output) {
    router.target(output);
    try {
      Evaluator.Outcome outcome = magics.run(code);
      if (outcome.hasValue()) {
        Map<String, Object> data = render(outcome.value());
        router.emit(o -> o.result(data, Map.of()));
      }
      return true;
    } catch (CellError e) {
      router.emit(o -> o.error(e.ename(), e.evalue(), e.traceback()));
      return false;
    } catch (RuntimeException | ThreadDeath e) {
      CellError error = Evaluator.fromThrowable(e);
      router.emit(o -> o.error(error.ename(), error.evalue(), error.traceback()));
      return false;
    } finally {
      router.flush();
    }
  }

  /** Stops the running cell, if any; safe from any thread. */
  public void interrupt() {
    evaluator.interrupt();
  }

  public Evaluator evaluator() {
    return evaluator;
  }

  /** The renderer cells' values go through; register more renderers here. */
  public Renderer renderer() {
    return renderer;
  }

  Path notebookDir() {
    return notebookDir;
  }

  /** The stream this session's own problems are logged to: the process's stderr, never a cell. */
  PrintStream log() {
    return savedErr;
  }

  void display(Object value) {
    Map<String, Object> data = render(value);
    router.emit(o -> o.display(data, Map.of()));
  }

  /** MIME type to data (String, or JSON for JSON types). */
  Map<String, Object> render(Object value) {
    DisplayData rendered = value == null ? new DisplayData("null") : renderer.render(value);
    JsonObject json = GSON.toJsonTree(rendered).getAsJsonObject();
    Map<String, Object> data = new LinkedHashMap<>();
    JsonObject fields = json.getAsJsonObject("data");
    if (fields != null) {
      for (Map.Entry<String, JsonElement> e : fields.entrySet()) {
        JsonElement v = e.getValue();
        data.put(e.getKey(), v.isJsonPrimitive() ? v.getAsString() : v);
      }
    }
    if (data.isEmpty()) {
      data.put("text/plain", String.valueOf(value));
    }
    return data;
  }

  @Override
  public void close() {
    router.close();
    System.setOut(savedOut);
    System.setErr(savedErr);
    System.setIn(savedIn);
    if (current == this) {
      current = null;
    }
    evaluator.close();
  }
}
