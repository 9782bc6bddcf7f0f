package iommulab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for {@code iommulab record}: being written. */
@Command(name = "record", mixinStandardHelpOptions = true, description = "(not written yet)")
final class RecordCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("iommulab record: not written yet");
    return Main.USAGE;
  }
}
