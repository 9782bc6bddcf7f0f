package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import iommulab.notebook.NotebookRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Jupyter (Debian's nbconvert) executes the test notebooks through the installed kernelspec;
 * its text outputs must equal the headless runner's.
 */
class NbconvertParityTest {
  static final Path JUPYTER = Path.of("/usr/bin/jupyter");

  static Path notebook(String name) {
    return Path.of(System.getProperty("iommulab.projectRoot"), "toolkit/src/test/resources/kernel", name);
  }

  /** Runs nbconvert on {@code nb} with the kernelspec installed under {@code prefix}; returns exit status. */
  static int nbconvert(Path prefix, Path nb, Path outDir) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.kernel_name=" + KernelSpec.NAME, "--ExecutePreprocessor.timeout=120",
        "--output-dir", outDir.toString(), nb.toString())
        .redirectErrorStream(true)
        .redirectOutput(outDir.resolve(nb.getFileName() + ".log").toFile());
    pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
    Process p = pb.start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("nbconvert did not finish in 300 s");
    }
    return p.exitValue();
  }

  /** Per code cell, its outputs as comparable text: stream text merged, text/plain of values, errors. */
  static List<List<String>> textOutputs(Path nb) throws IOException {
    JsonObject json = JsonParser.parseString(Files.readString(nb)).getAsJsonObject();
    List<List<String>> cells = new ArrayList<>();
    for (JsonElement e : json.getAsJsonArray("cells")) {
      JsonObject cell = e.getAsJsonObject();
      if (!cell.get("cell_type").getAsString().equals("code")) {
        continue;
      }
      List<String> outs = new ArrayList<>();
      String lastStream = null;
      for (JsonElement o : cell.getAsJsonArray("outputs")) {
        JsonObject out = o.getAsJsonObject();
        String type = out.get("output_type").getAsString();
        String text = switch (type) {
          case "stream" -> out.get("name").getAsString() + ": " + joined(out.get("text"));
          case "error" -> "error: " + out.get("ename").getAsString() + ": " + out.get("evalue").getAsString();
          default -> type + ": " + joined(out.getAsJsonObject("data").get("text/plain"))
              + (out.getAsJsonObject("data").has("text/html") ? " +html" : "");
        };
        text = text.replaceAll("Wall time: \\d+\\.\\d ms", "Wall time: N ms");
        if (type.equals("stream") && lastStream != null && text.startsWith(lastStream)) {
          outs.set(outs.size() - 1, outs.get(outs.size() - 1) + text.substring(lastStream.length()));
        } else {
          outs.add(text);
        }
        lastStream = type.equals("stream") ? out.get("name").getAsString() + ": " : null;
      }
      JsonElement count = cell.get("execution_count");
      outs.add(0, "In [" + (count == null || count.isJsonNull() ? " " : count.getAsString()) + "]");
      cells.add(outs);
    }
    return cells;
  }

  private static String joined(JsonElement e) {
    if (e == null) {
      return "";
    }
    if (e.isJsonArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonElement x : (JsonArray) e) {
        sb.append(x.getAsString());
      }
      return sb.toString();
    }
    return e.getAsString();
  }

  @Test
  void nbconvertThroughTheKernelMatchesTheHeadlessRunner(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isExecutable(JUPYTER), "needs Debian's jupyter-nbconvert (/usr/bin/jupyter)");
    Path prefix = tmp.resolve("prefix");
    KernelSpec.install(prefix.resolve("share/jupyter/kernels"), KernelSpec.launcher(null));
    Path viaJupyter = Files.createDirectories(tmp.resolve("jupyter"));
    Path viaRunner = Files.createDirectories(tmp.resolve("runner"));
    Path nb = notebook("basics.ipynb");

    int status = nbconvert(prefix, nb, viaJupyter);
    assertEquals(0, status, () -> log(viaJupyter, nb));
    assertTrue(NotebookRunner.run(nb, viaRunner).ok());

    List<List<String>> expected = textOutputs(viaRunner.resolve("basics.ipynb"));
    List<List<String>> actual = textOutputs(viaJupyter.resolve("basics.ipynb"));
    assertEquals(expected, actual);
    // The comparison above must compare something: spot-check a few known outputs.
    assertEquals(List.of("In [1]", "stdout: hello\n", "stderr: warning\n", "execute_result: 42"), actual.get(0));
    assertTrue(actual.get(2).get(1).startsWith("execute_result: ") && actual.get(2).get(1).endsWith(" +html"));
    assertEquals(List.of("In [10]", "execute_result: \"kernel\"".replace("\"", "")), actual.get(9));
  }

  @Test
  void aFailingCellFailsNbconvertToo(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isExecutable(JUPYTER), "needs Debian's jupyter-nbconvert (/usr/bin/jupyter)");
    Path prefix = tmp.resolve("prefix");
    KernelSpec.install(prefix.resolve("share/jupyter/kernels"), KernelSpec.launcher(null));
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path nb = notebook("failing.ipynb");
    assertTrue(nbconvert(prefix, nb, out) != 0);
    String log = log(out, nb);
    assertTrue(log.contains("java.lang.IllegalStateException") && log.contains("boom"), log);
  }

  private static String log(Path dir, Path nb) {
    try {
      return Files.readString(dir.resolve(nb.getFileName() + ".log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
