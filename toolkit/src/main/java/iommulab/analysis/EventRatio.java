package iommulab.analysis;

/**
 * One perf event's rate over another's within one group, e.g. SMMU TLB misses per transaction under
 * {@code strict}: the ratio of their mean {@code value_per_second}, with a 95% percentile bootstrap
 * interval when both events have at least two runs.
 *
 * <pre>{@code smmuv3_pmcg_27ffe0202/tlb_miss/ per smmuv3_pmcg_27ffe0202/transaction/ (strict) = 0.06211}</pre>
 */
public record EventRatio(
    String group,
    String numeratorEvent,
    String denominatorEvent,
    double value,
    double ciLow,
    double ciHigh,
    int numeratorN,
    int denominatorN) {

  /** What per what, and where: {@code "tlb_miss per transaction (strict)"}. */
  public String name() {
    return numeratorEvent + " per " + denominatorEvent + " (" + group + ")";
  }

  public boolean hasInterval() {
    return numeratorN >= 2 && denominatorN >= 2;
  }

  @Override
  public String toString() {
    return Statistics.describeRatio(name(), value, ciLow, ciHigh, numeratorN, denominatorN);
  }
}
