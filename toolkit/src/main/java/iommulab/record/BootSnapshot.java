package iommulab.record;

import iommulab.config.BootConfig;
import iommulab.config.ConfigReport;
import iommulab.config.DmaPaths;
import iommulab.config.EffectiveIommu;
import iommulab.config.IommuGroup;
import iommulab.config.KernelLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The boot configuration a run ran under, kept as the evidence it was detected from (so every derived
 * value can be re-derived): the kernel command line, the IOMMU group types sysfs showed, and the two
 * kernel log lines.
 *
 * @param cmdline the kernel command line (or the IOMMU parameters known, see {@code source})
 * @param source where the command line came from, e.g. {@code /proc/cmdline}
 * @param sysfsRead whether {@code /sys/kernel/iommu_groups} was read
 * @param groupTypes group id to its {@code type} text
 * @param kernelLogLines the {@code iommu: Default domain type} and {@code invalidation policy} lines
 */
public record BootSnapshot(String cmdline, String source, boolean sysfsRead,
    Map<String, String> groupTypes, List<String> kernelLogLines) {

  public BootSnapshot {
    cmdline = cmdline == null ? "" : cmdline;
    source = source == null ? "" : source;
    groupTypes = groupTypes == null ? Map.of() : Map.copyOf(groupTypes);
    kernelLogLines = kernelLogLines == null ? List.of() : List.copyOf(kernelLogLines);
  }

  /** What was observed, as the config package reads it. */
  public static BootSnapshot of(String cmdline, String source, EffectiveIommu seen) {
    Map<String, String> types = new java.util.TreeMap<>();
    for (IommuGroup g : seen.groups()) {
      types.put(g.id(), g.typeText());
    }
    List<String> lines = new ArrayList<>();
    seen.log().defaultDomainLine().ifPresent(lines::add);
    seen.log().invalidationLine().ifPresent(lines::add);
    return new BootSnapshot(cmdline, source, seen.sysfsRead(), types, lines);
  }

  /** The parsed command line. */
  public BootConfig boot() {
    return BootConfig.parse(cmdline);
  }

  /** The observations turned back into the config package's form (device lists are not kept). */
  public EffectiveIommu effective() {
    List<IommuGroup> groups = new ArrayList<>();
    groupTypes.forEach((id, type) -> groups.add(new IommuGroup(id, type, List.of())));
    return new EffectiveIommu(sysfsRead, groups, KernelLog.parse(String.join("\n", kernelLogLines)));
  }

  /** The settings cells and DMA paths, for a device in the given group (null for none). */
  public ConfigReport report(String deviceGroup) {
    EffectiveIommu seen = effective();
    if (deviceGroup != null && !deviceGroup.isEmpty() && groupTypes.containsKey(deviceGroup)) {
      // Only the device's own group matters for its DMA path.
      seen = new EffectiveIommu(true,
          List.of(new IommuGroup(deviceGroup, groupTypes.get(deviceGroup), List.of())), seen.log());
    }
    BootConfig boot = boot();
    return new ConfigReport(boot, seen, DmaPaths.derive(boot, seen, null));
  }
}
