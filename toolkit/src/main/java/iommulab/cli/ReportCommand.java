package iommulab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for {@code iommulab report}: being written. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "(not written yet)")
final class ReportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("iommulab report: not written yet");
    return Main.USAGE;
  }
}
