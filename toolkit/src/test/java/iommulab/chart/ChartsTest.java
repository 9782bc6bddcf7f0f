package iommulab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import iommulab.analysis.StackProfile;
import iommulab.analysis.Statistics;
import iommulab.parse.ParseException;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ChartsTest {
  static Table qemu() {
    return Table.create(
        "qemu-io",
        StringColumn.create("run_id", "r1", "r2", "r3", "r4"),
        StringColumn.create("run_label", "strict", "strict", "lazy", "lazy"),
        DoubleColumn.create("requested_bytes", 4096, 65536, 4096, 65536),
        DoubleColumn.create(
            "bytes_per_second", 150.337 * (1 << 20), 160 * (1 << 20), 2.539 * (1L << 30),
            2.6 * (1L << 30)));
  }

  @Test
  void throughputBarsAreInMiBPerSecondWithExactHover() {
    Chart.PlotlyJson c =
        (Chart.PlotlyJson)
            Charts.throughputByConfiguration(
                Statistics.summarize(qemu(), "bytes_per_second", "run_label"));
    JsonObject layout = c.figure().getAsJsonObject("layout");
    assertEquals(
        "bytes_per_second by configuration (mean, whiskers: 95% bootstrap CI)",
        layout.getAsJsonObject("title").get("text").getAsString());
    assertEquals(
        "throughput (MiB/s, 1 MiB = 2^20 bytes)",
        layout.getAsJsonObject("yaxis").getAsJsonObject("title").get("text").getAsString());
    assertTrue(layout.get("showlegend").getAsBoolean());
    JsonArray data = c.figure().getAsJsonArray("data");
    JsonObject strict = data.get(0).getAsJsonObject();
    assertEquals("strict", strict.get("name").getAsString());
    // mean of 150.337 and 160 MiB/s, drawn in MiB/s; the exact figures in the text are Python's
    // repr of 150.337 * 2**20 and (150.337 + 160) * 2**20 / 2
    assertEquals((150.337 + 160) / 2, strict.getAsJsonArray("y").get(0).getAsDouble(), 1e-9);
    assertEquals(
        "strict: mean 162705965.056 bytes/s (155.2 MiB/s)<br>n = 2, median 162705965.056<br>"
            + "95% CI [157600000, 167800000]",
        strict.getAsJsonArray("text").get(0).getAsString());
    JsonObject errorY = strict.getAsJsonObject("error_y");
    assertEquals(160 - (150.337 + 160) / 2, errorY.getAsJsonArray("array").get(0).getAsDouble(), 1e-9);
    assertFalse(c.json().contains("MB/s"), "never MB/s");
  }

  @Test
  void sweepUsesALogBlockSizeAxis() {
    Chart c = Charts.sweep(qemu(), "bytes_per_second", "requested_bytes", "run_label");
    String html = c.html("sweep");
    assertTrue(html.contains("title: 'bytes_per_second by block size and run_label'"), html);
    assertTrue(html.contains("block size (bytes, log scale)"), html);
    assertTrue(html.contains("type: 'log'"), html);
    assertTrue(html.contains("throughput (MiB/s, 1 MiB = 2^20 bytes)"), html);
    assertTrue(html.contains("strict, block 4 KiB: mean 157639770.112 bytes/s (150.3 MiB/s), n = 1"), html);
  }

  @Test
  void icicleHasOneNodePerPrefixWithTotals() throws ParseException {
    StackProfile p = StackProfile.fromFolded("a;b 5\na;c 3\nd 2\n");
    Chart.PlotlyJson c = (Chart.PlotlyJson) Charts.icicle(p, "stacks");
    JsonObject t = c.figure().getAsJsonArray("data").get(0).getAsJsonObject();
    assertEquals("icicle", t.get("type").getAsString());
    assertEquals("[\"all\",\"/a\",\"/a;b\",\"/a;c\",\"/d\"]", t.get("ids").toString());
    assertEquals("[\"all (10 samples)\",\"a\",\"b\",\"c\",\"d\"]", t.get("labels").toString());
    assertEquals("[\"\",\"all\",\"/a\",\"/a\",\"all\"]", t.get("parents").toString());
    assertEquals("[10.0,8.0,5.0,3.0,2.0]", t.get("values").toString());
    assertEquals("total", t.get("branchvalues").getAsString());
  }

  @Test
  void differentialShowsChangeOtherMinusBaseline() throws ParseException {
    StackProfile strict = StackProfile.fromFolded("a;unmap;inv 10\na;map 4\n");
    StackProfile lazy = StackProfile.fromFolded("a;map 4\na;unmap;fq 3\n");
    Chart.PlotlyJson c =
        (Chart.PlotlyJson)
            Charts.differentialStacks(StackProfile.diff("strict", strict, "lazy", lazy), 10);
    JsonObject bar = c.figure().getAsJsonArray("data").get(0).getAsJsonObject();
    // a: 14 -> 7 (-7); unmap: 10 -> 3 (-7); inv: 10 -> 0 (-10); fq: 0 -> 3 (+3); map: 4 -> 4 (0).
    // Largest change drawn at the top, i.e. last; ties by name (a before unmap), then reversed.
    assertEquals("[\"map\",\"fq\",\"unmap\",\"a\",\"inv\"]", bar.get("y").toString());
    assertEquals("[0.0,3.0,-7.0,-7.0,-10.0]", bar.get("x").toString());
    assertEquals(
        "change in inclusive count (lazy − strict, samples)",
        c.figure().getAsJsonObject("layout").getAsJsonObject("xaxis").getAsJsonObject("title")
            .get("text").getAsString());
  }
}
