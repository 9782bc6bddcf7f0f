package iommulab.notebook;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import iommulab.kernel.CellOutput;
import iommulab.kernel.Kernel;
import iommulab.kernel.KernelSpec;
import iommulab.kernel.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Executes notebooks without Jupyter: each code cell runs in a fresh in-process {@link Session} (the
 * kernel's evaluator, magics and renderers), then the executed {@code .ipynb} (nbformat 4.5) and a
 * standalone HTML page are written. Execution stops at the first failing cell, as nbconvert does;
 * the files are still written so the failure can be read in place.
 *
 * <pre>{@code
 * NotebookRunner.Result r = NotebookRunner.run(Path.of("notebooks/strict.ipynb"), Path.of("target/notebooks"));
 * if (!r.ok()) System.err.println(r.failure());
 * }</pre>
 */
public final class NotebookRunner {
  /**
   * What running one notebook produced.
   *
   * @param failedCell 1-based number of the failed cell among all cells, or 0 when all cells ran
   * @param failure {@code NOTEBOOK: cell N: ename: evalue}, or empty
   */
  public record Result(Path notebook, Path executed, Path html, int failedCell, String failure, int cellsRun) {
    public boolean ok() {
      return failedCell == 0;
    }
  }

  private NotebookRunner() {}

  /** Runs {@code notebook}, writing {@code outDir/NAME.ipynb} and {@code outDir/NAME.html}. */
  public static Result run(Path notebook, Path outDir) throws IOException {
    JsonObject nb = read(notebook);
    String name = baseName(notebook);
    Files.createDirectories(outDir);
    int failedCell = 0;
    String failure = "";
    int executionCount = 0;
    Path notebookDir = notebook.toAbsolutePath().getParent();
    JsonArray cells = nb.getAsJsonArray("cells");
    try (Session session = Session.start(notebookDir)) {
      for (int i = 0; i < cells.size(); i++) {
        JsonObject cell = cells.get(i).getAsJsonObject();
        ensureId(cell);
        if (!"code".equals(cell.get("cell_type").getAsString())) {
          continue;
        }
        JsonArray outputs = new JsonArray();
        cell.add("outputs", outputs);
        if (failedCell != 0) {
          cell.add("execution_count", null);
          continue;
        }
        executionCount++;
        cell.addProperty("execution_count", executionCount);
        Outputs collector = new Outputs(outputs, executionCount);
        if (!session.execute(source(cell), collector)) {
          failedCell = i + 1;
          failure = notebook + ": cell " + failedCell + " (execution " + executionCount + "): "
              + collector.error;
        }
      }
    }
    nb.addProperty("nbformat", 4);
    nb.addProperty("nbformat_minor", 5);
    JsonObject metadata = nb.has("metadata") ? nb.getAsJsonObject("metadata") : new JsonObject();
    JsonObject kernelspec = new JsonObject();
    kernelspec.addProperty("name", KernelSpec.NAME);
    kernelspec.addProperty("display_name", KernelSpec.DISPLAY_NAME);
    kernelspec.addProperty("language", "java");
    metadata.add("kernelspec", kernelspec);
    metadata.add("language_info", Kernel.languageInfo());
    nb.add("metadata", metadata);
    Path executed = outDir.resolve(name + ".ipynb");
    Files.writeString(executed, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
        .serializeNulls().create().toJson(nb) + "\n", StandardCharsets.UTF_8);
    Path html = outDir.resolve(name + ".html");
    Files.writeString(html, HtmlPage.render(name, nb), StandardCharsets.UTF_8);
    return new Result(notebook, executed, html, failedCell, failure, executionCount);
  }

  static JsonObject read(Path notebook) throws IOException {
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(Files.readString(notebook, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new IOException(notebook + ": not a JSON notebook: " + e.getMessage(), e);
    }
    if (!parsed.isJsonObject()
        || !parsed.getAsJsonObject().has("cells")
        || !parsed.getAsJsonObject().has("nbformat")
        || parsed.getAsJsonObject().get("nbformat").getAsInt() != 4) {
      throw new IOException(notebook + ": not an nbformat 4 notebook (needs \"nbformat\": 4 and \"cells\")");
    }
    return parsed.getAsJsonObject();
  }

  /** A cell's source, which nbformat allows as one string or a list of lines. */
  static String source(JsonObject cell) {
    return joined(cell.get("source"));
  }

  static String joined(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return "";
    }
    if (e.isJsonArray()) {
      StringBuilder sb = new StringBuilder();
      e.getAsJsonArray().forEach(x -> sb.append(x.getAsString()));
      return sb.toString();
    }
    return e.getAsString();
  }

  private static void ensureId(JsonObject cell) {
    if (!cell.has("id")) {
      cell.addProperty("id", UUID.randomUUID().toString().substring(0, 8));
    }
  }

  private static String baseName(Path notebook) {
    String file = notebook.getFileName().toString();
    return file.endsWith(".ipynb") ? file.substring(0, file.length() - ".ipynb".length()) : file;
  }

  /** Splits text into nbformat's list of lines, each keeping its newline. */
  static JsonArray lines(String text) {
    JsonArray out = new JsonArray();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl + 1;
      out.add(text.substring(start, end));
      start = end;
    }
    return out;
  }

  /** Appends outputs in nbformat's shape; consecutive stream texts of one name are merged. */
  private static final class Outputs implements CellOutput {
    private final JsonArray outputs;
    private final int count;
    private final StringBuilder lastStream = new StringBuilder();
    private JsonObject lastStreamOutput;
    String error = "";

    Outputs(JsonArray outputs, int count) {
      this.outputs = outputs;
      this.count = count;
    }

    @Override
    public void stream(String name, String text) {
      if (lastStreamOutput != null && lastStreamOutput.get("name").getAsString().equals(name)) {
        lastStream.append(text);
      } else {
        lastStreamOutput = new JsonObject();
        lastStreamOutput.addProperty("output_type", "stream");
        lastStreamOutput.addProperty("name", name);
        lastStream.setLength(0);
        lastStream.append(text);
        outputs.add(lastStreamOutput);
      }
      lastStreamOutput.add("text", lines(lastStream.toString()));
    }

    @Override
    public void display(Map<String, Object> data, Map<String, Object> metadata) {
      lastStreamOutput = null;
      JsonObject o = new JsonObject();
      o.addProperty("output_type", "display_data");
      o.add("data", bundle(data));
      o.add("metadata", new JsonObject());
      outputs.add(o);
    }

    @Override
    public void result(Map<String, Object> data, Map<String, Object> metadata) {
      lastStreamOutput = null;
      JsonObject o = new JsonObject();
      o.addProperty("output_type", "execute_result");
      o.addProperty("execution_count", count);
      o.add("data", bundle(data));
      o.add("metadata", new JsonObject());
      outputs.add(o);
    }

    @Override
    public void error(String ename, String evalue, List<String> traceback) {
      lastStreamOutput = null;
      JsonObject o = new JsonObject();
      o.addProperty("output_type", "error");
      o.addProperty("ename", ename);
      o.addProperty("evalue", evalue);
      JsonArray tb = new JsonArray();
      traceback.forEach(tb::add);
      o.add("traceback", tb);
      outputs.add(o);
      error = ename + ": " + evalue;
    }

    private static JsonObject bundle(Map<String, Object> data) {
      JsonObject o = new JsonObject();
      data.forEach((mime, value) -> {
        if (value instanceof JsonElement json) {
          o.add(mime, json);
        } else if (mime.startsWith("text/") || mime.equals("image/svg+xml")) {
          o.add(mime, lines(String.valueOf(value)));
        } else {
          o.addProperty(mime, String.valueOf(value));
        }
      });
      return o;
    }
  }
}
