package iommulab.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class QemuIoTest {
  private static final String STRICT1 =
      "# qemu-io -c 'read 0 1G' nvme://0003:04:00.0/1\n"
          + "WARNING: Image format was not specified for 'nvme://0003:04:00.0/1' and probing guessed raw.\n"
          + "         Automatically detecting the format is dangerous for raw images, write operations on block 0 will be restricted.\n"
          + "         Specify the 'raw' format explicitly to remove the restrictions.\n"
          + "read 1073741824/1073741824 bytes at offset 0\n"
          + "1 GiB, 1 ops; 0:00:06.81 (150.337 MiB/sec and 0.1468 ops/sec)\n";

  private static QemuIoResult fixture(String name) throws Exception {
    return QemuIoGoldenTest.fixture(name, false);
  }

  private static ParseException malformed(String text) {
    return assertThrows(ParseException.class, () -> QemuIo.parse(text));
  }

  private static double exactly(String decimal, int powerOf1024) {
    return new BigDecimal(decimal).multiply(BigDecimal.valueOf(2).pow(10 * powerOf1024)).doubleValue();
  }

  @Test
  void referencePageStrictModeReport() throws Exception {
    QemuIoResult r = QemuIo.parse(STRICT1);
    Table t = r.table();
    assertEquals(1, t.rowCount());
    assertEquals("read", t.stringColumn("op").get(0));
    assertEquals(1073741824L, t.longColumn("bytes").get(0));
    assertEquals(1073741824L, t.longColumn("requested_bytes").get(0));
    assertEquals(6.81, t.doubleColumn("seconds").get(0));
    assertEquals(exactly("150.337", 2), t.doubleColumn("bytes_per_second").get(0));
    assertEquals(157639770.112, t.doubleColumn("bytes_per_second").get(0));
    assertEquals(0.1468, t.doubleColumn("ops_per_second").get(0));
    assertEquals(5L, t.longColumn("line").get(0));
    assertEquals("qemu-io -c 'read 0 1G' nvme://0003:04:00.0/1", r.facts().get("command"));
    assertEquals("nvme://0003:04:00.0/1", r.facts().get("target"));
    assertEquals("raw", r.facts().get("format_probed"));
    assertEquals(
        List.of(new Warning(2, "Image format was not specified for 'nvme://0003:04:00.0/1'"
            + " and probing guessed raw.")),
        r.warnings());
    assertEquals("qemu-io: 1 report (1 read, 0 write), 0 errors, 0 unrecognized lines", r.summary());
  }

  @Test
  void referencePagePassthroughReport() throws Exception {
    Table t = fixture("reference-strict0.txt").table();
    assertEquals(0.39, t.doubleColumn("seconds").get(0));
    assertEquals(2726230491.136, t.doubleColumn("bytes_per_second").get(0));
    assertEquals(exactly("2.539", 3), t.doubleColumn("bytes_per_second").get(0));
    assertEquals(2.5392, t.doubleColumn("ops_per_second").get(0));
  }

  @Test
  void factsAreOrderedAndCountReports() throws Exception {
    QemuIoResult r = QemuIo.parse(STRICT1);
    assertEquals(
        List.of("command", "target", "format_probed", "reports", "read_reports", "write_reports",
            "discard_reports", "terse_reports", "read_bytes", "written_bytes", "discarded_bytes",
            "hex_dump_lines", "pattern_failures", "prompts", "tool_errors", "warnings",
            "unrecognized_lines"),
        List.copyOf(r.facts().keySet()));
    assertEquals(1, r.facts().get("reports"));
    assertEquals(1073741824L, r.facts().get("read_bytes"));
  }

  @Test
  void preQemu42TimeAndLargeUnits() throws Exception {
    Table t =
        QemuIo.parse(
                "read 512/512 bytes at offset 0\n"
                    + "512 bytes, 1 ops; 0.0001 sec (3.649 MiB/sec and 7473.5202 ops/sec)\n"
                    + "wrote 65536/65536 bytes at offset 512\n"
                    + "64 KiB, 1 ops; 00.00 sec (1.500 PiB/sec and 1 ops/sec)\n"
                    + "discard 65536/65536 bytes at offset 1024\n"
                    + "64 KiB, 1 ops; 25:00:00.00 (2 EiB/sec and 0.0000 ops/sec)\n")
            .table();
    assertEquals(0.0001, t.doubleColumn("seconds").get(0));
    assertEquals(exactly("3.649", 2), t.doubleColumn("bytes_per_second").get(0));
    assertEquals("write", t.stringColumn("op").get(1));
    assertEquals(512L, t.longColumn("offset").get(1));
    assertEquals(1.5 * Math.pow(2, 50), t.doubleColumn("bytes_per_second").get(1));
    assertEquals("discard", t.stringColumn("op").get(2));
    assertEquals(90000.0, t.doubleColumn("seconds").get(2));
    assertEquals(Math.pow(2, 61), t.doubleColumn("bytes_per_second").get(2));
  }

  @Test
  void zeroDurationPrintsInfinity() throws Exception {
    Table t =
        QemuIo.parse(
                "read 512/512 bytes at offset 0\n"
                    + "512 bytes, 1 ops; 00.00 sec (inf EiB/sec and inf ops/sec)\n"
                    + "512,1,0:00:00.00,inf,inf\n")
            .table();
    assertEquals(Double.POSITIVE_INFINITY, t.doubleColumn("bytes_per_second").get(0));
    assertEquals(Double.POSITIVE_INFINITY, t.doubleColumn("ops_per_second").get(1));
    assertEquals("0,read,0,512,512,1,0,inf,inf,1", TableCsv.toString(t).split("\n")[1]);
  }

  @Test
  void terseLineHasNoOpOrOffset() throws Exception {
    QemuIoResult r = QemuIo.parse("4096,1,0:00:00.00,46813033.590,11428.963\n");
    assertEquals(
        "index,op,offset,requested_bytes,bytes,ops,seconds,bytes_per_second,ops_per_second,line\n"
            + "0,,,,4096,1,0,46813033.59,11428.963,1\n",
        TableCsv.toString(r.table()));
    assertEquals("qemu-io: 1 report (0 read, 0 write, 1 -C), 0 errors, 0 unrecognized lines",
        r.summary());
  }

  @Test
  void malformedByteCountNamesLineColumnAndShape() {
    ParseException e = malformed("read 12x/512 bytes at offset 0\n");
    assertEquals(
        "<input>:1:6: bad byte count '12x'; expected '<op> N/N bytes at offset N'", e.getMessage());
    assertEquals("read 12x/512 bytes at offset 0", e.lineText());
  }

  @Test
  void malformedOffsetAfterPromptCountsThePromptInTheColumn() {
    ParseException e =
        malformed("qemu-io> read 512/512 bytes at offset 0\n512 bytes, 1 ops; 00.00 sec (1 MiB/sec and 1 ops/sec)\n"
            + "qemu-io> read 512/512 bytes at offset zero\n");
    assertEquals(
        "<input>:3:39: bad offset 'zero'; expected '<op> N/N bytes at offset N'", e.getMessage());
  }

  @Test
  void malformedStatisticsLine() {
    ParseException e =
        malformed("read 512/512 bytes at offset 0\n512 bytes, 1 ops; 00.00 sec (1.0 ZiB/sec and 1 ops/sec)\n");
    assertEquals(
        "<input>:2:34: bad size unit 'ZiB' (bytes, KiB, MiB, GiB, TiB, PiB or EiB); expected "
            + "'SIZE UNIT, N ops; TIME (RATE UNIT/sec and RATE ops/sec)'",
        e.getMessage());
    ParseException noSec = malformed("512 bytes, 1 ops; 00.00 (1.0 KiB/sec and 1 ops/sec)\n");
    assertEquals(
        "<input>:1:19: duration '00.00' without ' sec' (SS.ss sec or H:MM:SS.ss); expected "
            + "'SIZE UNIT, N ops; TIME (RATE UNIT/sec and RATE ops/sec)'",
        noSec.getMessage());
  }

  @Test
  void malformedTerseLine() {
    ParseException e = malformed("4096,1,0:00:0x.00,1.0,1.0\n");
    assertEquals(
        "<input>:1:8: bad duration '0:00:0x.00' (SS.ss sec or H:MM:SS.ss); expected "
            + "'BYTES,OPS,H:MM:SS.ss,BYTES_PER_SEC,OPS_PER_SEC' (-C)",
        e.getMessage());
  }

  @Test
  void strictRejectsUnknownLinesLenientKeepsThem() throws Exception {
    String text = "read 512/512 bytes at offset 0\n512 bytes, 1 ops; 00.00 sec (1 MiB/sec and 1 ops/sec)\n"
        + "hello world\n";
    ParseException e =
        assertThrows(ParseException.class,
            () -> QemuIo.parse(text, ParseOptions.defaults().withSource("run.txt").withStrict(true)));
    assertEquals(
        "run.txt:3:1: unrecognized line 'hello world'; expected qemu-io output (a report, -C line, "
            + "hex dump, map/alloc/length/info output, warning or error)",
        e.getMessage());
    QemuIoResult lenient = QemuIo.parse(text);
    assertEquals(List.of(new SourceLine(3, "hello world")), lenient.unrecognized());
    assertEquals("qemu-io: 1 report (1 read, 0 write), 0 errors, 1 unrecognized line", lenient.summary());
  }

  @Test
  void typedCommandIsAnEchoNotABrokenReport() throws Exception {
    QemuIoResult r = QemuIo.parse("qemu-io> read 0 4k\nqemu-io> quit\n",
        ParseOptions.defaults().withStrict(true));
    assertEquals(List.of("read 0 4k", "quit"), r.facts().get("commands"));
    assertEquals(0, r.table().rowCount());
  }

  @Test
  void emptyInput() throws Exception {
    QemuIoResult r = QemuIo.parse("");
    assertEquals(0, r.table().rowCount());
    assertEquals(10, r.table().columnCount());
    assertFalse(r.hasMeasurements());
    assertEquals("qemu-io: 0 reports, 0 errors, 0 unrecognized lines", r.summary());
  }

  @Test
  void crlfGivesTheSameTable() throws Exception {
    assertEquals(TableCsv.toString(QemuIo.parse(STRICT1).table()),
        TableCsv.toString(QemuIo.parse(STRICT1.replace("\n", "\r\n")).table()));
  }

  @Test
  void truncatedStatisticsLineKeepsTheHeadAndTheFragment() throws Exception {
    QemuIoResult r = QemuIo.parse("read 4096/4096 bytes at offset 0\n4 KiB, 1 ops; 00.0");
    assertEquals("0,read,0,4096,4096,,,,,1", TableCsv.toString(r.table()).split("\n")[1]);
    assertEquals(List.of(new SourceLine(2, "4 KiB, 1 ops; 00.0")), r.unrecognized());
    assertEquals(
        List.of(
            new Warning(2, "last line is cut short (no newline): duration '00.0' without ' sec'"
                + " (SS.ss sec or H:MM:SS.ss)"),
            new Warning(1, "report without its statistics line: ops, seconds and rates left empty")),
        r.warnings());
  }

  @Test
  void statisticsWithoutHeadKeepTheirNumbers() throws Exception {
    QemuIoResult r = QemuIo.parse("4 KiB, 1 ops; 00.01 sec (1 MiB/sec and 2 ops/sec)\n");
    assertEquals("0,,,,,1,0.01,1048576,2,1", TableCsv.toString(r.table()).split("\n")[1]);
    assertEquals(1, r.warnings().size());
  }

  @Test
  void binaryGarbageIsKeptNotFatal() throws Exception {
    QemuIoResult r = QemuIo.parse("\u0000\u0001\uFFFD\u007f garbage\n\u001b[0m\n");
    assertEquals(0, r.table().rowCount());
    assertEquals(2, r.unrecognized().size());
  }

  @Test
  void lockErrorIsOneToolErrorNamingTheImage() throws Exception {
    QemuIoResult r = fixture("lock-error.txt");
    assertEquals(
        List.of(new ToolError(1, "can't open device disk.qcow2: Failed to get \"write\" lock "
            + "Is another process using the image [disk.qcow2]?")),
        r.toolErrors());
    assertEquals("disk.qcow2", r.facts().get("target"));
    assertFalse(r.hasMeasurements());
    assertEquals("qemu-io: 0 reports, 1 error, 0 unrecognized lines", r.summary());
  }

  @Test
  void openError() throws Exception {
    QemuIoResult r = fixture("open-error.txt");
    assertEquals("/tmp/qio/nonexistent.img", r.facts().get("target"));
    assertEquals(1, r.toolErrors().size());
    assertTrue(r.toolErrors().get(0).message().startsWith("can't open device /tmp/qio/nonexistent.img: "));
  }

  @Test
  void argumentAndIoErrorsAreToolErrors() throws Exception {
    QemuIoResult r = fixture("argument-errors.txt");
    assertEquals(8, r.toolErrors().size());
    assertEquals(new ToolError(1, "bad argument count 1 to read, expected at least 2 arguments"),
        r.toolErrors().get(0));
    assertEquals(new ToolError(8, "read failed: Input/output error"), r.toolErrors().get(5));
    assertEquals("qemu-io: 1 report (0 read, 1 write), 8 errors, 0 unrecognized lines", r.summary());
    QemuIoResult blkdebug = fixture("blkdebug-io-errors.txt");
    assertEquals(6, blkdebug.toolErrors().size());
    assertEquals(new ToolError(1, "Failed to flush the L2 table cache: Input/output error"),
        blkdebug.toolErrors().get(0));
  }

  @Test
  void manyCommandsSummary() throws Exception {
    QemuIoResult r = fixture("raw-many-commands.txt");
    assertEquals(
        "qemu-io: 10 reports (3 read, 3 write, 1 discard, 3 -C), 1 error, 0 unrecognized lines",
        r.summary());
    assertEquals(512L + 1536 + 8192, r.facts().get("read_bytes"));
    assertEquals(65536L, r.facts().get("discarded_bytes"));
  }

  @Test
  void mapAllocLengthAndInfoBecomeFacts() throws Exception {
    Map<String, Object> f = fixture("qcow2-map-alloc-info.txt").facts();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> map = (List<Map<String, Object>>) f.get("map");
    assertEquals(4, map.size());
    assertEquals(Map.of("offset", 0L, "bytes", 65536L, "allocated", true), map.get(0));
    assertEquals(Map.of("offset", 65536L, "bytes", 983040L, "allocated", false), map.get(1));
    assertEquals(Map.of("offset", 0x120000L, "bytes", 0x3ee0000L, "allocated", false), map.get(3));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> alloc = (List<Map<String, Object>>) f.get("alloc");
    assertEquals(
        Map.of("allocated_bytes", 131072L, "requested_bytes", 4194304L, "offset", "1 MiB"),
        alloc.get(2));
    assertEquals("64 MiB", f.get("length"));
    assertEquals(67108864L, f.get("length_bytes"));
    assertEquals("qcow2", f.get("format_name"));
    assertEquals("64 KiB", f.get("cluster_size"));
    assertEquals("512 MiB", f.get("vm_state_offset"));
    assertEquals(
        Map.of("compat", "1.1", "compression type", "zlib", "lazy refcounts", "false",
            "refcount bits", "16", "corrupt", "false", "extended l2", "false"),
        f.get("format_specific"));
  }

  // info-qcow2-bitmaps.txt, info-vmdk-extents.txt: qemu nests format specific fields by four spaces;
  // "[0]:", "[1]:" open list items (a flat map kept only the last bitmap's and extent's fields)
  @Test
  void nestedFormatSpecificFieldsKeepEveryListItem() throws Exception {
    Map<String, Object> bitmaps = fixture("info-qcow2-bitmaps.txt").facts();
    Map<String, Object> expected = new java.util.LinkedHashMap<>();
    expected.put("compat", "1.1");
    expected.put("compression type", "zlib");
    expected.put("lazy refcounts", "false");
    expected.put("bitmaps", List.of(
        Map.of("flags", List.of("in-use", "auto"), "name", "bm0", "granularity", "65536"),
        Map.of("flags", List.of("in-use", "auto"), "name", "bm1", "granularity", "131072")));
    expected.put("refcount bits", "16");
    expected.put("corrupt", "false");
    expected.put("extended l2", "false");
    assertEquals(expected, bitmaps.get("format_specific"));
    assertEquals(List.copyOf(expected.keySet()),
        List.copyOf(((Map<?, ?>) bitmaps.get("format_specific")).keySet()));
    @SuppressWarnings("unchecked")
    Map<String, Object> vmdk = (Map<String, Object>) fixture("info-vmdk-extents.txt").facts().get("format_specific");
    assertEquals(List.of(
        Map.of("virtual size", "2147483648", "filename", "v-s001.vmdk", "cluster size", "65536", "format", "SPARSE"),
        Map.of("virtual size", "1073741824", "filename", "v-s002.vmdk", "cluster size", "65536", "format", "SPARSE")),
        vmdk.get("extents"));
    assertEquals("twoGbMaxExtentSparse", vmdk.get("create type"));
  }

  @Test
  void interactivePipePromptsDumpsAndPatternFailure() throws Exception {
    QemuIoResult r = fixture("interactive-pipe.txt");
    assertEquals(6, r.facts().get("prompts"));
    assertEquals(3L, r.facts().get("hex_dump_lines"));
    assertEquals(1, r.facts().get("pattern_failures"));
    assertEquals(List.of(new ToolError(10, "Pattern verification failed at offset 0, 4096 bytes")),
        r.toolErrors());
    assertEquals(67108864L, r.facts().get("length_bytes"));
    assertEquals(4, r.table().rowCount());
  }

  @Test
  void terminalCaptureEchoesCommands() throws Exception {
    QemuIoResult r = fixture("interactive-tty.txt");
    assertEquals(List.of("read 0 4k", "read -v 0 16", "frobnicate", "quit"), r.facts().get("commands"));
    assertEquals(List.of(new ToolError(9, "command \"frobnicate\" not found")), r.toolErrors());
  }

  @Test
  void iotestsFilteredTimingsAreEmptyWithWarnings() throws Exception {
    QemuIoResult r = fixture("iotests-filtered.txt");
    assertEquals(
        List.of(
            new Warning(1, "timing filtered to X (qemu iotests): ops, seconds and rates left empty"),
            new Warning(3, "timing filtered to X (qemu iotests): ops, seconds and rates left empty")),
        r.warnings());
    assertTrue(r.table().longColumn("ops").isMissing(0));
    assertTrue(r.table().doubleColumn("seconds").isMissing(1));
    QemuIoResult offsets = fixture("iotests-046-filtered.txt");
    assertEquals(new Warning(1, "byte counts or offsets filtered to X (qemu iotests): left empty"),
        offsets.warnings().get(0));
    assertEquals(6, offsets.warnings().size());
    assertEquals(0L, offsets.facts().get("written_bytes"));
  }

  @Test
  void parsesFromPathAndReader() throws Exception {
    Path tmp = Files.createTempFile("qemu-io", ".txt");
    try {
      Files.writeString(tmp, STRICT1);
      assertEquals(tmp.toString(), QemuIo.parse(tmp).source());
      assertEquals(1,
          QemuIo.parse(new java.io.StringReader(STRICT1), ParseOptions.defaults()).table().rowCount());
    } finally {
      Files.delete(tmp);
    }
  }
  @Test
  void versionBannerAndCommandLevelErrors() throws Exception {
    QemuIoResult r = fixture("version-and-command-errors.txt");
    assertEquals("7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)", r.facts().get("qemu_io_version"));
    assertEquals(
        List.of(
            new ToolError(3, "file open already, try 'help close'"),
            new ToolError(4, "Block node is read-only"),
            new ToolError(7, "open: invalid option -- 'f'"),
            new ToolError(8, "no file open, try 'help open'")),
        r.toolErrors());
    assertEquals("qemu-io: 2 reports (1 read, 0 write, 1 -C), 4 errors, 0 unrecognized lines",
        r.summary());
  }

  @Test
  void qemuIoWarningIsAWarningNotAnError() throws Exception {
    QemuIoResult r = QemuIo.parse("qemu-io: warning: Deprecated use of backing file\n");
    assertTrue(r.toolErrors().isEmpty());
    assertEquals(List.of(new Warning(1, "qemu-io: warning: Deprecated use of backing file")), r.warnings());
  }
  @Test
  void indentedAndTrailingBlanksAreTolerated() throws Exception {
    QemuIoResult r = QemuIo.parse(
        "    read 1073741824/1073741824 bytes at offset 0  \n"
            + "    1 GiB, 1 ops; 00.39 sec (2.539 GiB/sec and 2.5392 ops/sec)\t\n",
        ParseOptions.defaults().withStrict(true));
    assertEquals("0,read,0,1073741824,1073741824,1,0.39,2726230491.136,2.5392,1",
        TableCsv.toString(r.table()).split("\n")[1]);
  }
  @Test
  void olderSectorBasedAlloc() throws Exception {
    QemuIoResult r = QemuIo.parse("8/16 sectors allocated at offset 0 bytes\n");
    assertEquals(
        List.of(Map.of("allocated_sectors", 8L, "requested_sectors", 16L, "offset", "0 bytes")),
        r.facts().get("alloc"));
    ParseException e = malformed("8x/16 sectors allocated at offset 0 bytes\n");
    assertEquals("<input>:1:1: bad allocated byte count '8x'; expected 'N/N bytes allocated at offset SIZE'",
        e.getMessage());
  }
  @Test
  void garbageBeyondTheListedLinesIsCountedNotListed() throws Exception {
    QemuIoResult r = QemuIo.parse("garbage\n".repeat(QemuIoAssembler.MAX_LISTED + 5));
    assertEquals(QemuIoAssembler.MAX_LISTED, r.unrecognized().size());
    assertEquals(10005L, r.facts().get("unrecognized_lines"));
    assertEquals("qemu-io: 0 reports, 0 errors, 10005 unrecognized lines", r.summary());
    assertEquals(
        List.of(new Warning(0, "5 unrecognized lines and 0 warnings beyond the first 10000 of each"
            + " are counted but not listed")),
        r.warnings());
  }
  @Test
  void proseMentioningOpsOrReadIsNotAReport() throws Exception {
    QemuIoResult r = QemuIo.parse("we saw 3 ops; it was slow\nread the manual / twice\n");
    assertEquals(0, r.table().rowCount());
    assertEquals(2, r.unrecognized().size());
  }
}
