package iommulab.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A machine's boot configuration as {@code iommulab config} shows it: the parsed command line, what
 * sysfs and the kernel log observed, and the derived DMA paths.
 *
 * <pre>{@code ConfigReport r = ConfigReport.detect(Path.of("/"), dmesgText, null); System.out.print(r.text());}</pre>
 */
public record ConfigReport(BootConfig boot, EffectiveIommu seen, DmaPaths paths) {

  /** For a command line alone (nothing observed). */
  public static ConfigReport forCmdline(String cmdline, String device) {
    BootConfig boot = BootConfig.parse(cmdline);
    return new ConfigReport(boot, EffectiveIommu.unknown(),
        DmaPaths.derive(boot, EffectiveIommu.unknown(), device));
  }

  /**
   * For the machine whose files are under {@code root}: {@code root/proc/cmdline} and sysfs, plus the
   * given kernel log text ("" when unavailable).
   */
  public static ConfigReport detect(Path root, String kernelLogText, String device) throws IOException {
    Path cmdlineFile = root.resolve("proc/cmdline");
    String cmdline = Files.isRegularFile(cmdlineFile)
        ? new String(Files.readAllBytes(cmdlineFile), StandardCharsets.UTF_8).strip()
        : "";
    BootConfig boot = BootConfig.parse(cmdline);
    EffectiveIommu seen = EffectiveIommu.read(root, kernelLogText);
    return new ConfigReport(boot, seen, DmaPaths.derive(boot, seen, device));
  }

  /** The settings as table cells keyed by the column names records use ({@code iommu_strict}, ...). */
  public Map<String, String> cells() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("iommu_passthrough", BootConfig.cell(boot.iommuPassthrough()));
    m.put("iommu_strict", BootConfig.cell(boot.iommuStrict()));
    m.put("iommu", BootConfig.cell(boot.iommu()));
    m.put("intel_iommu", BootConfig.cell(boot.intelIommu()));
    m.put("amd_iommu", BootConfig.cell(boot.amdIommu()));
    m.put("iommu_forcedac", BootConfig.cell(boot.iommuForceDac()));
    m.put("cma", BootConfig.cell(boot.cma()));
    m.put("cma_pernuma", BootConfig.cell(boot.cmaPerNumaBytes()));
    m.put("numa_cma", BootConfig.cell(boot.numaCmaBytes()));
    return m;
  }

  /** A JSON-ready tree (String, List, Map values only). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cmdline", boot.cmdline());
    m.put("settings", cells());
    List<Map<String, String>> problems = new ArrayList<>();
    boot.problems().forEach(p -> problems.add(Map.of("token", p.token(), "message", p.message())));
    m.put("problems", problems);
    m.put("notes", boot.notes());
    Map<String, Object> observed = new LinkedHashMap<>();
    observed.put("sysfs_read", seen.sysfsRead());
    List<Map<String, Object>> groups = new ArrayList<>();
    seen.groups().forEach(g -> {
      Map<String, Object> gm = new LinkedHashMap<>();
      gm.put("id", g.id());
      gm.put("type", g.typeText());
      gm.put("devices", g.devices());
      groups.add(gm);
    });
    observed.put("iommu_groups", groups);
    observed.put("default_domain_type", seen.log().defaultDomainType().orElse(null));
    observed.put("invalidation_policy", seen.log().invalidationPolicy().orElse(null));
    m.put("observed", observed);
    m.put("kernel_driver", path(paths.kernelDriver()));
    m.put("vfio", path(paths.vfio()));
    m.put("cma", paths.cma());
    return m;
  }

  private static Map<String, String> path(DmaPath p) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("translation", p.translation().name().toLowerCase(java.util.Locale.ROOT));
    m.put("invalidation", p.invalidation().name().toLowerCase(java.util.Locale.ROOT));
    m.put("reason", p.reason());
    return m;
  }

  /** The human form: settings, problems, observations, then the two paths and CMA. */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append("cmdline: ").append(boot.cmdline()).append('\n');
    cells().forEach((k, v) -> b.append(String.format("  %-18s %s%n", k, v)));
    boot.problems().forEach(p -> b.append("problem: ").append(p).append('\n'));
    boot.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
    if (seen.sysfsRead()) {
      b.append("iommu groups: ").append(seen.groups().size());
      seen.groups().stream().map(IommuGroup::typeText).distinct()
          .forEach(t -> b.append(' ').append(t.isEmpty() ? "(no type file)" : t));
      b.append('\n');
    }
    seen.log().defaultDomainLine().ifPresent(l -> b.append("kernel log: ").append(l).append('\n'));
    seen.log().invalidationLine().ifPresent(l -> b.append("kernel log: ").append(l).append('\n'));
    b.append("kernel driver DMA: ").append(paths.kernelDriver().shortText()).append(" - ")
        .append(paths.kernelDriver().reason()).append('\n');
    b.append("VFIO driver DMA:   ").append(paths.vfio().shortText()).append(" - ")
        .append(paths.vfio().reason()).append('\n');
    b.append("CMA: ").append(paths.cma()).append('\n');
    return b.toString();
  }
}
