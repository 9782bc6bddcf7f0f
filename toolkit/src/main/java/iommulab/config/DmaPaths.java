package iommulab.config;

import iommulab.config.DmaPath.Driver;
import iommulab.config.DmaPath.Invalidation;
import iommulab.config.DmaPath.Translation;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The DMA path for a kernel driver and for a VFIO user-space driver, and what {@code cma=} means, each
 * with a one-sentence reason. Observations (sysfs, kernel log) outrank the command line, which outranks
 * nothing: when nothing decides, the answer is UNKNOWN and the reason says which build default applies.
 *
 * <pre>{@code
 * DmaPaths p = DmaPaths.derive(BootConfig.parse("iommu.passthrough=1"), EffectiveIommu.unknown(), null);
 * p.kernelDriver().translation(); // BYPASS
 * p.vfio().translation();         // TRANSLATED: VFIO maps through an unmanaged domain regardless
 * }</pre>
 *
 * @param kernelDriver DMA of a kernel driver through the DMA API
 * @param vfio DMA of a VFIO user-space driver
 * @param cma one sentence on the CMA areas
 */
public record DmaPaths(DmaPath kernelDriver, DmaPath vfio, String cma) {

  /**
   * Derives both paths.
   *
   * @param device PCI address of the device under test, e.g. {@code 0003:04:00.0}; when its group is
   *     found in sysfs that group decides, else all groups must agree; null for none
   */
  public static DmaPaths derive(BootConfig boot, EffectiveIommu seen, String device) {
    Strictness strictness = strictness(boot, seen.log());
    DmaPath kernel = kernelPath(boot, seen, device, strictness);
    DmaPath vfio = vfioPath(kernel, strictness);
    return new DmaPaths(kernel, vfio, cmaSentence(boot));
  }

  private record Strictness(Invalidation invalidation, String evidence) {}

  private static Strictness strictness(BootConfig boot, KernelLog log) {
    if (log.invalidationPolicy().isPresent()) {
      String p = log.invalidationPolicy().get();
      Invalidation inv = switch (p) {
        case "strict" -> Invalidation.STRICT;
        case "lazy" -> Invalidation.LAZY;
        default -> Invalidation.UNKNOWN;
      };
      return new Strictness(inv, "the kernel log says '" + log.invalidationLine().orElse(p) + "'");
    }
    if (boot.iommuStrict() instanceof Setting.Explicit<Boolean> e) {
      return new Strictness(e.value() ? Invalidation.STRICT : Invalidation.LAZY, e.token());
    }
    if (boot.intelIommu() instanceof Setting.Explicit<List<String>> e && e.value().contains("strict")) {
      return new Strictness(Invalidation.STRICT, e.token());
    }
    if (boot.amdIommu() instanceof Setting.Explicit<List<String>> e && e.value().contains("fullflush")) {
      return new Strictness(Invalidation.STRICT, e.token());
    }
    return new Strictness(Invalidation.UNKNOWN,
        "iommu.strict is unset, so the build default (CONFIG_IOMMU_DEFAULT_DMA_STRICT or _LAZY) applies");
  }

