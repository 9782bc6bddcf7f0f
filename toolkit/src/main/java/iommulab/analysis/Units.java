package iommulab.analysis;

import java.math.BigDecimal;

/**
 * Unit conventions: binary prefixes for bytes (KiB = 2^10, MiB = 2^20, GiB = 2^30, as qemu-io
 * prints them), decimal prefixes nowhere for bytes, and exact value text for hover labels.
 */
public final class Units {
  public static final double KIB = 1024.0;
  public static final double MIB = 1024.0 * 1024;
  public static final double GIB = 1024.0 * 1024 * 1024;

  private Units() {}

  /** The shortest decimal text that reads back as {@code v}, never in E notation. */
  public static String exact(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** A byte count with the largest binary prefix that keeps it at least 1: {@code 4 KiB}, {@code 1.5 MiB}. */
  public static String bytes(double bytes) {
    String[] prefix = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    int p = 0;
    double v = bytes;
    while (Math.abs(v) >= 1024 && p < prefix.length - 1) {
      v /= 1024;
      p++;
    }
    return Statistics.format(v) + " " + prefix[p];
  }
}
