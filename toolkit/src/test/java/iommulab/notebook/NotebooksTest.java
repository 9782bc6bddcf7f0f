package iommulab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import iommulab.kernel.KernelSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every notebook in {@code notebooks/} through the headless runner once, then checks that each
 * succeeded and that the values it printed are the ones computed here independently, from the
 * reference page's numbers and the datasets' raw files, without the toolkit's parsers or analysis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebooksTest {
  static final Path ROOT = Path.of(System.getProperty("iommulab.projectRoot"));
  static final Path NOTEBOOKS = ROOT.resolve("notebooks");
  static final List<String> EXPECTED = List.of(
      "01-reproduce-vfio-strict-vs-lazy", "02-configuration-space", "03-capture-on-your-machine",
      "04-block-size-sweep", "05-share-and-annotate");

  final Map<String, NotebookRunner.Result> results = new LinkedHashMap<>();
  final Map<String, String> text = new LinkedHashMap<>();

  @BeforeAll
  void runAll(@TempDir Path out) throws IOException {
    for (Path nb : notebooks()) {
      String name = nb.getFileName().toString().replace(".ipynb", "");
      NotebookRunner.Result r = NotebookRunner.run(nb, out);
      results.put(name, r);
      text.put(name, outputText(r.executed()));
    }
  }

  static List<Path> notebooks() throws IOException {
    try (Stream<Path> s = Files.list(NOTEBOOKS)) {
      return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  /** Every code cell's stream text, text/plain results and errors, in order. */
  static String outputText(Path executed) throws IOException {
    JsonObject nb = JsonParser.parseString(Files.readString(executed)).getAsJsonObject();
    StringBuilder sb = new StringBuilder();
    for (JsonElement e : nb.getAsJsonArray("cells")) {
      JsonObject cell = e.getAsJsonObject();
      if (!cell.has("outputs")) {
        continue;
      }
      for (JsonElement o : cell.getAsJsonArray("outputs")) {
        JsonObject out = o.getAsJsonObject();
        switch (out.get("output_type").getAsString()) {
          case "stream" -> sb.append(joined(out.get("text")));
          case "error" -> sb.append("ERROR ").append(out.get("ename").getAsString()).append(": ")
              .append(out.get("evalue").getAsString()).append('\n');
          default -> sb.append(joined(out.getAsJsonObject("data").get("text/plain"))).append('\n');
        }
      }
    }
    return sb.toString();
  }

  static String joined(JsonElement e) {
    if (e == null) {
      return "";
    }
    if (e.isJsonArray()) {
      StringBuilder sb = new StringBuilder();
      e.getAsJsonArray().forEach(x -> sb.append(x.getAsString()));
      return sb.toString();
    }
    return e.getAsString();
  }

  static String fixed2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** Four significant digits, plain, written here rather than borrowed from the analysis package. */
  static String fourDigits(double v) {
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  private String output(String notebook) {
    assertTrue(results.get(notebook).ok(), results.get(notebook).failure());
    return text.get(notebook);
  }

  @Test
  void theFiveNotebooksAreThereAndEveryOneRunsToTheEnd() {
    assertEquals(EXPECTED, List.copyOf(results.keySet()));
    results.forEach((name, r) -> {
      assertTrue(r.ok(), r.failure());
      assertFalse(text.get(name).contains("ERROR "), name);
      assertTrue(Files.exists(r.html()), name);
    });
  }

  @Test
  void committedNotebooksAreJavaWithTheIommulabKernelAndNoStaleOutputs() throws IOException {
    for (Path nb : notebooks()) {
      JsonObject json = JsonParser.parseString(Files.readString(nb)).getAsJsonObject();
      assertEquals(4, json.get("nbformat").getAsInt(), nb.toString());
      JsonObject meta = json.getAsJsonObject("metadata");
      assertEquals(KernelSpec.NAME, meta.getAsJsonObject("kernelspec").get("name").getAsString(), nb.toString());
      assertEquals("java", meta.getAsJsonObject("kernelspec").get("language").getAsString(), nb.toString());
      JsonObject li = meta.getAsJsonObject("language_info");
      assertEquals("java", li.get("name").getAsString(), nb.toString());
      assertEquals("java", li.get("pygments_lexer").getAsString(), nb.toString());
      assertEquals("text/x-java-source", li.get("mimetype").getAsString(), nb.toString());
      int markdown = 0;
      for (JsonElement e : json.getAsJsonArray("cells")) {
        JsonObject cell = e.getAsJsonObject();
        if (cell.get("cell_type").getAsString().equals("markdown")) {
          markdown++;
        } else {
          assertEquals(0, cell.getAsJsonArray("outputs").size(), nb + ": committed with outputs");
          assertTrue(cell.get("execution_count").isJsonNull(), nb + ": committed with an execution count");
        }
      }
      assertTrue(markdown >= 4, nb + " tells its story in prose: " + markdown + " markdown cells");
    }
  }

  @Test
  void notebook01ComputesThePagesRatiosAndTheRoundingBounds() {
    String out = output("01-reproduce-vfio-strict-vs-lazy");
    // The reference page's raw numbers (Yi Li, "iommu smmu dma and performance", 2021):
    // strict "1 GiB, 1 ops; 0:00:06.81 (150.337 MiB/sec ...)", lazy "00.39 sec (2.539 GiB/sec ...)".
    double lazyMiBs = 2.539 * 1024;
    double strictMiBs = 150.337;
    assertTrue(out.contains("bytes_per_second lazy / strict = " + fixed2(lazyMiBs / strictMiBs)), out);
    assertEquals("17.29", fixed2(lazyMiBs / strictMiBs));
    // perf stat: 622224 transactions in 1.002288245 s, 4233791 in 1.002524565 s, 38648 tlb_miss in 1.002244245 s.
    double strictTps = 622224 / 1.002288245;
    double lazyTps = 4233791 / 1.002524565;
    assertTrue(out.contains(String.format(Locale.ROOT, "%,12.1f per second", strictTps)), out);
    assertTrue(out.contains(String.format(Locale.ROOT, "%,12.1f per second", lazyTps)), out);
    assertTrue(out.contains("value_per_second lazy / strict = " + fourDigits(lazyTps / strictTps)), out);
    assertTrue(out.contains("(strict) = " + fourDigits((38648 / 1.002244245) / strictTps)), out);
    // Elapsed times printed with two decimals: each could be off by half a hundredth.
    assertTrue(out.contains("= " + fixed2(6.81 / 0.39) + ", bounds [" + fixed2(6.805 / 0.395) + ", "
        + fixed2(6.815 / 0.385) + "]"), out);
    assertTrue(out.contains("rate-based ratio inside the elapsed-time bounds: true"), out);
    assertTrue(out.contains("262276 calls in 1 distinct stack(s); leaf: arm_smmu_tlb_inv_page_nosync"), out);
    assertTrue(Files.exists(ROOT.resolve("target/notebooks/wiki-smmuv3-2021-report.html")));
  }

  @Test
  void notebook02DerivesEveryPathAndTheLiteratureSpeedups() throws IOException {
    String out = output("02-configuration-space");
    assertTrue(out.contains("rows whose derived path contradicts the tip's reasoning: 0 of 16"), out);
    // Speedups straight from datasets/literature/measurements.csv, read here with a plain split.
    Map<String, Double> value = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(ROOT.resolve("datasets/literature/measurements.csv"));
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = csvCells(line);
      value.put(cells.get(0), Double.parseDouble(cells.get(5)));
    }
    double zhenLei = value.get("zhenlei-2018-randread-nonstrict") / value.get("zhenlei-2018-randread-strict");
    double gupta = value.get("gupta-2025-passthrough") / value.get("gupta-2025-strict");
    assertTrue(out.contains(Double.toString(zhenLei)), out);
    assertTrue(out.contains(Double.toString(gupta)), out);
    assertTrue(out.contains("iommu.strict=0       tested by 4 pair(s), 4 agree"), out);
    assertTrue(out.contains("cma=0                tested by 0 pair(s), 0 agree: no published measurement isolates it"), out);
  }

  /** Splits one CSV line with quoted fields ("" inside quotes is a quote). */
  static List<String> csvCells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cur.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    cells.add(cur.toString());
    return cells;
  }

  @Test
  void notebook03CapturesWhatThisMachineAllowsAndSaysWhatItSkipped() {
    String out = output("03-capture-on-your-machine");
    assertTrue(out.contains("what this machine can measure"), out);
    if (Files.isExecutable(Path.of("/usr/bin/qemu-io"))) {
      assertTrue(out.contains("r001 file-65536-rep1: exit 0, run r001 complete (exit 0)"), out);
      assertTrue(out.contains("r004 null-co-65536-rep2: exit 0"), out);
      assertTrue(out.contains("bytes_per_second this boot ("), out);
    } else {
      assertTrue(out.contains("SKIPPED all captures: qemu-io is not installed"), out);
    }
    boolean stackcount = Files.isExecutable(Path.of("/usr/sbin/stackcount-bpfcc"))
        || Files.isExecutable(Path.of("/usr/share/bcc/tools/stackcount"));
    if (!stackcount) {
      assertTrue(out.contains("SKIPPED stackcount: ") && out.contains("stackcount (bcc) not installed"), out);
    }
  }

  @Test
  void notebook04MatchesCountsTakenFromTheRawPerfOutput() throws IOException {
    String out = output("04-block-size-sweep");
    assertTrue(out.contains("30 runs, 16368 qemu-io reports, 180 perf counter readings"), out);
    assertTrue(out.contains("reports without a rate: 0"), out);
    // file reads at 4 KiB are runs r001, r011, r021 (capture.sh: repeat, then target, then block size);
    // each read 8 MiB, so context switches per GiB = mean count * 128.
    Pattern switches = Pattern.compile("^\\s*([0-9,]+)\\s+context-switches", Pattern.MULTILINE);
    double sum = 0;
    for (String run : List.of("r001", "r011", "r021")) {
      Path stderr = ROOT.resolve("datasets/capture-x86-vm-2026-11-24/runs/" + run + "/stderr.txt");
      Matcher m = switches.matcher(Files.readString(stderr));
      assertTrue(m.find(), stderr.toString());
      sum += Double.parseDouble(m.group(1).replace(",", ""));
    }
    String expected = fourDigits(sum / 3 * 128);
    assertTrue(out.contains("Context switches per GiB read from the file: " + expected + " at 4 KiB"), out);
    assertTrue(out.contains("committed dataset unchanged: true"), out);
  }

  @Test
  void notebook05NotesSurviveTheBundle() throws IOException {
    String out = output("05-share-and-annotate");
    JsonObject manifest = JsonParser.parseString(
        Files.readString(ROOT.resolve("datasets/wiki-smmuv3-2021/manifest.json"))).getAsJsonObject();
    JsonArray notes = manifest.getAsJsonArray("annotations");
    assertTrue(out.contains("all " + (notes.size() + 2) + " notes came along (2 new): true"), out);
    assertTrue(out.contains("report shows the run note: true"), out);
    assertTrue(out.contains("report shows the value note: true"), out);
    assertTrue(out.contains("This rate is 17.29 times the strict run's"), out);
    assertTrue(out.contains("same as before: true"), out);
    assertTrue(out.contains("refused: "), out);
  }

  @Test
  void chartsAreOnTheHtmlPages() throws IOException {
    for (String name : List.of("01-reproduce-vfio-strict-vs-lazy", "02-configuration-space", "04-block-size-sweep")) {
      String html = Files.readString(results.get(name).html());
      assertTrue(html.contains("Plotly.newPlot"), name);
    }
    String first = Files.readString(results.get("01-reproduce-vfio-strict-vs-lazy").html());
    assertTrue(first.contains("\"type\":\"icicle\""), "the unmap stack is drawn as an icicle");
  }
}
