package iommulab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder for {@code iommulab kernel}: being written. */
@Command(name = "kernel", mixinStandardHelpOptions = true, description = "(not written yet)")
final class KernelCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("iommulab kernel: not written yet");
    return Main.USAGE;
  }
}
