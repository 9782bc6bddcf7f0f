package iommulab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for {@code iommulab parse}: being written. */
@Command(name = "parse", mixinStandardHelpOptions = true, description = "(not written yet)")
final class ParseCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("iommulab parse: not written yet");
    return Main.USAGE;
  }
}
