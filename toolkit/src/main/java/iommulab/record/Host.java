package iommulab.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a record or run was made on.
 *
 * <pre>{@code Host h = Host.probe(Path.of("/"));}</pre>
 *
 * @param kernelRelease as {@code uname -r} prints it
 * @param cpuModel {@code model name} from {@code /proc/cpuinfo} (empty when absent, as on many arm64)
 * @param cores logical CPUs listed in {@code /proc/cpuinfo}
 * @param numaNodes {@code /sys/devices/system/node/node*} directories; 0 when unknown
 * @param cmdline {@code /proc/cmdline}
 */
public record Host(String kernelRelease, String cpuModel, int cores, int numaNodes, String cmdline) {
  public Host {
    kernelRelease = kernelRelease == null ? "" : kernelRelease;
    cpuModel = cpuModel == null ? "" : cpuModel;
    cmdline = cmdline == null ? "" : cmdline;
  }

  /** Reads the host facts under a root directory ({@code /} live, a fixture tree in tests). */
  /**
   * One line for people: {@code Linux 6.18.44, AMD EPYC, 2 CPUs, 1 NUMA node(s)}, or
   * {@code not recorded} for a record transcribed from elsewhere.
   */
  public String describe() {
    if (kernelRelease.isEmpty() && cpuModel.isEmpty() && cores == 0) {
      return "not recorded";
    }
    return "Linux " + kernelRelease + ", " + cpuModel + ", " + cores + " CPUs, " + numaNodes + " NUMA node(s)";
  }

  public static Host probe(Path root) throws IOException {
    String release = read(root.resolve("proc/sys/kernel/osrelease"));
    String model = "";
    int cores = 0;
    Path cpuinfo = root.resolve("proc/cpuinfo");
    if (Files.isRegularFile(cpuinfo)) {
      for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
        int colon = line.indexOf(':');
        String key = colon < 0 ? "" : line.substring(0, colon).strip();
        if (key.equals("processor")) {
          cores++;
        } else if (key.equals("model name") && model.isEmpty()) {
          model = line.substring(colon + 1).strip();
        }
      }
    }
    int nodes = 0;
    Path nodeDir = root.resolve("sys/devices/system/node");
    if (Files.isDirectory(nodeDir)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(nodeDir, "node[0-9]*")) {
        for (Path ignored : s) {
          nodes++;
        }
      }
    }
    return new Host(release, model, cores, nodes, read(root.resolve("proc/cmdline")));
  }

  static String read(Path file) throws IOException {
    return Files.isRegularFile(file)
        ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip()
        : "";
  }
}
