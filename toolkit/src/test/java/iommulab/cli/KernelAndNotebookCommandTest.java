package iommulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelAndNotebookCommandTest {
  @Test
  void installWritesAnAbsoluteKernelspecAndUninstallRemovesIt(@TempDir Path prefix) throws Exception {
    CliRun install = CliRun.run("kernel", "install", "--prefix", prefix.toString(), "--no-cds");
    assertEquals(0, install.exitCode(), install.err());
    Path dir = prefix.resolve("share/jupyter/kernels/iommulab");
    assertEquals("installed kernelspec iommulab in " + dir.toAbsolutePath() + "\n", install.out());
    JsonObject spec = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
    JsonArray argv = spec.getAsJsonArray("argv");
    assertTrue(Path.of(argv.get(0).getAsString()).isAbsolute());
    assertTrue(Files.isExecutable(Path.of(argv.get(0).getAsString())));
    assertEquals("{connection_file}", argv.get(argv.size() - 1).getAsString());
    assertEquals("run", argv.get(argv.size() - 2).getAsString());
    assertEquals("kernel", argv.get(argv.size() - 3).getAsString());
    assertEquals("java", spec.get("language").getAsString());
    assertEquals("message", spec.get("interrupt_mode").getAsString());
    assertTrue(Files.size(dir.resolve("logo-64x64.png")) > 0);
    assertTrue(Files.size(dir.resolve("logo-32x32.png")) > 0);

    CliRun uninstall = CliRun.run("kernel", "uninstall", "--prefix", prefix.toString());
    assertEquals(0, uninstall.exitCode(), uninstall.err());
    assertFalse(Files.exists(dir));
    CliRun again = CliRun.run("kernel", "uninstall", "--prefix", prefix.toString());
    assertEquals(Main.USAGE, again.exitCode());
    assertEquals("iommulab kernel uninstall: no kernelspec iommulab in "
        + prefix.resolve("share/jupyter/kernels").toAbsolutePath() + "\n", again.err());
  }

  @Test
  void notebookRunNamesTheFailingNotebookAndCell(@TempDir Path out) {
    Path nb = Path.of(System.getProperty("iommulab.projectRoot"), "toolkit/src/test/resources/kernel/failing.ipynb");
    CliRun run = CliRun.run("notebook", "run", nb.toString(), "--out", out.toString());
    assertEquals(NotebookCommand.CELL_FAILED, run.exitCode());
    // Tablesaw's logging library may print its own notice first; the failure is one whole line.
    assertTrue(run.err().contains(
        "\niommulab notebook run: " + nb + ": cell 3 (execution 2): java.lang.IllegalStateException: boom\n")
        || run.err().startsWith(
        "iommulab notebook run: " + nb + ": cell 3 (execution 2): java.lang.IllegalStateException: boom\n"), run.err());
    assertTrue(Files.exists(out.resolve("failing.ipynb")));
  }

  @Test
  void notebookRunRejectsAMissingNotebook(@TempDir Path out) {
    CliRun run = CliRun.run("notebook", "run", out.resolve("none.ipynb").toString(), "--out", out.toString());
    assertEquals(Main.USAGE, run.exitCode());
    assertEquals("iommulab notebook run: no such notebook: " + out.resolve("none.ipynb") + "\n", run.err());
  }
}
