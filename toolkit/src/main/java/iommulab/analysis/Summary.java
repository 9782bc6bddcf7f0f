package iommulab.analysis;

import java.util.List;

/**
 * One metric summarised over the runs of one group (a configuration, a label, a block size ...).
 *
 * <p>The interval is a 95% percentile bootstrap of the mean (see {@link Statistics#CI_METHOD}). With
 * {@code n == 1} there is no spread to report: {@code stddev}, {@code ciLow} and {@code ciHigh} are
 * NaN and {@link #interval()} says so rather than inventing one.
 *
 * @param groupValues the group's value in each grouping column, in the order they were named
 * @param metric the column summarised, e.g. {@code bytes_per_second}
 * @param n how many present values were summarised
 * @param missing how many rows of the group had no value (a timing qemu-io printed as X): counted
 *     here, not silently dropped
 */
public record Summary(
    List<String> groupValues,
    String metric,
    int n,
    int missing,
    double median,
    double mean,
    double min,
    double max,
    double stddev,
    double ciLow,
    double ciHigh) {

  public Summary {
    groupValues = List.copyOf(groupValues);
  }

  /** The group's name: its values joined by {@code ", "}, e.g. {@code "strict"} or {@code "lazy, 4096"}. */
  public String group() {
    return String.join(", ", groupValues);
  }

  /** Whether there is an interval (n of at least 2). */
  public boolean hasInterval() {
    return n >= 2;
  }

  /** The interval as text, or {@code "n = 1: no interval"}. */
  public String interval() {
    return hasInterval()
        ? "95% CI [" + Statistics.format(ciLow) + ", " + Statistics.format(ciHigh) + "]"
        : "n = 1: no interval";
  }

  @Override
  public String toString() {
    return metric + " " + group() + ": n = " + n + ", mean " + Statistics.format(mean) + ", "
        + interval();
  }
}
