package iommulab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iommulab.chart.HeadlessChromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  @TempDir static Path dir;
  static ReportFixture fixture;
  static String html;

  @BeforeAll
  static void render() throws Exception {
    fixture = new ReportFixture(dir.resolve("record"));
    html = Report.html(fixture.experiment, fixture.tables, ReportOptions.defaults());
  }

  private static int count(String needle) {
    int n = 0;
    for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static List<String> chartIds() {
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("<div id=\"(chart_\\d+)\" class=\"iommulab-chart\">").matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  @Test
  void plotlyIsInlinedOnceAndNothingIsLoadedFromAUrl() {
    assertEquals(1, count("plotly.js v2.35.3"));
    assertFalse(html.contains("<script src"), "no external script");
    assertFalse(html.contains("<link"), "no external stylesheet");
  }

  @Test
  void descriptionAndTitleAreEscaped() {
    assertTrue(html.contains("<title>SMMUv3 strict vs lazy &lt;test&gt;</title>"));
    assertTrue(
        html.contains(
            "under strict &amp; lazy invalidation &lt;script&gt;alert(1)&lt;/script&gt;</p>"));
    assertFalse(html.contains("<script>alert(1)"));
  }

  @Test
  void configurationTableShowsEachRunsBootSettingsAndDevice() {
    assertTrue(html.contains("<th>iommu.strict</th>"), html.substring(0, 0));
    assertTrue(html.contains("<td>r001</td><td>strict</td><td>qemu-io</td>"));
    assertTrue(html.contains("0003:04:00.0 144d:a808 (vfio-pci), NUMA node 0"));
  }

  @Test
  void ratiosNameWhatOverWhat() {
    // means: lazy (2.539 + 2.5) / 2 GiB/s, strict (150.337 + 148) / 2 MiB/s, ratio 17.295... With
    // two runs a side each extreme resample (both runs the same) has probability 1/4, so a ratio's
    // extreme (1/16 = 6.25%) lies beyond the 2.5% tails: the interval is the extreme pairs,
    // 2.5 * 1024 / 150.337 = 17.028 to 2.539 * 1024 / 148 = 17.567.
    assertTrue(
        html.contains(
            "<li class=\"ratio\">bytes_per_second lazy / strict = 17.3 (95% CI 17.03 to 17.57)</li>"));
    assertTrue(
        html.contains(
            "smmuv3_pmcg_27ffe0202/tlb_miss/ per smmuv3_pmcg_27ffe0202/transaction/ (strict) = 0.06211"));
  }

  @Test
  void everyAnnotationIsBesideWhatItAnnotates() {
    int header = html.indexOf("<h1>");
    int config = html.indexOf("<h2 id=\"configurations\">");
    int recordNote = html.indexOf("Observed on a Kunpeng 920 in 2021.");
    assertTrue(header < recordNote && recordNote < config, "record note under the title");
    int runNote = html.indexOf("first read after reboot");
    assertTrue(runNote > config && runNote < html.indexOf("<h2 id=\"qemu-io\">"), "run note");
    int provenance = html.indexOf("<h2 id=\"provenance\">");
    assertTrue(html.indexOf("first read after reboot", provenance) > 0, "and in provenance");
    // the value note sits in the annotated cell of the qemu-io table: r001, line 3, bytes_per_second
    assertTrue(
        html.contains(
            "<td class=\"annotated\">157639770.112<div class=\"note\">strict is 17x slower"),
        "value note in its cell");
    assertTrue(html.contains("<code>r001 qemu-io line 3 bytes_per_second</code>: strict is 17x slower"));
  }

  @Test
  void provenanceListsCommandLinesHostAndRawFileHashes() throws Exception {
    assertTrue(html.contains("<pre class=\"command\">qemu-io -c &#39;read 0 1G&#39; nvme://0003:04:00.0/1</pre>"));
    assertTrue(html.contains("<td>5.10.0</td><td>Kunpeng 920</td><td>96</td><td>4</td>"));
    // the sha256 the record computed is the one of the bytes on disk: check independently
    byte[] raw = Files.readAllBytes(dir.resolve("record/runs/r001/output.txt"));
    String sha = java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(raw));
    assertTrue(html.contains("<td>runs/r001/output.txt</td><td>output</td><td>" + raw.length
        + "</td><td>" + sha + "</td>"));
    assertTrue(html.contains("<li class=\"problem\">run r099: runs/r099/output.txt: an example problem</li>"));
  }

  @Test
  void chartsForEveryKind() {
    List<String> ids = chartIds();
    // throughput, repeated runs, counters/s, perf -I series, two icicles, one differential
    assertEquals(7, ids.size(), ids.toString());
    assertTrue(html.contains("bytes_per_second by configuration (mean, whiskers: 95% bootstrap CI)"));
    assertTrue(html.contains("throughput (MiB/s, 1 MiB = 2^20 bytes)"));
    assertFalse(html.contains("MB/s"), "never MB/s");
    assertTrue(html.contains("smmuv3_pmcg_27ffe0202/transaction/ per second over time (perf stat -I)"));
    assertTrue(html.contains("Stacks of strict (icicle: root at top)"));
    assertTrue(html.contains("lazy − strict"));
  }

  @Test
  void everyChartDrawsInHeadlessChromiumWithNoNetwork() throws Exception {
    Path page = dir.resolve("report.html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    HeadlessChromium.Rendered r = HeadlessChromium.render(page, 20_000);
    List<String> ids = chartIds();
    assertFalse(ids.isEmpty());
    for (String id : ids) {
      assertTrue(r.drew(id), "chart " + id + " has no plotly main-svg");
    }
    assertEquals(List.of(), r.nonFileUrls(), "the report requested something from a network");
  }
}
