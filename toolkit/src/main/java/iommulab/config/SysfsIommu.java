package iommulab.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads IOMMU groups and PCI device facts under a root directory ({@code /} on a live machine, a
 * fixture tree in tests). Only reads files; never writes or executes anything.
 *
 * <pre>{@code List<IommuGroup> groups = SysfsIommu.groups(Path.of("/"));}</pre>
 */
public final class SysfsIommu {
  private SysfsIommu() {}

  /** Every group under {@code root/sys/kernel/iommu_groups}, numerically sorted; empty when none. */
  public static List<IommuGroup> groups(Path root) throws IOException {
    Path dir = root.resolve("sys/kernel/iommu_groups");
    List<IommuGroup> groups = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return groups;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path group : entries) {
        if (!Files.isDirectory(group)) {
          continue;
        }
        groups.add(new IommuGroup(group.getFileName().toString(),
            readTrimmed(group.resolve("type")).orElse(""), listNames(group.resolve("devices"))));
      }
    }
    groups.sort(Comparator.comparingLong((IommuGroup g) -> numeric(g.id())).thenComparing(IommuGroup::id));
    return groups;
  }

  /** The group a device belongs to, by its {@code devices/} entry; empty when in none. */
  public static Optional<IommuGroup> groupOf(List<IommuGroup> groups, String device) {
    return groups.stream().filter(g -> g.devices().contains(device)).findFirst();
  }

  static Optional<String> readTrimmed(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip());
  }

  private static List<String> listNames(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        entries.forEach(p -> names.add(p.getFileName().toString()));
      }
    }
    names.sort(null);
    return names;
  }

  private static long numeric(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException notANumber) {
      return Long.MAX_VALUE;
    }
  }
}
