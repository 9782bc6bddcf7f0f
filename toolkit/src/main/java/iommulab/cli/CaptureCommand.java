package iommulab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for {@code iommulab capture}: being written. */
@Command(name = "capture", mixinStandardHelpOptions = true, description = "(not written yet)")
final class CaptureCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("iommulab capture: not written yet");
    return Main.USAGE;
  }
}
