package iommulab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import iommulab.config.DmaPath.Invalidation;
import iommulab.config.DmaPath.Translation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DmaPathsTest {
  static final Path FIXTURES = Path.of("src/test/resources/config");

  /** cmdline | kernel driver path | VFIO path, with nothing observed. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "iommu.passthrough=1                  | BYPASS                | TRANSLATED/UNKNOWN",
    "iommu.passthrough=1 iommu.strict=0   | BYPASS                | TRANSLATED/LAZY",
    "iommu.passthrough=1 iommu.strict=1   | BYPASS                | TRANSLATED/STRICT",
    "iommu.passthrough=0 iommu.strict=0   | TRANSLATED/LAZY       | TRANSLATED/LAZY",
    "iommu=pt                             | BYPASS                | TRANSLATED/UNKNOWN",
    "iommu.passthrough=1 iommu=nopt       | TRANSLATED/UNKNOWN    | TRANSLATED/UNKNOWN",
    "iommu=nopt iommu.passthrough=1       | BYPASS                | TRANSLATED/UNKNOWN",
    "intel_iommu=on,strict iommu.passthrough=0 | TRANSLATED/STRICT | TRANSLATED/STRICT",
    "amd_iommu=fullflush iommu=nopt       | TRANSLATED/STRICT     | TRANSLATED/STRICT",
    "intel_iommu=off                      | NO_IOMMU              | NO_IOMMU",
    "quiet                                | UNKNOWN/UNKNOWN       | TRANSLATED/UNKNOWN",
  })
  void derivesFromTheCommandLine(String cmdline, String kernel, String vfio) {
    DmaPaths p = DmaPaths.derive(BootConfig.parse(cmdline), EffectiveIommu.unknown(), null);
    assertEquals(kernel, p.kernelDriver().shortText());
    assertEquals(vfio, p.vfio().shortText());
  }

  @Test
  void passthroughReasonsNameTheTokenAndTheUnmanagedDomain() {
    DmaPaths p = DmaPaths.derive(BootConfig.parse("iommu.passthrough=1 iommu.strict=0 cma=0"),
        EffectiveIommu.unknown(), null);
    assertEquals("iommu.passthrough=1 makes identity the default domain, so kernel-driver DMA "
        + "bypasses the IOMMU.", p.kernelDriver().reason());
    assertEquals("VFIO DMA is translated because passthrough only changes the default domain kernel "
        + "drivers use while VFIO maps through the IOMMU in its own unmanaged domain; IOTLB "
        + "invalidations are batched (lazy, from iommu.strict=0).", p.vfio().reason());
    assertEquals("cma=0 removes the single global CMA area, so DMA buffers are not drawn from one "
        + "region that may sit on a node remote from the device.", p.cma());
  }

  @Test
  void cmaSizeAndUnset() {
    assertEquals("cma=64M reserves one global CMA area of 64M, which on a NUMA system sits on one "
        + "node and may be remote from the device, while cma_pernuma=16M adds a per-node area.",
        DmaPaths.derive(BootConfig.parse("cma=64M cma_pernuma=16M"), EffectiveIommu.unknown(), null).cma());
    assertEquals("cma is unset, so the build default size (CONFIG_CMA_SIZE_MBYTES) gives one global "
        + "CMA area.", DmaPaths.derive(BootConfig.parse(""), EffectiveIommu.unknown(), null).cma());
  }

  @Test
  void sysfsOutranksTheCommandLine() throws IOException {
    EffectiveIommu seen = EffectiveIommu.read(FIXTURES.resolve("sysfs-dmafq"), "");
    DmaPaths p = DmaPaths.derive(BootConfig.parse("iommu.passthrough=1"), seen, null);
    assertEquals("TRANSLATED/LAZY", p.kernelDriver().shortText());
    assertEquals("sysfs every iommu_groups/*/type reads DMA-FQ, so kernel DMA is translated and a "
        + "flush queue batches IOTLB invalidations (lazy).", p.kernelDriver().reason());
  }

  @Test
  void theDevicesOwnGroupDecidesWhenGroupsDisagree() throws IOException {
    EffectiveIommu seen = EffectiveIommu.read(FIXTURES.resolve("sysfs-mixed"), "");
    assertEquals(Translation.UNKNOWN,
        DmaPaths.derive(BootConfig.parse(""), seen, null).kernelDriver().translation());
    DmaPaths p = DmaPaths.derive(BootConfig.parse(""), seen, "0003:04:00.0");
    assertEquals("TRANSLATED/STRICT", p.kernelDriver().shortText());
    assertEquals("sysfs iommu_groups/3/type reads DMA, so kernel DMA is translated and every unmap "
        + "waits for its IOTLB invalidation.", p.kernelDriver().reason());
  }

  @Test
  void identityGroupStillLeavesVfioTranslated() throws IOException {
    ConfigReport r = ConfigReport.detect(FIXTURES.resolve("sysfs-identity"),
        read("dmesg-strict-cmdline.txt"), "0003:04:00.0");
    assertEquals("1", r.cells().get("iommu_passthrough"));
    assertEquals("BYPASS", r.paths().kernelDriver().shortText());
    assertEquals("TRANSLATED/STRICT", r.paths().vfio().shortText());
  }

  @Test
  void noGroupsMeansNoIommuWhateverTheLogSays() throws IOException {
    EffectiveIommu seen = EffectiveIommu.read(FIXTURES.resolve("sysfs-none"), read("dmesg-this-vm.txt"));
    assertEquals(List.of(), seen.groups());
    DmaPaths p = DmaPaths.derive(BootConfig.parse(""), seen, null);
    assertEquals(Translation.NO_IOMMU, p.kernelDriver().translation());
    assertEquals(Translation.NO_IOMMU, p.vfio().translation());
  }

  @Test
  void kernelLogLines() throws IOException {
    KernelLog vm = KernelLog.parse(read("dmesg-this-vm.txt"));
    assertEquals(Optional.of("Translated"), vm.defaultDomainType());
    assertEquals(Optional.of("lazy"), vm.invalidationPolicy());
    KernelLog strict = KernelLog.parse(read("dmesg-strict-cmdline.txt"));
    assertEquals(Optional.of("Passthrough"), strict.defaultDomainType());
    assertEquals(Optional.of("strict"), strict.invalidationPolicy());
    assertEquals(Optional.of("[    0.512350] iommu: DMA domain TLB invalidation policy: strict mode "
        + "(set via kernel command line)"), strict.invalidationLine());
    assertEquals(KernelLog.empty(), KernelLog.parse("iommu: DMA domain TLB invalidation policy: odd"));
  }

  @Test
  void logDecidesWhenSysfsIsUnavailable() throws IOException {
    EffectiveIommu seen = new EffectiveIommu(false, List.of(), KernelLog.parse(read("dmesg-this-vm.txt")));
    DmaPaths p = DmaPaths.derive(BootConfig.parse("iommu.strict=1"), seen, null);
    assertEquals(Translation.TRANSLATED, p.kernelDriver().translation());
    assertEquals(Invalidation.LAZY, p.kernelDriver().invalidation());
  }

  @Test
  void groupsAreSortedNumericallyWithTheirDevices() throws IOException {
    List<IommuGroup> groups = SysfsIommu.groups(FIXTURES.resolve("sysfs-mixed"));
    assertEquals(List.of(new IommuGroup("3", "DMA", List.of("0003:04:00.0")),
        new IommuGroup("4", "identity", List.of("0000:00:1f.0"))), groups);
    assertEquals(Optional.of(DomainType.IDENTITY), groups.get(1).type());
  }

  private static String read(String name) throws IOException {
    return new String(Files.readAllBytes(FIXTURES.resolve(name)), StandardCharsets.UTF_8);
  }
}
