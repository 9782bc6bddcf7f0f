package iommulab.cli;

import iommulab.notebook.NotebookRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iommulab notebook run}: execute notebooks headlessly, without Jupyter. */
@Command(
    name = "notebook",
    mixinStandardHelpOptions = true,
    description = "Execute notebooks without Jupyter.",
    subcommands = {NotebookCommand.Run.class})
final class NotebookCommand implements Callable<Integer> {
  /** Exit status of {@code notebook run} when a cell failed (the message names notebook and cell). */
  static final int CELL_FAILED = 5;

  @Override
  public Integer call() {
    System.err.println("iommulab notebook: name a subcommand: run (see --help)");
    return Main.USAGE;
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Execute each notebook in-process (the kernel's evaluator, magics and renderers) and "
          + "write the executed NAME.ipynb and a standalone NAME.html to the output directory. "
          + "Exit status 5 when a cell failed.")
  static final class Run implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "NOTEBOOK", description = "nbformat 4 notebooks (.ipynb)")
    List<Path> notebooks;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/notebooks",
        description = "where NAME.ipynb and NAME.html go (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
      for (Path nb : notebooks) {
        if (!Files.isRegularFile(nb)) {
          System.err.println("iommulab notebook run: no such notebook: " + nb);
          return Main.USAGE;
        }
      }
      int status = Main.OK;
      for (Path nb : notebooks) {
        try {
          long start = System.nanoTime();
          NotebookRunner.Result r = NotebookRunner.run(nb, out);
          double seconds = (System.nanoTime() - start) / 1e9;
          if (r.ok()) {
            System.out.printf("%s: %d cells ran in %.1f s -> %s, %s%n", nb, r.cellsRun(), seconds, r.executed(), r.html());
          } else {
            System.err.println("iommulab notebook run: " + r.failure());
            System.err.println("  executed notebook with the error: " + r.executed());
            status = CELL_FAILED;
          }
        } catch (IOException e) {
          System.err.println("iommulab notebook run: " + e.getMessage());
          status = status == Main.OK ? Main.USAGE : status;
        }
      }
      return status;
    }
  }
}
