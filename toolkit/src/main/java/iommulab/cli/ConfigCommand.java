package iommulab.cli;

import com.google.gson.GsonBuilder;
import iommulab.config.ConfigReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code iommulab config}: the boot configuration and the DMA paths it implies. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
      "Show the IOMMU/CMA boot configuration and the DMA path of a kernel driver and of a VFIO "
          + "user-space driver, each with its reason.",
      "Without --cmdline: reads /proc/cmdline, /sys/kernel/iommu_groups/*/type and the kernel log "
          + "(dmesg) of this machine."
    })
final class ConfigCommand implements Callable<Integer> {
  @Option(names = "--cmdline", paramLabel = "STRING",
      description = "Analyse this kernel command line instead of the running machine's.")
  String cmdline;

  @Option(names = "--device", paramLabel = "BDF",
      description = "PCI address of the device under test, e.g. 0003:04:00.0 (its IOMMU group decides).")
  String device;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    ConfigReport report = cmdline != null
        ? ConfigReport.forCmdline(cmdline, device)
        : ConfigReport.detect(Path.of("/"), HostCommands.kernelLog(), device);
    if (json) {
      System.out.println(new GsonBuilder().setPrettyPrinting().serializeNulls().create()
          .toJson(report.toMap()));
    } else {
      System.out.print(report.text());
    }
    return report.boot().problems().isEmpty() ? Main.OK : Main.MALFORMED;
  }
}
