package iommulab.analysis;

/**
 * A metric of one group over the same metric of a baseline group: the ratio of their means, with a
 * 95% percentile bootstrap interval when both groups have at least two runs.
 *
 * <pre>{@code bytes_per_second lazy / strict = 17.29}</pre>
 *
 * @param numerator the group on top
 * @param denominator the baseline group
 */
public record Ratio(
    String metric,
    String numerator,
    String denominator,
    double value,
    double ciLow,
    double ciHigh,
    int numeratorN,
    int denominatorN) {

  /** What over what: {@code "bytes_per_second lazy / strict"}. */
  public String name() {
    return metric + " " + numerator + " / " + denominator;
  }

  public boolean hasInterval() {
    return numeratorN >= 2 && denominatorN >= 2;
  }

  /** {@code "bytes_per_second lazy / strict = 17.29"}, then the interval or why there is none. */
  @Override
  public String toString() {
    return Statistics.describeRatio(name(), value, ciLow, ciHigh, numeratorN, denominatorN);
  }
}
