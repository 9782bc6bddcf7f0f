package iommulab.config;

import java.util.Optional;

/**
 * What the kernel log says about the IOMMU defaults it chose at boot, from the lines
 * {@code iommu: Default domain type: Translated} and
 * {@code iommu: DMA domain TLB invalidation policy: lazy mode} (either may end with
 * {@code (set via kernel command line)}).
 *
 * <pre>{@code KernelLog log = KernelLog.parse(dmesgText);  log.invalidationPolicy(); // "lazy"}</pre>
 *
 * @param defaultDomainType {@code Translated}, {@code Passthrough}, ... as printed
 * @param defaultDomainLine the whole line it came from
 * @param invalidationPolicy {@code strict} or {@code lazy} as printed
 * @param invalidationLine the whole line it came from
 */
public record KernelLog(
    Optional<String> defaultDomainType,
    Optional<String> defaultDomainLine,
    Optional<String> invalidationPolicy,
    Optional<String> invalidationLine) {

  private static final String DOMAIN_MARK = "iommu: Default domain type: ";
  private static final String POLICY_MARK = "iommu: DMA domain TLB invalidation policy: ";

  /** Nothing known: no kernel log was available. */
  public static KernelLog empty() {
    return new KernelLog(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Reads {@code dmesg} text; the last matching line of each kind wins, as after a re-probe. */
  public static KernelLog parse(String text) {
    String domain = null;
    String domainLine = null;
    String policy = null;
    String policyLine = null;
    for (String line : text.split("\r?\n")) {
      int d = line.indexOf(DOMAIN_MARK);
      if (d >= 0) {
        domain = firstWord(line.substring(d + DOMAIN_MARK.length()));
        domainLine = line.strip();
      }
      int p = line.indexOf(POLICY_MARK);
      if (p >= 0) {
        String rest = line.substring(p + POLICY_MARK.length());
        String word = firstWord(rest);
        // Only "<word> mode" is the shape the kernel prints; anything else is left unknown.
        if (rest.startsWith(word + " mode")) {
          policy = word;
          policyLine = line.strip();
        }
      }
    }
    return new KernelLog(Optional.ofNullable(domain).filter(s -> !s.isEmpty()),
        Optional.ofNullable(domainLine), Optional.ofNullable(policy).filter(s -> !s.isEmpty()),
        Optional.ofNullable(policyLine));
  }

  private static String firstWord(String s) {
    String t = s.strip();
    int space = t.indexOf(' ');
    return space < 0 ? t : t.substring(0, space);
  }
}
