package iommulab.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the running kernel says it did, as opposed to what the command line asked for: the IOMMU groups
 * in sysfs with their default domain types, and the kernel log's two boot lines.
 *
 * <pre>{@code EffectiveIommu now = EffectiveIommu.read(Path.of("/"), dmesgText);}</pre>
 *
 * @param sysfsRead true when {@code sys/kernel/iommu_groups} existed under the root (then an empty
 *     {@code groups} means no device sits behind an IOMMU)
 * @param groups the groups found
 * @param log the kernel log facts ({@link KernelLog#empty()} when no log was available)
 */
public record EffectiveIommu(boolean sysfsRead, List<IommuGroup> groups, KernelLog log) {
  public EffectiveIommu {
    groups = List.copyOf(groups);
  }

  /** Nothing observed: only a command line is known (e.g. {@code iommulab config --cmdline}). */
  public static EffectiveIommu unknown() {
    return new EffectiveIommu(false, List.of(), KernelLog.empty());
  }

  /** Reads sysfs under {@code root} and parses {@code kernelLogText} (empty string when unavailable). */
  public static EffectiveIommu read(Path root, String kernelLogText) throws IOException {
    boolean present = Files.isDirectory(root.resolve("sys/kernel/iommu_groups"));
    return new EffectiveIommu(present, SysfsIommu.groups(root), KernelLog.parse(kernelLogText));
  }
}
