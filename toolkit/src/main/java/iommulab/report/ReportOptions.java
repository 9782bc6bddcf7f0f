package iommulab.report;

/**
 * How a report compares runs.
 *
 * @param groupColumn the column runs are grouped by, e.g. {@code run_label} or {@code iommu_strict}
 * @param baseline the group ratios are taken against; null for the first group in record order
 * @param maxTableRows rows shown per raw derived table (the rest are counted, not dropped from the
 *     record)
 */
public record ReportOptions(String groupColumn, String baseline, int maxTableRows) {
  public ReportOptions {
    if (groupColumn == null || groupColumn.isBlank()) {
      throw new IllegalArgumentException("group column must be named");
    }
    if (maxTableRows < 1) {
      throw new IllegalArgumentException("maxTableRows must be at least 1, got " + maxTableRows);
    }
  }

  /** Grouped by {@code run_label}, baseline the first label, 200 rows per raw table. */
  public static ReportOptions defaults() {
    return new ReportOptions("run_label", null, 200);
  }
}