  private static DmaPath kernelPath(BootConfig boot, EffectiveIommu seen, String device,
      Strictness strictness) {
    if (seen.sysfsRead()) {
      if (seen.groups().isEmpty()) {
        return new DmaPath(Driver.KERNEL, Translation.NO_IOMMU, Invalidation.NOT_APPLICABLE,
            "sysfs lists no IOMMU groups, so no device sits behind an IOMMU and kernel DMA goes "
                + "straight to memory whatever the command line asks.");
      }
      Optional<IommuGroup> own =
          device == null ? Optional.empty() : SysfsIommu.groupOf(seen.groups(), device);
      TreeSet<String> types = new TreeSet<>();
      own.ifPresentOrElse(g -> types.add(g.typeText()),
          () -> seen.groups().forEach(g -> types.add(g.typeText())));
      String where = own.map(g -> "iommu_groups/" + g.id() + "/type").orElse("every iommu_groups/*/type");
      if (types.size() == 1) {
        Optional<DomainType> type = DomainType.fromSysfs(types.first());
        if (type.isPresent()) {
          return fromDomainType(type.get(), where, strictness);
        }
        return new DmaPath(Driver.KERNEL, Translation.UNKNOWN, Invalidation.UNKNOWN,
            "sysfs " + where + " reads '" + types.first() + "', a domain type iommulab does not know.");
      }
      return new DmaPath(Driver.KERNEL, Translation.UNKNOWN, Invalidation.UNKNOWN,
          "sysfs groups disagree (" + String.join(", ", types)
              + "), so it depends on the device: give its PCI address.");
    }
    KernelLog log = seen.log();
    if (log.defaultDomainType().isPresent()) {
      String t = log.defaultDomainType().get();
      String line = "the kernel log says '" + log.defaultDomainLine().orElse(t) + "'";
      return switch (t) {
        case "Passthrough" -> new DmaPath(Driver.KERNEL, Translation.BYPASS,
            Invalidation.NOT_APPLICABLE, line + ": the default domain is identity, so kernel DMA "
                + "bypasses translation.");
        case "Translated" -> new DmaPath(Driver.KERNEL, Translation.TRANSLATED,
            strictness.invalidation(), line + ", so kernel DMA is translated and "
                + invalidationClause(strictness) + ".");
        default -> new DmaPath(Driver.KERNEL, Translation.UNKNOWN, Invalidation.UNKNOWN,
            line + ", a default domain type iommulab does not know.");
      };
    }
    Optional<String> off = disabledBy(boot);
    if (off.isPresent()) {
      return new DmaPath(Driver.KERNEL, Translation.NO_IOMMU, Invalidation.NOT_APPLICABLE,
          off.get() + " turns the IOMMU off, so kernel DMA goes straight to memory.");
    }
    Optional<Setting.Explicit<?>> pt = passthroughToken(boot);
    if (pt.isPresent()) {
      String token = pt.get().token();
      if (Boolean.TRUE.equals(pt.get().value())) {
        return new DmaPath(Driver.KERNEL, Translation.BYPASS, Invalidation.NOT_APPLICABLE,
            token + " makes identity the default domain, so kernel-driver DMA bypasses the IOMMU.");
      }
      return new DmaPath(Driver.KERNEL, Translation.TRANSLATED, strictness.invalidation(),
          token + " keeps kernel DMA translated by the IOMMU and " + invalidationClause(strictness) + ".");
    }
    return new DmaPath(Driver.KERNEL, Translation.UNKNOWN, strictness.invalidation(),
        "iommu.passthrough is unset and nothing was observed, so the build default "
            + "(CONFIG_IOMMU_DEFAULT_PASSTHROUGH) decides whether kernel DMA is translated.");
  }

  private static DmaPath fromDomainType(DomainType type, String where, Strictness strictness) {
    String seen = "sysfs " + where + " reads " + type.sysfsName();
    return switch (type) {
      case IDENTITY -> new DmaPath(Driver.KERNEL, Translation.BYPASS, Invalidation.NOT_APPLICABLE,
          seen + ", so kernel-driver DMA bypasses the IOMMU (passthrough).");
      case DMA -> new DmaPath(Driver.KERNEL, Translation.TRANSLATED, Invalidation.STRICT,
          seen + ", so kernel DMA is translated and every unmap waits for its IOTLB invalidation.");
      case DMA_FQ -> new DmaPath(Driver.KERNEL, Translation.TRANSLATED, Invalidation.LAZY,
          seen + ", so kernel DMA is translated and a flush queue batches IOTLB invalidations (lazy).");
      case BLOCKED -> new DmaPath(Driver.KERNEL, Translation.BLOCKED, Invalidation.NOT_APPLICABLE,
          seen + ", so the device can do no DMA until a driver attaches another domain.");
      case UNMANAGED -> new DmaPath(Driver.KERNEL, Translation.TRANSLATED, strictness.invalidation(),
          seen + ", so DMA is translated through a domain a user such as VFIO manages and "
              + invalidationClause(strictness) + ".");
    };
  }

