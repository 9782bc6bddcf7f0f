package iommulab.record;

/**
 * What a bundle import accepts, against zip bombs and runaway archives.
 *
 * @param maxEntries most entries (files and directories)
 * @param maxEntryBytes largest uncompressed entry
 * @param maxTotalBytes largest total uncompressed size
 * @param maxRatio largest uncompressed/compressed ratio for entries above {@code ratioFloorBytes}
 * @param ratioFloorBytes entries smaller than this are not ratio-checked (tiny files compress oddly)
 */
public record BundleLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, double maxRatio,
    long ratioFloorBytes) {

  /** 10,000 entries, 1 GiB per entry, 4 GiB in all, ratio 200 above 1 MiB. */
  public static BundleLimits defaults() {
    return new BundleLimits(10_000, 1L << 30, 4L << 30, 200, 1L << 20);
  }
}
