package iommulab.config;

import java.util.Optional;

/**
 * The domain types {@code /sys/kernel/iommu_groups/N/type} prints. The file shows the group's
 * <em>default</em> domain, the one kernel drivers' DMA API uses; a group a VFIO user attached to an
 * unmanaged domain still reads its default type.
 */
public enum DomainType {
  /** Kernel DMA bypasses translation (passthrough). */
  IDENTITY("identity"),
  /** Kernel DMA is translated; unmaps invalidate the IOTLB synchronously (strict). */
  DMA("DMA"),
  /** Kernel DMA is translated; IOTLB invalidations are batched by a flush queue (lazy). */
  DMA_FQ("DMA-FQ"),
  /** Managed by a user such as VFIO rather than the DMA API. */
  UNMANAGED("unmanaged"),
  /** All DMA is blocked. */
  BLOCKED("blocked");

  private final String sysfsName;

  DomainType(String sysfsName) {
    this.sysfsName = sysfsName;
  }

  /** The text sysfs prints, e.g. {@code DMA-FQ}. */
  public String sysfsName() {
    return sysfsName;
  }

  /** The type for a sysfs text, or empty when the kernel printed something iommulab does not know. */
  public static Optional<DomainType> fromSysfs(String text) {
    for (DomainType t : values()) {
      if (t.sysfsName.equals(text)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return sysfsName;
  }
}
