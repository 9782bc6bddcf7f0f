package iommulab.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The device under test of a run.
 *
 * @param pciAddress e.g. {@code 0003:04:00.0}
 * @param vendorDevice e.g. {@code 144d:a808}; empty when unknown
 * @param driver the bound driver, e.g. {@code nvme} or {@code vfio-pci}; empty when none
 * @param numaNode the device's NUMA node, or null when unknown ({@code -1} in sysfs)
 * @param iommuGroup the IOMMU group number, or empty
 * @param iommuGroupType the group's default domain type as sysfs prints it, or empty
 */
public record Device(String pciAddress, String vendorDevice, String driver, Integer numaNode,
    String iommuGroup, String iommuGroupType) {
  public Device {
    pciAddress = pciAddress == null ? "" : pciAddress;
    vendorDevice = vendorDevice == null ? "" : vendorDevice;
    driver = driver == null ? "" : driver;
    iommuGroup = iommuGroup == null ? "" : iommuGroup;
    iommuGroupType = iommuGroupType == null ? "" : iommuGroupType;
  }

  /** Reads {@code root/sys/bus/pci/devices/<bdf>}; fields the tree lacks stay empty. */
  public static Device probe(Path root, String pciAddress) throws IOException {
    Path dev = root.resolve("sys/bus/pci/devices").resolve(pciAddress);
    String vendor = hex(Host.read(dev.resolve("vendor")));
    String device = hex(Host.read(dev.resolve("device")));
    String numa = Host.read(dev.resolve("numa_node"));
    Integer node = null;
    if (!numa.isEmpty() && !numa.equals("-1")) {
      try {
        node = Integer.valueOf(numa);
      } catch (NumberFormatException odd) {
        node = null;
      }
    }
    String group = linkName(dev.resolve("iommu_group"));
    String groupType = group.isEmpty() ? "" : Host.read(dev.resolve("iommu_group/type"));
    return new Device(pciAddress, vendor.isEmpty() ? "" : vendor + ":" + device,
        linkName(dev.resolve("driver")), node, group, groupType);
  }

  private static String hex(String s) {
    String t = s.toLowerCase(Locale.ROOT);
    return t.startsWith("0x") ? t.substring(2) : t;
  }

  private static String linkName(Path link) throws IOException {
    if (Files.isSymbolicLink(link)) {
      Path target = Files.readSymbolicLink(link).getFileName();
      return target == null ? "" : target.toString();
    }
    return "";
  }
}
