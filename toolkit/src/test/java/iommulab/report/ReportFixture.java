package iommulab.report;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import iommulab.config.EffectiveIommu;
import iommulab.parse.Tool;
import iommulab.record.Annotation;
import iommulab.record.BootSnapshot;
import iommulab.record.DerivedTable;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A small record modelled on the reference page's experiment (strict vs lazy invalidation, VFIO
 * nvme:// on 0003:04:00.0): qemu-io, perf stat and stackcount runs, with a note on the record, a
 * run and one value. Tables are given directly, as the parsers would derive them, so the report is
 * tested on its own.
 */
final class ReportFixture {
  static final String STRICT = "iommu.passthrough=0 iommu.strict=1";
  static final String LAZY = "iommu.passthrough=0 iommu.strict=0";

  final Experiment experiment;
  final Map<Tool, DerivedTable> tables = new LinkedHashMap<>();

  ReportFixture(Path dir) throws Exception {
    Manifest m =
        Manifest.create(
            "wiki-smmuv3-test", "SMMUv3 strict vs lazy <test>",
            "qemu-io reads through VFIO nvme:// under strict & lazy invalidation <script>alert(1)</script>",
            List.of("ana"), "2021-06-01T00:00:00Z",
            new Host("5.10.0", "Kunpeng 920", 96, 4, "console=ttyAMA0 iommu.strict=1"));
    Experiment e = Experiment.create(dir, m);
    e = run(e, "strict", "qemu-io", STRICT, "qemu-io -c 'read 0 1G' nvme://0003:04:00.0/1");
    e = run(e, "lazy", "qemu-io", LAZY, "qemu-io -c 'read 0 1G' nvme://0003:04:00.0/1");
    e = run(e, "strict", "perf-stat", STRICT, "perf stat -e smmuv3_pmcg_27ffe0202/transaction/ -a sleep 1");
    e = run(e, "strict", "perf-stat", STRICT, "perf stat -e smmuv3_pmcg_27ffe0202/tlb_miss/ -a sleep 1");
    e = run(e, "lazy", "perf-stat", LAZY, "perf stat -I 1000 -e smmuv3_pmcg_27ffe0202/transaction/ -a sleep 2");
    e = run(e, "strict", "stackcount", STRICT, "stackcount 'arm_smmu_*'");
    e = run(e, "lazy", "stackcount", LAZY, "stackcount 'arm_smmu_*'");
    e = e.annotate(Annotation.Target.record(), "ana", "Observed on a Kunpeng 920 in 2021.");
    e = e.annotate(Annotation.Target.run("r001"), "ana", "first read after reboot");
    // A value note needs the parsers to check its row; write it into the manifest as they would.
    e = e.annotate(Annotation.Target.record(), "ana", "strict is 17x slower");
    Path manifest = dir.resolve("manifest.json");
    String json = Files.readString(manifest, StandardCharsets.UTF_8);
    JsonObject root = JsonParser.parseString(json).getAsJsonObject();
    JsonObject last =
        root.getAsJsonArray("annotations").get(2).getAsJsonObject().getAsJsonObject("target");
    last.addProperty("kind", "value");
    last.addProperty("run_id", "r001");
    last.addProperty("tool", "qemu-io");
    last.addProperty("line", 3);
    last.addProperty("column", "bytes_per_second");
    Files.writeString(manifest, root.toString(), StandardCharsets.UTF_8);
    experiment = Experiment.open(dir);

    tables.put(Tool.QEMU_IO, new DerivedTable(qemu(), List.of()));
    tables.put(Tool.PERF_STAT, new DerivedTable(perf(), List.of()));
    tables.put(
        Tool.STACKCOUNT,
        new DerivedTable(stacks(), List.of("run r099: runs/r099/output.txt: an example problem")));
  }

  private static Experiment run(
      Experiment e, String label, String tool, String cmdline, String commandLine)
      throws Exception {
    Run template =
        new Run(
            null, label, tool, List.of(commandLine.split(" ")), commandLine,
            "2021-06-01T10:00:00Z", 1.5, 0, RunStatus.TRANSCRIBED, ParseStatus.NOT_CHECKED, "",
            null, List.of(),
            BootSnapshot.of(cmdline, "test", EffectiveIommu.unknown()),
            new Device("0003:04:00.0", "144d:a808", "vfio-pci", 0, "", ""),
            Map.of(),
            List.of());
    byte[] raw = ("output of " + commandLine + "\n").getBytes(StandardCharsets.UTF_8);
    return e.addRun(
        template, List.of(new Experiment.RawContent("output.txt", "output", raw, true)));
  }

