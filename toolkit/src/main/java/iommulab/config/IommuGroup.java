package iommulab.config;

import java.util.List;

/**
 * One {@code /sys/kernel/iommu_groups/N} directory.
 *
 * @param id the group number as named in sysfs
 * @param typeText the {@code type} file's content, trimmed; empty when the file is absent
 * @param devices the PCI (or platform) device names linked under {@code devices/}, sorted
 */
public record IommuGroup(String id, String typeText, List<String> devices) {
  public IommuGroup {
    devices = List.copyOf(devices);
  }

  /** The default domain type, when sysfs printed one iommulab knows. */
  public java.util.Optional<DomainType> type() {
    return DomainType.fromSysfs(typeText);
  }
}
