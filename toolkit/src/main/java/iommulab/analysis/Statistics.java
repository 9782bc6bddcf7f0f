package iommulab.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Summaries per group and ratios against a baseline, over any numeric column of a Tablesaw table
 * (typically a record's qemu-io table grouped by {@code run_label} or a configuration column).
 *
 * <pre>{@code
 * List<Summary> s = Statistics.summarize(qemu, "bytes_per_second", "run_label");
 * List<Ratio> r = Statistics.ratios(qemu, "bytes_per_second", "strict", "run_label");
 * r.get(0).toString();  // "bytes_per_second lazy / strict = 17.29 (no interval: n = 1 over n = 1)"
 * }</pre>
 */
public final class Statistics {
  /** How intervals are computed; reports print this sentence. */
  public static final String CI_METHOD =
      "95% percentile bootstrap of the mean: 10000 resamples with replacement, fixed seed 1, "
          + "interval = 250th and 9750th smallest resampled mean; ratios resample both groups "
          + "independently; no interval when a group has one run";

  static final int RESAMPLES = 10_000;
  static final long SEED = 1L;

  private Statistics() {}

  /** Summarises {@code metric} per group of rows sharing the values of {@code groupColumns}. */
  public static List<Summary> summarize(Table table, String metric, String... groupColumns) {
    NumericColumn<?> values = numeric(table, metric);
    Groups groups = Groups.of(table, List.of(groupColumns));
    Values[] byGroup = values(values, groups);
    List<Summary> out = new ArrayList<>(groups.count());
    for (int g = 0; g < groups.count(); g++) {
      out.add(summarize(groups.keys.get(g), metric, byGroup[g].present, byGroup[g].missing));
    }
    return out;
  }

  /** Summarises one group's values (NaN values count as missing). */
  public static Summary summarize(List<String> group, String metric, double[] values) {
    double[] present = Arrays.stream(values).filter(d -> !Double.isNaN(d)).toArray();
    return summarize(group, metric, present, values.length - present.length);
  }

  /**
   * Every group's {@code metric} over the baseline group's, in order of first appearance; the
   * baseline itself is left out.
   *
   * @param baseline the baseline's group name as {@link Summary#group()} spells it
   */
  public static List<Ratio> ratios(
      Table table, String metric, String baseline, String... groupColumns) {
    NumericColumn<?> values = numeric(table, metric);
    Groups groups = Groups.of(table, List.of(groupColumns));
    int base = -1;
    List<String> names = new ArrayList<>();
    for (int g = 0; g < groups.count(); g++) {
      names.add(String.join(", ", groups.keys.get(g)));
      if (names.get(g).equals(baseline)) {
        base = g;
      }
    }
    if (base < 0) {
      throw new IllegalArgumentException(
          "baseline '" + baseline + "' is not a group of " + List.of(groupColumns) + "; groups are "
              + names);
    }
    Values[] byGroup = values(values, groups);
    double[] den = byGroup[base].present;
    List<Ratio> out = new ArrayList<>();
    for (int g = 0; g < groups.count(); g++) {
      if (g != base) {
        out.add(ratio(metric, names.get(g), byGroup[g].present, baseline, den));
      }
    }
    return out;
  }

  /** The ratio of the means of {@code num} over {@code den}, with a bootstrap interval. */
  public static Ratio ratio(
      String metric, String numerator, double[] num, String denominator, double[] den) {
    if (num.length == 0 || den.length == 0) {
      throw new IllegalArgumentException(
          "ratio " + metric + " " + numerator + " / " + denominator + " needs values on both sides;"
              + " got n = " + num.length + " over n = " + den.length);
    }
    double value = mean(num) / mean(den);
    double low = Double.NaN;
    double high = Double.NaN;
    if (num.length >= 2 && den.length >= 2) {
      SplittableRandom random = new SplittableRandom(SEED);
      double[] ratios = new double[RESAMPLES];
      for (int b = 0; b < RESAMPLES; b++) {
        ratios[b] = resampledMean(num, random) / resampledMean(den, random);
      }
      Arrays.sort(ratios);
      low = ratios[lowIndex()];
      high = ratios[highIndex()];
    }
    return new Ratio(metric, numerator, denominator, value, low, high, num.length, den.length);
  }

  /** The summaries as a table: group columns, then n, missing, median ... ci_high. */
  public static Table toTable(List<Summary> summaries, String... groupColumns) {
    Table t = Table.create("summary");
    for (int c = 0; c < groupColumns.length; c++) {
      StringColumn col = StringColumn.create(groupColumns[c]);
      for (Summary s : summaries) {
        col.append(s.groupValues().get(c));
      }
      t.addColumns(col);
    }
    StringColumn metric = StringColumn.create("metric");
    IntColumn n = IntColumn.create("n");
    IntColumn missing = IntColumn.create("missing");
    DoubleColumn[] stats = {
      DoubleColumn.create("median"), DoubleColumn.create("mean"), DoubleColumn.create("min"),
      DoubleColumn.create("max"), DoubleColumn.create("stddev"), DoubleColumn.create("ci_low"),
      DoubleColumn.create("ci_high")
    };
    for (Summary s : summaries) {
      metric.append(s.metric());
      n.append(s.n());
      missing.append(s.missing());
      double[] v = {s.median(), s.mean(), s.min(), s.max(), s.stddev(), s.ciLow(), s.ciHigh()};
      for (int i = 0; i < v.length; i++) {
        if (Double.isNaN(v[i])) {
          stats[i].appendMissing();
        } else {
          stats[i].append(v[i]);
        }
      }
    }
    t.addColumns(metric, n, missing);
    t.addColumns(stats);
    return t;
  }

  /** Four significant digits, plain notation: {@code 17.29}, {@code 157600000}, {@code 0.0621}. */
  public static String format(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == 0) {
      return "0";
    }
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  static Summary summarize(List<String> group, String metric, double[] present, int missing) {
    int n = present.length;
    if (n == 0) {
      double nan = Double.NaN;
      return new Summary(group, metric, 0, missing, nan, nan, nan, nan, nan, nan, nan);
    }
    double[] sorted = present.clone();
    Arrays.sort(sorted);
    double median =
        n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    double mean = mean(present);
    double stddev = Double.NaN;
    double low = Double.NaN;
    double high = Double.NaN;
    if (n >= 2) {
      double ss = 0;
      for (double x : present) {
        ss += (x - mean) * (x - mean);
      }
      stddev = Math.sqrt(ss / (n - 1));
      SplittableRandom random = new SplittableRandom(SEED);
      double[] means = new double[RESAMPLES];
      for (int b = 0; b < RESAMPLES; b++) {
        means[b] = resampledMean(present, random);
      }
      Arrays.sort(means);
      low = means[lowIndex()];
      high = means[highIndex()];
    }
    return new Summary(
        group, metric, n, missing, median, mean, sorted[0], sorted[n - 1], stddev, low, high);
  }

  private static int lowIndex() {
    return RESAMPLES / 40 - 1; // the 250th smallest: 2.5% of 10000
  }

  private static int highIndex() {
    return RESAMPLES - RESAMPLES / 40 - 1; // the 9750th smallest
  }

  private static double resampledMean(double[] x, SplittableRandom random) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += x[random.nextInt(x.length)];
    }
    return sum / x.length;
  }

  static double mean(double[] x) {
    double sum = 0;
    for (double d : x) {
      sum += d;
    }
    return sum / x.length;
  }

  /** Each group's present values and missing count, in one pass over the rows. */
  private record Values(double[] present, int missing) {}

  private static Values[] values(NumericColumn<?> column, Groups groups) {
    int[] of = groups.groupOfRow;
    int[] present = new int[groups.count()];
    int[] missing = new int[groups.count()];
    for (int r = 0; r < of.length; r++) {
      if (column.isMissing(r)) {
        missing[of[r]]++;
      } else {
        present[of[r]]++;
      }
    }
    double[][] arrays = new double[groups.count()][];
    for (int g = 0; g < arrays.length; g++) {
      arrays[g] = new double[present[g]];
    }
    int[] fill = new int[groups.count()];
    for (int r = 0; r < of.length; r++) {
      if (!column.isMissing(r)) {
        arrays[of[r]][fill[of[r]]++] = column.getDouble(r);
      }
    }
    Values[] out = new Values[arrays.length];
    for (int g = 0; g < arrays.length; g++) {
      out[g] = new Values(arrays[g], missing[g]);
    }
    return out;
  }

  static NumericColumn<?> numeric(Table table, String name) {
    if (Groups.column(table, name) instanceof NumericColumn<?> n) {
      return n;
    }
    throw new IllegalArgumentException(
        "column '" + name + "' of " + table.name() + " is " + table.column(name).type()
            + ", not numeric");
  }

  /**
   * {@code NAME = VALUE (95% CI LOW to HIGH)}, or why there is no interval: a ratio needs at least two
   * values on each side for one.
   */
  static String describeRatio(
      String name, double value, double ciLow, double ciHigh, int numeratorN, int denominatorN) {
    String head = name + " = " + format(value);
    return numeratorN >= 2 && denominatorN >= 2
        ? head + " (95% CI " + format(ciLow) + " to " + format(ciHigh) + ")"
        : head + " (no interval: n = " + numeratorN + " over n = " + denominatorN + ")";
  }
}