  private static Table withRuns(Table t, String[] runId, String[] label) {
    Table out = Table.create(t.name());
    out.addColumns(StringColumn.create("run_id", runId), StringColumn.create("run_label", label));
    out.addColumns(t.columns().toArray(new tech.tablesaw.columns.Column<?>[0]));
    return out;
  }

  /** 150.337 MiB/s strict and 2.539 GiB/s lazy, from the reference page; plus a repeat of each. */
  static Table qemu() {
    Table t =
        Table.create(
            "qemu-io",
            IntColumn.create("index", 0, 0, 1, 1),
            StringColumn.create("op", "read", "read", "read", "read"),
            DoubleColumn.create("offset", 0, 0, 0, 0),
            DoubleColumn.create("requested_bytes", 1L << 30, 1L << 30, 1L << 30, 1L << 30),
            DoubleColumn.create("bytes", 1L << 30, 1L << 30, 1L << 30, 1L << 30),
            IntColumn.create("ops", 1, 1, 1, 1),
            DoubleColumn.create("seconds", 6.81, 0.39, 6.9, 0.4),
            DoubleColumn.create(
                "bytes_per_second", 150.337 * (1 << 20), 2.539 * (1L << 30), 148 * (1 << 20),
                2.5 * (1L << 30)),
            DoubleColumn.create("ops_per_second", 0.1468, 2.5392, 0.145, 2.5),
            IntColumn.create("line", 3, 3, 5, 5));
    return withRuns(
        t, new String[] {"r001", "r002", "r001", "r002"},
        new String[] {"strict", "lazy", "strict", "lazy"});
  }

  static Table perf() {
    double na = Double.NaN;
    String tr = "smmuv3_pmcg_27ffe0202/transaction/";
    String tlb = "smmuv3_pmcg_27ffe0202/tlb_miss/";
    Table t = Table.create("perf-stat");
    t.addColumns(
        IntColumn.create("run", 0, 0, 0, 0),
        DoubleColumn.create("interval_s", na, na, 1.000123, 2.000456),
        StringColumn.create("aggr", "", "", "", ""),
        IntColumn.create("aggr_cpus", 0, 0, 0, 0),
        StringColumn.create("event", tr, tlb, tr, tr),
        DoubleColumn.create("value", 622224, 38648, 4233791, 4100000),
        StringColumn.create("unit", "", "", "", ""),
        StringColumn.create("status", "counted", "counted", "counted", "counted"),
        DoubleColumn.create("run_pct", 100, 100, 100, 100),
        DoubleColumn.create("variance_pct", na, na, na, na),
        DoubleColumn.create("metric_value", na, na, na, na),
        StringColumn.create("metric_unit", "", "", "", ""),
        DoubleColumn.create("elapsed_s", 1.001, 1.001, na, na),
        IntColumn.create("line", 5, 5, 3, 4));
    return withRuns(
        t, new String[] {"r003", "r004", "r005", "r005"},
        new String[] {"strict", "strict", "lazy", "lazy"});
  }

  static Table stacks() {
    Table t =
        Table.create(
            "stackcount",
            IntColumn.create("stack_id", 0, 1, 0, 1),
            StringColumn.create(
                "folded",
                "el0_svc;__arm64_sys_ioctl;vfio_iommu_type1_ioctl;iommu_unmap;arm_smmu_unmap;arm_smmu_tlb_inv_page_nosync",
                "el0_svc;__arm64_sys_ioctl;vfio_iommu_type1_ioctl;iommu_map;arm_smmu_map",
                "el0_svc;__arm64_sys_ioctl;vfio_iommu_type1_ioctl;iommu_unmap;arm_smmu_unmap;arm_smmu_tlb_inv_page_nosync",
                "el0_svc;__arm64_sys_ioctl;vfio_iommu_type1_ioctl;iommu_map;arm_smmu_map"),
            IntColumn.create("count", 262276, 1000, 20000, 1000),
            IntColumn.create("line", 3, 40, 3, 40));
    return withRuns(
        t, new String[] {"r006", "r006", "r007", "r007"},
        new String[] {"strict", "strict", "lazy", "lazy"});
  }
}
