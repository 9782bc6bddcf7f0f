package iommulab.config;

/**
 * The {@code cma=} kernel parameter: size of the single global CMA area and its optional placement,
 * {@code nn[KMG][@start[KMG][-end[KMG]]]}. A size of 0 disables CMA altogether.
 *
 * @param sizeBytes requested size in bytes
 * @param startBytes lowest physical address, or -1 when not given
 * @param endBytes highest physical address (limit), or -1 when not given
 */
public record CmaSpec(long sizeBytes, long startBytes, long endBytes) {

  public boolean disabled() {
    return sizeBytes == 0;
  }

  /** Short text for tables, e.g. {@code 0}, {@code 64M}, {@code 256M@0x0-0x80000000}. */
  public String text() {
    StringBuilder b = new StringBuilder(Sizes.format(sizeBytes));
    if (startBytes >= 0) {
      b.append('@').append("0x").append(Long.toHexString(startBytes));
      if (endBytes >= 0) {
        b.append("-0x").append(Long.toHexString(endBytes));
      }
    }
    return b.toString();
  }
}
