package iommulab.config;

/**
 * How one kind of driver's DMA reaches memory under a boot configuration, with the reason in one
 * sentence. Made by {@link DmaPaths#derive}.
 *
 * @param driver whose DMA this is
 * @param translation whether the IOMMU translates it
 * @param invalidation how unmaps invalidate the IOTLB when translated
 * @param reason one sentence naming the evidence, e.g. the token or sysfs file that decided
 */
public record DmaPath(Driver driver, Translation translation, Invalidation invalidation, String reason) {

  /** Who does the DMA mapping. */
  public enum Driver {
    /** A kernel driver using the DMA API (nvme, mlx5, ...); it uses the group's default domain. */
    KERNEL,
    /** A user-space driver over VFIO (DPDK, SPDK, qemu {@code nvme://}); it uses an unmanaged domain. */
    VFIO
  }

  /** Whether the IOMMU sits on the DMA path. */
  public enum Translation {
    TRANSLATED,
    BYPASS,
    BLOCKED,
    NO_IOMMU,
    UNKNOWN
  }

  /** How IOTLB entries are invalidated on unmap. */
  public enum Invalidation {
    STRICT,
    LAZY,
    NOT_APPLICABLE,
    UNKNOWN
  }

  /** e.g. {@code TRANSLATED/LAZY}. */
  public String shortText() {
    return translation + (invalidation == Invalidation.NOT_APPLICABLE ? "" : "/" + invalidation);
  }
}
