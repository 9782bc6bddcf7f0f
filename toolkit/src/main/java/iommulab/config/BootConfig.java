package iommulab.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The IOMMU- and CMA-related parameters of one kernel command line, each unset, explicit or malformed.
 *
 * <pre>{@code
 * BootConfig boot = BootConfig.parse("root=/dev/sda iommu.passthrough=1 iommu.strict=0 cma=0");
 * boot.iommuStrict();   // Explicit[value=false, token=iommu.strict=0]
 * boot.problems();      // malformed tokens, each named
 * }</pre>
 *
 * @param cmdline the command line as given
 * @param tokens the kernel's own parameters (those after a lone {@code --} belong to init and are left
 *     out), quotes removed as the kernel does
 * @param iommuPassthrough {@code iommu.passthrough=0|1}
 * @param iommuStrict {@code iommu.strict=0|1}
 * @param iommu x86 {@code iommu=} keywords (pt, nopt, off, force, ...)
 * @param intelIommu {@code intel_iommu=} keywords (on, off, strict, sm_on, sm_off, ...)
 * @param amdIommu {@code amd_iommu=} keywords (off, fullflush, force_isolation, ...)
 * @param iommuForceDac {@code iommu.forcedac=0|1}
 * @param cma {@code cma=nn[KMG][@start[KMG][-end[KMG]]]}
 * @param cmaPerNumaBytes {@code cma_pernuma=nn[KMG]}, per-node area size in bytes
 * @param numaCmaBytes {@code numa_cma=<node>:nn[KMG][,...]}, node to area size in bytes
 * @param notes facts worth knowing that are not problems, e.g. a parameter given twice
 */
public record BootConfig(
    String cmdline,
    List<String> tokens,
    Setting<Boolean> iommuPassthrough,
    Setting<Boolean> iommuStrict,
    Setting<List<String>> iommu,
    Setting<List<String>> intelIommu,
    Setting<List<String>> amdIommu,
    Setting<Boolean> iommuForceDac,
    Setting<CmaSpec> cma,
    Setting<Long> cmaPerNumaBytes,
    Setting<Map<Integer, Long>> numaCmaBytes,
    List<String> notes) {

  public BootConfig {
    Objects.requireNonNull(cmdline, "cmdline");
    tokens = List.copyOf(tokens);
    notes = List.copyOf(notes);
  }

  /** Parses a kernel command line such as the contents of {@code /proc/cmdline}. */
  public static BootConfig parse(String cmdline) {
    return CmdlineParser.parse(cmdline);
  }

  /** Every malformed parameter, in command-line order, each naming its token. */
  public List<CmdlineProblem> problems() {
    return CmdlineParser.problems(this);
  }

  /**
   * The value of a setting as a short table cell: {@code unset}, the value ({@code 1}, {@code 0},
   * {@code pt}, {@code on,sm_on}, {@code 64M}), or {@code malformed}.
   */
  public static String cell(Setting<?> setting) {
    if (setting instanceof Setting.Explicit<?> e) {
      return valueText(e.value());
    }
    return setting instanceof Setting.Malformed<?> ? "malformed" : "unset";
  }

  private static String valueText(Object value) {
    if (value instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (value instanceof CmaSpec c) {
      return c.text();
    }
    if (value instanceof Long bytes) {
      return Sizes.format(bytes);
    }
    if (value instanceof List<?> l) {
      return String.join(",", l.stream().map(String::valueOf).toList());
    }
    if (value instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder();
      m.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append(':')
          .append(Sizes.format((Long) v)));
      return b.toString();
    }
    return String.valueOf(value);
  }
}
