package iommulab.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iommulab.parse.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentTest {
  @TempDir Path tmp;

  /** A qemu-io transcript as printed on this VM by `qemu-io -c 'read 0 4k' -c 'read 0 64k' null-co://`. */
  static final String QEMU = "read 4096/4096 bytes at offset 0\n"
      + "4 KiB, 1 ops; 00.00 sec (46.788 MiB/sec and 11977.7693 ops/sec)\n"
      + "read 65536/65536 bytes at offset 0\n"
      + "64 KiB, 1 ops; 00.00 sec (502.421 MiB/sec and 8038.7408 ops/sec)\n";

  private Experiment withOneRun() throws IOException, RecordException {
    Experiment e = Experiment.create(tmp.resolve("rec"), RecordFixtures.manifest("rec"));
    return e.addRun(RecordFixtures.template("strict", "qemu-io"), List.of(
        new Experiment.RawContent("output.txt", "output", QEMU.getBytes(StandardCharsets.UTF_8), true)));
  }

  @Test
  void writeReadEqual() throws Exception {
    Experiment e = withOneRun();
    e = e.annotate(Annotation.Target.run("r001"), "ana", "cold cache");
    Experiment reread = Experiment.open(e.dir());
    assertEquals(e.manifest(), reread.manifest());
    assertEquals(List.of(), reread.problems());
    Run r = reread.manifest().run("r001");
    assertEquals("runs/r001/output.txt", r.parsedFile());
    assertEquals(QEMU, Files.readString(reread.path(r.files().get(0))));
    assertEquals(QEMU.length(), r.files().get(0).bytes());
  }

  @Test
  void derivedTableJoinsRunAndConfigurationColumns() throws Exception {
    Experiment e = withOneRun();
    e = e.addRun(RecordFixtures.template("lazy", "qemu-io"), List.of(
        new Experiment.RawContent("output.txt", "output", QEMU.getBytes(StandardCharsets.UTF_8), true)));
    var t = e.table(Tool.QEMU_IO);
    assertEquals(4, t.rowCount());
    assertEquals(List.of("run_id", "run_label", "run_status", "iommu_passthrough", "iommu_strict", "cma",
        "driver", "kernel_dma", "vfio_dma", "block_size"), t.columnNames().subList(0, 10));
    assertEquals(List.of("r001", "r001", "r002", "r002"), t.stringColumn("run_id").asList());
    assertEquals("1", t.stringColumn("iommu_passthrough").get(0));
    assertEquals("0", t.stringColumn("iommu_strict").get(0));
    assertEquals("0", t.stringColumn("cma").get(0));
    assertEquals("vfio-pci", t.stringColumn("driver").get(0));
    assertEquals("BYPASS", t.stringColumn("kernel_dma").get(0));
    assertEquals("TRANSLATED/LAZY", t.stringColumn("vfio_dma").get(0));
    assertEquals("4096", t.stringColumn("block_size").get(3));
    assertEquals(65536.0, ((Number) t.column("bytes").get(1)).doubleValue());
    assertEquals(3.0, ((Number) t.column("line").get(1)).doubleValue());
  }

  @Test
  void exportWritesCanonicalCsv() throws Exception {
    Experiment e = withOneRun();
    List<Path> files = e.exportCsv(tmp.resolve("out"));
    assertEquals(List.of(tmp.resolve("out/qemu-io.csv")), files);
    List<String> lines = Files.readAllLines(files.get(0));
    assertEquals(3, lines.size());
    assertTrue(lines.get(0).startsWith("run_id,run_label,run_status,iommu_passthrough,iommu_strict,cma,"
        + "driver,kernel_dma,vfio_dma,block_size,"), lines.get(0));
    assertTrue(lines.get(1).startsWith("r001,strict,complete,1,0,0,vfio-pci,BYPASS,TRANSLATED/LAZY,4096,"),
        lines.get(1));
  }

  @Test
  void valueAnnotationsAreCheckedAndStable() throws Exception {
    Experiment e = withOneRun();
    e = e.annotate(Annotation.Target.value("r001", Tool.QEMU_IO, 3, "bytes_per_second"), "ana",
        "64 KiB is the fastest here");
    Experiment reread = Experiment.open(e.dir());
    List<Annotation> notes =
        reread.annotationsOn(Annotation.Target.value("r001", Tool.QEMU_IO, 3, "bytes_per_second"));
    assertEquals(1, notes.size());
    assertEquals("a001", notes.get(0).id());
    assertEquals("64 KiB is the fastest here", notes.get(0).text());
    Experiment again = reread;
    RecordException noRow = assertThrows(RecordException.class, () -> again.annotate(
        Annotation.Target.value("r001", Tool.QEMU_IO, 2, "bytes"), "ana", "x"));
    assertEquals("run r001 has no qemu-io row at line 2", noRow.getMessage());
    RecordException noColumn = assertThrows(RecordException.class, () -> again.annotate(
        Annotation.Target.value("r001", Tool.QEMU_IO, 1, "rate"), "ana", "x"));
    assertEquals("the qemu-io table has no column 'rate'", noColumn.getMessage());
    RecordException noRun = assertThrows(RecordException.class, () -> again.annotate(
        Annotation.Target.run("r009"), "ana", "x"));
    assertEquals("no run 'r009' in record rec", noRun.getMessage());
  }

  @Test
  void shaMismatchIsNamed() throws Exception {
    Experiment e = withOneRun();
    Path raw = e.dir().resolve("runs/r001/output.txt");
    String expected = e.manifest().run("r001").files().get(0).sha256();
    Files.writeString(raw, QEMU.replace("46.788", "46.789"));
    Experiment reread = Experiment.open(e.dir());
    assertEquals(1, reread.problems().size());
    Problem p = reread.problems().get(0);
    assertEquals(Problem.Kind.INTEGRITY, p.kind());
    assertEquals("run r001: runs/r001/output.txt: sha256 mismatch: manifest says " + expected
        + ", file has " + Sha256.of(raw) + " (" + QEMU.length() + " bytes, manifest says "
        + QEMU.length() + ")", p.message());
  }

  @Test
  void missingFileIsNamed() throws Exception {
    Experiment e = withOneRun();
    Files.delete(e.dir().resolve("runs/r001/output.txt"));
    assertEquals("run r001: runs/r001/output.txt is missing",
        Experiment.open(e.dir()).problems().get(0).message());
  }

  @Test
  void newerSchemaIsRefusedByName() throws Exception {
    Experiment e = withOneRun();
    Path m = e.dir().resolve("manifest.json");
    Files.writeString(m, Files.readString(m).replace("\"schema_version\": 1", "\"schema_version\": 2"));
    RecordException ex = assertThrows(RecordException.class, () -> Experiment.open(e.dir()));
    assertEquals(m + ": schema_version 2 is not supported; this iommulab reads schema_version 1 "
        + "(the record was written by a newer iommulab)", ex.getMessage());
  }

  @Test
  void wrongSchemaAndBrokenJsonAreRefused() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("odd"));
    Path m = dir.resolve("manifest.json");
    Files.writeString(m, "{\"schema\": \"something-else\", \"schema_version\": 1}");
    assertEquals(m + ": \"schema\" is \"something-else\"; expected \"iommulab-record\"",
        assertThrows(RecordException.class, () -> Experiment.open(dir)).getMessage());
    Files.writeString(m, "{\"schema\": \"iommulab-record\", \"schema_version\": 1, \"id\": \"x\", "
        + "\"runs\": [{\"id\": \"r001\", \"status\": \"complete\", \"files\": [{\"path\": \"../../etc/passwd\"}]}]}");
    assertEquals(m + ": run r001: '../../etc/passwd' escapes or does not name a place in the record "
        + "(empty, '.' or '..' element)",
        assertThrows(RecordException.class, () -> Experiment.open(dir)).getMessage());
    Files.writeString(m, "{\"schema\": \"iommulab-record\", \"schema_version\": 1, \"id\": \"x\", "
        + "\"runs\": [{\"id\": \"r001\", \"status\": \"complete\", \"files\": [{\"path\": \"/etc/passwd\"}]}]}");
    assertEquals(m + ": run r001: '/etc/passwd' is an absolute path",
        assertThrows(RecordException.class, () -> Experiment.open(dir)).getMessage());
  }

  @Test
  void createRefusesANonEmptyDirectory() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("busy"));
    Files.writeString(dir.resolve("x"), "x");
    assertEquals(dir + ": not empty; a new record needs an empty or new directory",
        assertThrows(RecordException.class,
            () -> Experiment.create(dir, RecordFixtures.manifest("busy"))).getMessage());
  }

  @Test
  void hostAndDeviceAreReadFromARootTree() throws Exception {
    Path root = Path.of("src/test/resources/record/host");
    Host h = Host.probe(root);
    assertEquals("6.18.44-fc-v782", h.kernelRelease());
    assertEquals("AMD EPYC", h.cpuModel());
    assertEquals(2, h.cores());
    assertEquals(1, h.numaNodes());
    assertEquals(new Device("0000:00:02.0", "1af4:1042", "virtio-pci", null, "", ""),
        Device.probe(root, "0000:00:02.0"));
    assertEquals(new Device("0003:04:00.0", "144d:a808", "vfio-pci", 1, "47", "DMA-FQ"),
        Device.probe(root, "0003:04:00.0"));
    assertEquals(new Device("0000:09:00.0", "", "", null, "", ""), Device.probe(root, "0000:09:00.0"));
  }
}
