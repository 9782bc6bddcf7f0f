package iommulab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import iommulab.chart.PlotlyHtml;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookRunnerTest {
  static Path notebook(String name) {
    return Path.of(System.getProperty("iommulab.projectRoot"), "toolkit/src/test/resources/kernel", name);
  }

  static JsonObject read(Path p) throws Exception {
    return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
  }

  @Test
  void runsEveryCellAndWritesNotebookAndPage(@TempDir Path out) throws Exception {
    NotebookRunner.Result r = NotebookRunner.run(notebook("basics.ipynb"), out);
    assertTrue(r.ok(), r.failure());
    assertEquals(10, r.cellsRun());
    JsonObject nb = read(out.resolve("basics.ipynb"));
    assertEquals(4, nb.get("nbformat").getAsInt());
    assertEquals("java", nb.getAsJsonObject("metadata").getAsJsonObject("language_info").get("name").getAsString());
    JsonArray cells = nb.getAsJsonArray("cells");
    JsonObject first = cells.get(1).getAsJsonObject();
    assertEquals(1, first.get("execution_count").getAsInt());
    JsonArray outputs = first.getAsJsonArray("outputs");
    assertEquals("stream", outputs.get(0).getAsJsonObject().get("output_type").getAsString());
    assertEquals("[\"hello\\n\"]", outputs.get(0).getAsJsonObject().get("text").toString());
    assertEquals("stderr", outputs.get(1).getAsJsonObject().get("name").getAsString());
    JsonObject result = outputs.get(2).getAsJsonObject();
    assertEquals("execute_result", result.get("output_type").getAsString());
    assertEquals(1, result.get("execution_count").getAsInt());
    assertEquals("[\"42\"]", result.getAsJsonObject("data").get("text/plain").toString());

    String html = Files.readString(out.resolve("basics.html"));
    assertTrue(html.contains("<h1>Kernel parity</h1>"), "markdown heading");
    assertTrue(html.contains("<td>65536</td>"), "table output");
    assertTrue(html.contains("<span class=\"magic\">%%qemuio run1</span>"), "highlighted magic");
    String library = PlotlyHtml.libraryScript();
    int at = html.indexOf(library);
    assertTrue(at > 0, "plotly.js embedded");
    assertEquals(-1, html.indexOf(library, at + 1), "plotly.js embedded once");
    assertTrue(html.contains("Plotly.newPlot"), "figure drawn");
  }

  @Test
  void stopsAtTheFailingCellAndNamesIt(@TempDir Path out) throws Exception {
    Path nbPath = notebook("failing.ipynb");
    NotebookRunner.Result r = NotebookRunner.run(nbPath, out);
    assertFalse(r.ok());
    assertEquals(3, r.failedCell());
    assertEquals(nbPath + ": cell 3 (execution 2): java.lang.IllegalStateException: boom", r.failure());
    JsonArray cells = read(out.resolve("failing.ipynb")).getAsJsonArray("cells");
    JsonObject error = cells.get(2).getAsJsonObject().getAsJsonArray("outputs").get(0).getAsJsonObject();
    assertEquals("error", error.get("output_type").getAsString());
    assertEquals("boom", error.get("evalue").getAsString());
    JsonObject never = cells.get(3).getAsJsonObject();
    assertTrue(never.get("execution_count").isJsonNull());
    assertEquals(0, never.getAsJsonArray("outputs").size());
    assertTrue(Files.readString(out.resolve("failing.html")).contains("java.lang.IllegalStateException: boom"));
  }

  @Test
  void markdownAndHighlightingEscapeHtml() {
    assertEquals("<p>a &lt;b&gt; <code>&lt;i&gt;</code> <b>bold</b> <a href=\"http://x\">x</a></p>\n",
        Markdown.html("a <b> `<i>` **bold** [x](http://x)"));
    assertEquals("<span class=\"kw\">int</span> x = <span class=\"str\">&quot;&lt;&quot;</span>; "
        + "<span class=\"com\">// c</span>", Highlight.java("int x = \"<\"; // c"));
  }
}
