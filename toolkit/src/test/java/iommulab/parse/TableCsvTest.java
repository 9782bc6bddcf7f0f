package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableCsvTest {
  @Test
  void numbersArePlainAndMissingIsEmpty() {
    Table t =
        Table.create(
            "t",
            LongColumn.create("bytes", new long[] {1073741824L, 0}),
            DoubleColumn.create("bytes_per_second", new double[] {157639770.112, Double.NaN}),
            FloatColumn.create("run_pct", new float[] {75.03f, 100f}),
            StringColumn.create("event", "smmuv3_pmcg_27ffe0202/transaction/", "a,\"b\""));
    assertEquals(
        "bytes,bytes_per_second,run_pct,event\n"
            + "1073741824,157639770.112,75.03,smmuv3_pmcg_27ffe0202/transaction/\n"
            + "0,,100,\"a,\"\"b\"\"\"\n",
        TableCsv.toString(t));
  }

  @Test
  void largeAndTinyDoublesStayPlain() {
    // shortest decimal that round-trips, not digits the double does not hold
    assertEquals("12345678901234567000", TableCsv.number(1.2345678901234567e19));
    assertEquals("0.000001", TableCsv.number(1e-6));
    assertEquals("2726230491.136", TableCsv.number(2.539 * 1073741824));
  }
}
