package iommulab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class StatisticsTest {
  /**
   * Hand-computed: values 2, 4, 4, 4, 5, 5, 7, 9 have mean 40/8 = 5, median (4+5)/2 = 4.5, squared
   * deviations 9+1+1+1+0+0+4+16 = 32, sample variance 32/7, stddev sqrt(32/7) = 2.138089935.
   */
  @Test
  void summaryMatchesHandComputedValues() {
    Summary s =
        Statistics.summarize(List.of("strict"), "bytes_per_second", new double[] {2, 4, 4, 4, 5, 5, 7, 9});
    assertEquals(8, s.n());
    assertEquals(0, s.missing());
    assertEquals(5.0, s.mean(), 0);
    assertEquals(4.5, s.median(), 0);
    assertEquals(2.0, s.min(), 0);
    assertEquals(9.0, s.max(), 0);
    assertEquals(2.138089935, s.stddev(), 1e-9);
    // the mean's bootstrap interval lies inside the data's range and around the mean
    assertTrue(s.ciLow() > 2 && s.ciLow() < 5, "ci low " + s.ciLow());
    assertTrue(s.ciHigh() > 5 && s.ciHigh() < 9, "ci high " + s.ciHigh());
  }

  @Test
  void oddCountMedianIsTheMiddleValue() {
    assertEquals(3.0, Statistics.summarize(List.of("g"), "m", new double[] {9, 1, 3}).median(), 0);
  }

  @Test
  void constantDataHasAZeroWidthInterval() {
    Summary s = Statistics.summarize(List.of("g"), "m", new double[] {7, 7, 7});
    assertEquals(7.0, s.ciLow(), 0);
    assertEquals(7.0, s.ciHigh(), 0);
    assertEquals(0.0, s.stddev(), 0);
  }

  /**
   * With two values a < b a resample's mean is a (probability 1/4), (a+b)/2 (1/2) or b (1/4), so
   * the 2.5th and 97.5th percentiles of 10000 resampled means are a and b.
   */
  @Test
  void twoValuesGiveTheirRangeAsTheBootstrapInterval() {
    Summary s = Statistics.summarize(List.of("g"), "m", new double[] {10, 20});
    assertEquals(10.0, s.ciLow(), 0);
    assertEquals(20.0, s.ciHigh(), 0);
  }

  @Test
  void oneRunSaysSoInsteadOfInventingASpread() {
    Summary s = Statistics.summarize(List.of("strict"), "bytes_per_second", new double[] {157639770.112});
    assertFalse(s.hasInterval());
    assertTrue(Double.isNaN(s.stddev()));
    assertTrue(Double.isNaN(s.ciLow()));
    assertEquals("n = 1: no interval", s.interval());
    assertEquals(
        "bytes_per_second strict: n = 1, mean 157600000, n = 1: no interval", s.toString());
  }

  @Test
  void nanAndMissingCellsAreCountedAsMissing() {
    Summary s = Statistics.summarize(List.of("g"), "m", new double[] {1, Double.NaN, 3});
    assertEquals(2, s.n());
    assertEquals(1, s.missing());
    assertEquals(2.0, s.mean(), 0);
  }

  /**
   * The reference page's two reads: 2.539 GiB/s lazy and 150.337 MiB/s strict, so lazy / strict =
   * 2.539 * 1024 / 150.337 = 17.2941...
   */
  @Test
  void ratioNamesWhatOverWhat() {
    Table t =
        Table.create(
            "qemu-io",
            StringColumn.create("run_label", "strict", "lazy"),
            DoubleColumn.create(
                "bytes_per_second", 150.337 * (1 << 20), 2.539 * (1L << 30)));
    List<Ratio> r = Statistics.ratios(t, "bytes_per_second", "strict", "run_label");
    assertEquals(1, r.size());
    assertEquals("bytes_per_second lazy / strict", r.get(0).name());
    assertEquals(2.539 * 1024 / 150.337, r.get(0).value(), 1e-12);
    assertEquals(
        "bytes_per_second lazy / strict = 17.29 (no interval: n = 1 over n = 1)",
        r.get(0).toString());
  }

  @Test
  void ratioWithRepeatsHasAnInterval() {
    Table t =
        Table.create(
            "qemu-io",
            StringColumn.create("mode", "strict", "strict", "lazy", "lazy"),
            DoubleColumn.create("bytes_per_second", 10, 10, 30, 30));
    Ratio r = Statistics.ratios(t, "bytes_per_second", "strict", "mode").get(0);
    assertEquals(3.0, r.value(), 0);
    assertEquals(3.0, r.ciLow(), 0);
    assertEquals(3.0, r.ciHigh(), 0);
    assertEquals("bytes_per_second lazy / strict = 3 (95% CI 3 to 3)", r.toString());
  }

  @Test
  void unknownBaselineNamesTheGroups() {
    Table t =
        Table.create(
            "t", StringColumn.create("mode", "strict", "lazy"), DoubleColumn.create("x", 1, 2));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Statistics.ratios(t, "x", "passthrough", "mode"));
    assertEquals(
        "baseline 'passthrough' is not a group of [mode]; groups are [strict, lazy]",
        e.getMessage());
  }

  @Test
  void groupsByTwoColumnsIncludingANumericOne() {
    Table t =
        Table.create(
            "t",
            StringColumn.create("mode", "strict", "strict", "lazy", "strict"),
            IntColumn.create("block_bytes", 4096, 65536, 4096, 4096),
            DoubleColumn.create("x", 1, 2, 3, 5));
    List<Summary> s = Statistics.summarize(t, "x", "mode", "block_bytes");
    assertEquals(
        List.of("strict, 4096", "strict, 65536", "lazy, 4096"),
        s.stream().map(Summary::group).toList());
    assertEquals(3.0, s.get(0).mean(), 0);
    assertEquals(2, s.get(0).n());
    Table table = Statistics.toTable(s, "mode", "block_bytes");
    assertEquals(
        List.of("mode", "block_bytes", "metric", "n", "missing", "median", "mean", "min", "max",
            "stddev", "ci_low", "ci_high"),
        table.columnNames());
    assertTrue(table.doubleColumn("stddev").isMissing(1), "n = 1 leaves stddev empty");
  }

  @Test
  void formatKeepsFourSignificantDigitsInPlainNotation() {
    assertEquals("17.29", Statistics.format(17.294));
    assertEquals("157600000", Statistics.format(157639770.112));
    assertEquals("0.06211", Statistics.format(38648.0 / 622224));
    assertEquals("3", Statistics.format(3.0));
  }
}
