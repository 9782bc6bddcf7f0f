package iommulab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for {@code iommulab config}: being written. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "(not written yet)")
final class ConfigCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("iommulab config: not written yet");
    return Main.USAGE;
  }
}
