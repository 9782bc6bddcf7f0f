package iommulab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import iommulab.notebook.NotebookRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's Jupyter executes every notebook of {@code notebooks/} through the installed iommulab
 * kernelspec, as a user opening them in Jupyter would, and each prints its key computed value.
 */
class NotebooksThroughJupyterTest {
  /** One line each notebook prints when its analysis ran through (all computed, none typed in). */
  static final Map<String, String> KEY_OUTPUT = Map.of(
      "01-reproduce-vfio-strict-vs-lazy.ipynb", "bytes_per_second lazy / strict = 17.29",
      "02-configuration-space.ipynb", "rows whose derived path contradicts the tip's reasoning: 0 of 16",
      "03-capture-on-your-machine.ipynb", "what this machine can measure",
      "04-block-size-sweep.ipynb", "30 runs, 16368 qemu-io reports, 180 perf counter readings",
      "05-share-and-annotate.ipynb", "notes came along (2 new): true");

  /** Notebooks whose outputs hold no timings, temporary paths or machine facts: equal text expected. */
  static final Set<String> DETERMINISTIC =
      Set.of("01-reproduce-vfio-strict-vs-lazy.ipynb", "02-configuration-space.ipynb");

  /**
   * The headless runner must give what Jupyter gave: the same text for the deterministic notebooks,
   * and for the others (timings, scratch paths, this machine) the same outputs of the same kinds in
   * every cell.
   */
  private static void assertSameAsHeadless(Path nb, List<List<String>> viaJupyter, Path outDir)
      throws Exception {
    NotebookRunner.Result r = NotebookRunner.run(nb, outDir);
    assertTrue(r.ok(), nb + ": " + r);
    List<List<String>> headless = NbconvertParityTest.textOutputs(outDir.resolve(nb.getFileName()));
    if (DETERMINISTIC.contains(nb.getFileName().toString())) {
      assertEquals(viaJupyter, headless, nb.toString());
    } else {
      assertEquals(kinds(viaJupyter), kinds(headless), nb.toString());
    }
  }

  private static List<List<String>> kinds(List<List<String>> cells) {
    return cells.stream()
        .map(c -> c.stream().map(o -> o.startsWith("In [") ? o : o.substring(0, o.indexOf(':'))).toList())
        .toList();
  }

  @Test
  void everyNotebookRunsInJupyterThroughTheKernelspec(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isExecutable(NbconvertParityTest.JUPYTER), "needs Debian's jupyter-nbconvert (/usr/bin/jupyter)");
    Path prefix = tmp.resolve("prefix");
    KernelSpec.install(prefix.resolve("share/jupyter/kernels"), KernelSpec.launcher(null));
    Path out = Files.createDirectories(tmp.resolve("out"));
    List<Path> notebooks;
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("iommulab.projectRoot"), "notebooks"))) {
      notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertEquals(KEY_OUTPUT.keySet().stream().sorted().toList(),
        notebooks.stream().map(p -> p.getFileName().toString()).toList());
    for (Path nb : notebooks) {
      int status = NbconvertParityTest.nbconvert(prefix, nb, out);
      String log = Files.readString(out.resolve(nb.getFileName() + ".log"), StandardCharsets.UTF_8);
      assertEquals(0, status, nb + ": " + log);
      List<List<String>> cells = NbconvertParityTest.textOutputs(out.resolve(nb.getFileName()));
      String all = String.join("\n", cells.stream().flatMap(List::stream).toList());
      assertFalse(all.contains("error: "), nb + ": " + all);
      assertTrue(all.contains(KEY_OUTPUT.get(nb.getFileName().toString())), nb + ": " + all);
      assertSameAsHeadless(nb, cells, Files.createDirectories(tmp.resolve("headless")));
    }
  }
}
