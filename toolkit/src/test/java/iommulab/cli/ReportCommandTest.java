package iommulab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iommulab.chart.HeadlessChromium;
import iommulab.config.EffectiveIommu;
import iommulab.parse.Tool;
import iommulab.record.Annotation;
import iommulab.record.BootSnapshot;
import iommulab.record.Device;
import iommulab.record.Experiment;
import iommulab.record.Host;
import iommulab.record.Manifest;
import iommulab.record.ParseStatus;
import iommulab.record.Run;
import iommulab.record.RunStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iommulab report} end to end over a record of the reference page's published outputs
 * (the parsers' fixtures qemu-io/reference-strict1.txt, reference-strict0.txt,
 * perf-stat/published-reference-page.txt and stackcount/reference-arm_smmu.txt), parsed for real.
 */
class ReportCommandTest {
  @TempDir static Path dir;
  static Path record;

  @BeforeAll
  static void makeRecord() throws Exception {
    Path res = Path.of("src/test/resources");
    List<String> perf = Files.readAllLines(res.resolve("perf-stat/published-reference-page.txt"));
    int lazyPerf = perf.lastIndexOf("# perf stat -e smmuv3_pmcg_27ffe0202/transaction/ -a sleep 1");
    record = dir.resolve("wiki");
    Experiment e =
        Experiment.create(
            record,
            Manifest.create(
                "wiki", "SMMUv3 strict vs lazy", "The reference page's outputs.", List.of("ana"),
                "2021-06-01T00:00:00Z", new Host("5.10.0", "", 96, 4, "iommu.strict=1")));
    String strict = "iommu.passthrough=0 iommu.strict=1";
    String lazy = "iommu.passthrough=1 iommu.strict=0";
    e = run(e, "strict", "qemu-io", strict, Files.readString(res.resolve("qemu-io/reference-strict1.txt")));
    e = run(e, "lazy", "qemu-io", lazy, Files.readString(res.resolve("qemu-io/reference-strict0.txt")));
    e = run(e, "strict", "perf-stat", strict, String.join("\n", perf.subList(0, 7)) + "\n");
    e = run(e, "strict", "perf-stat", strict, String.join("\n", perf.subList(7, 14)) + "\n");
    e = run(e, "lazy", "perf-stat", lazy, String.join("\n", perf.subList(lazyPerf, perf.size())) + "\n");
    e = run(e, "strict", "stackcount", strict, Files.readString(res.resolve("stackcount/reference-arm_smmu.txt")));
    e.annotate(
        Annotation.Target.value("r001", Tool.QEMU_IO, 5, "bytes_per_second"), "ana",
        "strict read of 1 GiB");
  }

  private static Experiment run(Experiment e, String label, String tool, String cmdline, String raw)
      throws Exception {
    String command = raw.lines().findFirst().orElseThrow().replaceFirst("^# ", "");
    Run template =
        new Run(
            null, label, tool, List.of(command.split(" ")), command, "2021-06-01T10:00:00Z", null,
            0, RunStatus.TRANSCRIBED, ParseStatus.NOT_CHECKED, "", null, List.of(),
            BootSnapshot.of(cmdline, "reference page", EffectiveIommu.unknown()),
            new Device("0003:04:00.0", "144d:a808", "vfio-pci", null, "", ""), Map.of(), List.of());
    return e.addRun(
        template,
        List.of(
            new Experiment.RawContent(
                "output.txt", "output", raw.getBytes(StandardCharsets.UTF_8), true)));
  }

  @Test
  void writesOneSelfContainedPageThatDrawsOffline() throws Exception {
    Path out = dir.resolve("wiki.html");
    CliRun r = CliRun.run("report", record.toString(), "--out", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("wrote " + out + "\n", r.out());
    String html = Files.readString(out);
    // 2.539 GiB/s over 150.337 MiB/s = 2.539 * 1024 / 150.337 = 17.294...
    assertTrue(
        html.contains("bytes_per_second lazy / strict = 17.29 (no interval: n = 1 over n = 1)"));
    // (38648 / 1.002244245) / (622224 / 1.002288245) = 0.0621154... (python): rates, not counts,
    // are divided, so the two runs' elapsed times matter in the fourth digit (counts give 0.06211)
    assertTrue(
        html.contains(
            "smmuv3_pmcg_27ffe0202/tlb_miss/ per smmuv3_pmcg_27ffe0202/transaction/ (strict) = 0.06212"),
        html.substring(html.indexOf("<h2 id=\"perf-stat\">"), html.indexOf("<h2 id=\"perf-stat\">") + 2500));
    assertTrue(html.contains("<td class=\"annotated\">157639770.112<div class=\"note\">strict read of 1 GiB"));
    assertTrue(html.contains("arm_smmu_tlb_inv_page_nosync"));
    assertTrue(html.contains("<pre class=\"command\">qemu-io -c &#39;read 0 1G&#39; nvme://0003:04:00.0/1</pre>"));

    HeadlessChromium.Rendered page = HeadlessChromium.render(out, 20_000);
    int charts = 0;
    for (int i = 1; html.contains("<div id=\"chart_" + i + "\""); i++) {
      assertTrue(page.drew("chart_" + i), "chart_" + i + " drew");
      charts++;
    }
    assertEquals(4, charts, "throughput, repeated runs, counters per second, one icicle");
    assertEquals(List.of(), page.nonFileUrls());
  }

  @Test
  void groupsByAConfigurationColumnAgainstAChosenBaseline() throws Exception {
    Path out = dir.resolve("by-strict.html");
    CliRun r =
        CliRun.run("report", record.toString(), "--out", out.toString(), "--group", "iommu_strict",
            "--baseline", "1");
    assertEquals(0, r.exitCode(), r.err());
    String html = Files.readString(out);
    assertTrue(html.contains("bytes_per_second 0 / 1 = 17.29 (no interval: n = 1 over n = 1)"));
    assertTrue(html.contains("<th>iommu_strict</th><th>n</th>"));
  }

  @Test
  void groupingByRunIdIsAllowed() throws Exception {
    Path out = dir.resolve("by-run.html");
    CliRun r =
        CliRun.run("report", record.toString(), "--out", out.toString(), "--group", "run_id");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.readString(out).contains("bytes_per_second r002 / r001 = 17.29"));
  }

  @Test
  void unknownBaselineIsAUsageErrorNamingTheGroups() {
    CliRun r =
        CliRun.run("report", record.toString(), "--out", dir.resolve("y.html").toString(),
            "--baseline", "passthrough");
    assertEquals(1, r.exitCode());
    assertEquals(
        "iommulab report: baseline 'passthrough' is not a group of [run_label]; groups are"
            + " [strict, lazy]\n",
        r.err());
  }

  @Test
  void unknownGroupColumnIsAUsageErrorNamingTheColumns() {
    CliRun r =
        CliRun.run("report", record.toString(), "--out", dir.resolve("x.html").toString(),
            "--group", "colour");
    assertEquals(1, r.exitCode());
    assertTrue(
        r.err().startsWith(
            "iommulab report: cannot group by 'colour': the qemu-io table has no such column;"
                + " its columns are [run_id, run_label, run_status, iommu_passthrough,"),
        r.err());
  }

  @Test
  void missingRecordIsAUsageError() {
    CliRun r = CliRun.run("report", dir.resolve("nope").toString());
    assertEquals(1, r.exitCode());
    assertEquals("iommulab report: " + dir.resolve("nope") + ": not a record directory\n", r.err());
  }
}