  private static DmaPath vfioPath(DmaPath kernel, Strictness strictness) {
    if (kernel.translation() == Translation.NO_IOMMU) {
      return new DmaPath(Driver.VFIO, Translation.NO_IOMMU, Invalidation.NOT_APPLICABLE,
          "VFIO's type1 backend needs an IOMMU, so without one only the unsafe no-IOMMU mode works "
              + "and DMA is untranslated.");
    }
    String because = kernel.translation() == Translation.BYPASS
        ? "passthrough only changes the default domain kernel drivers use while VFIO maps through "
            + "the IOMMU in its own unmanaged domain"
        : "VFIO maps user memory through the IOMMU in its own unmanaged domain";
    return new DmaPath(Driver.VFIO, Translation.TRANSLATED, strictness.invalidation(),
        "VFIO DMA is translated because " + because + "; " + invalidationClause(strictness) + ".");
  }

  private static String invalidationClause(Strictness s) {
    return switch (s.invalidation()) {
      case STRICT -> "every unmap waits for its IOTLB invalidation (strict, from " + s.evidence() + ")";
      case LAZY -> "IOTLB invalidations are batched (lazy, from " + s.evidence() + ")";
      default -> "the invalidation mode is unknown because " + s.evidence();
    };
  }

  private static Optional<String> disabledBy(BootConfig boot) {
    for (Setting<List<String>> s : List.of(boot.iommu(), boot.intelIommu(), boot.amdIommu())) {
      if (s instanceof Setting.Explicit<List<String>> e && e.value().contains("off")) {
        return Optional.of(e.token());
      }
    }
    return Optional.empty();
  }

  /** iommu.passthrough and x86 iommu=pt|nopt set the same kernel variable; the later token wins. */
  private static Optional<Setting.Explicit<?>> passthroughToken(BootConfig boot) {
    Setting.Explicit<?> best = null;
    int bestIndex = -1;
    if (boot.iommuPassthrough() instanceof Setting.Explicit<Boolean> e) {
      best = e;
      bestIndex = boot.tokens().lastIndexOf(e.token());
    }
    if (boot.iommu() instanceof Setting.Explicit<List<String>> e
        && (e.value().contains("pt") || e.value().contains("nopt"))) {
      int i = boot.tokens().lastIndexOf(e.token());
      if (i > bestIndex) {
        boolean on = e.value().lastIndexOf("pt") > e.value().lastIndexOf("nopt");
        best = new Setting.Explicit<>(on, e.token());
      }
    }
    return Optional.ofNullable(best);
  }

  private static String cmaSentence(BootConfig boot) {
    if (boot.cma() instanceof Setting.Malformed<CmaSpec> m) {
      return "'" + m.token() + "' is malformed (expected " + m.expected()
          + "), so the CMA setup is unknown.";
    }
    if (boot.cma() instanceof Setting.Explicit<CmaSpec> e) {
      return e.value().disabled()
          ? e.token() + " removes the single global CMA area, so DMA buffers are not drawn from one "
              + "region that may sit on a node remote from the device" + perNuma(boot) + "."
          : e.token() + " reserves one global CMA area of " + e.value().text()
              + ", which on a NUMA system sits on one node and may be remote from the device"
              + perNuma(boot) + ".";
    }
    return "cma is unset, so the build default size (CONFIG_CMA_SIZE_MBYTES) gives one global "
        + "CMA area" + perNuma(boot) + ".";
  }

  private static String perNuma(BootConfig boot) {
    if (boot.cmaPerNumaBytes() instanceof Setting.Explicit<Long> e && e.value() > 0) {
      return ", while " + e.token() + " adds a per-node area";
    }
    if (boot.numaCmaBytes() instanceof Setting.Explicit<java.util.Map<Integer, Long>> e) {
      return ", while " + e.token() + " adds areas on the named nodes";
    }
    return "";
  }
}
