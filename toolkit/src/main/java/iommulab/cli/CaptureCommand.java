package iommulab.cli;

import iommulab.record.Capture;
import iommulab.record.ParseStatus;
import iommulab.record.RecordException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iommulab capture}: run a command into a record. */
@Command(
    name = "capture",
    mixinStandardHelpOptions = true,
    description = {
      "Run COMMAND, streaming its output to the terminal and byte-exact into the record, together "
          + "with the boot configuration, host, device and key/values; then recognise the tool and "
          + "check its output parses.",
      "Ctrl-C ends the command and still saves what it printed (the run is marked interrupted).",
      "Exit status: the command's own, or 1 for usage errors and 4 when the record cannot be written."
    })
final class CaptureCommand implements Callable<Integer> {
  @Option(names = "--record", required = true, paramLabel = "DIR",
      description = "The record directory; created when it does not exist.")
  Path record;

  @Option(names = "--label", required = true, paramLabel = "L", description = "The run's label, e.g. strict.")
  String label;

  @Option(names = "--device", paramLabel = "BDF",
      description = "PCI address of the device under test, e.g. 0003:04:00.0; its vendor:device, "
          + "driver, NUMA node and IOMMU group are read from sysfs.")
  String device;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "A key/value stored with the run (repeatable), e.g. --set block_size=4096.")
  List<String> set = new ArrayList<>();

  @Option(names = "--progress", paramLabel = "SECONDS", defaultValue = "10",
      description = "Print elapsed time and bytes captured on stderr every SECONDS (0: never; default ${DEFAULT-VALUE}).")
  long progressSeconds;

  @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments (after --).")
  List<String> command;

  @Override
  public Integer call() throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    for (String kv : set) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        System.err.println("iommulab capture: --set expects KEY=VALUE, got '" + kv + "'");
        return Main.USAGE;
      }
      values.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    Capture.Outcome o;
    try {
      o = Capture.run(new Capture.Request(record, label, command, device, values, Path.of("/"),
          HostCommands.kernelLog(), Duration.ofSeconds(progressSeconds)), System.out, System.err,
          System.err);
    } catch (RecordException e) {
      System.err.println("iommulab capture: " + e.getMessage());
      return 4;
    }
    System.err.println("iommulab capture: " + o.message());
    if (o.run().parseStatus() == ParseStatus.NOT_CHECKED && o.run().exitStatus() != null
        && o.run().exitStatus() == 127) {
      return 127;
    }
    return o.run().exitStatus() == null ? 130 : o.run().exitStatus();
  }
}
