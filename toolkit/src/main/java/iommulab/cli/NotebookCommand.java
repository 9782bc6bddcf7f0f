package iommulab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for {@code iommulab notebook}: being written. */
@Command(name = "notebook", mixinStandardHelpOptions = true, description = "(not written yet)")
final class NotebookCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("iommulab notebook: not written yet");
    return Main.USAGE;
  }
}
