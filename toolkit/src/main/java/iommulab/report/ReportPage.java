package iommulab.report;

import static iommulab.report.Html.esc;

import iommulab.analysis.CounterRates;
import iommulab.analysis.EventRatio;
import iommulab.analysis.FrameCount;
import iommulab.analysis.Ratio;
import iommulab.analysis.StackPath;
import iommulab.analysis.StackProfile;
import iommulab.analysis.Statistics;
import iommulab.analysis.Summary;
import iommulab.analysis.Units;
import iommulab.chart.Chart;
import iommulab.chart.Charts;
import iommulab.chart.PlotlyHtml;
import iommulab.config.ConfigReport;
import iommulab.parse.TableCsv;
import iommulab.parse.Tool;
import iommulab.record.Annotation;
import iommulab.record.DerivedTable;
import iommulab.record.Device;
import iommulab.record.Experiment;
import iommulab.record.Host;
import iommulab.record.Manifest;
import iommulab.record.Problem;
import iommulab.record.RawFile;
import iommulab.record.Run;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Builds one report page; one instance per page (it numbers the chart divs). */
final class ReportPage {
  private static final String STYLE =
      "body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
          + "table{border-collapse:collapse;margin:0.5em 0 1em;font-size:13px}"
          + "th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}"
          + "th{background:#f0f0f0}caption{text-align:left;color:#666}"
          + ".note{background:#fff8dc;border-left:3px solid #e0b000;padding:3px 8px;margin:4px 0;"
          + "font-size:13px}td.annotated{background:#fff8dc}.meta{color:#666}"
          + "code,pre{font-size:12px;background:#f6f6f6}pre{padding:6px;overflow-x:auto}"
          + ".problem{color:#a00}.chart-caption{color:#444;font-size:13px}"
          + ".scroll{overflow-x:auto;max-width:100%}";

  private final Experiment experiment;
  private final Manifest manifest;
  private final Map<Tool, DerivedTable> tables;
  private final ReportOptions options;
  private final StringBuilder out = new StringBuilder(1 << 16);
  private int charts;

  ReportPage(Experiment experiment, Map<Tool, DerivedTable> tables, ReportOptions options) {
    this.experiment = experiment;
    this.manifest = experiment.manifest();
    this.tables = tables;
    this.options = options;
  }

  String render() {
    String title = manifest.title().isEmpty() ? manifest.id() : manifest.title();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(esc(title)).append("</title>\n<style>").append(STYLE).append("</style>\n")
        .append(PlotlyHtml.libraryScript())
        .append("</head>\n<body>\n");
    header(title);
    configurations();
    for (Map.Entry<Tool, DerivedTable> e : tables.entrySet()) {
      Table t = e.getValue().table();
      switch (e.getKey()) {
        case QEMU_IO -> qemuIo(t);
        case PERF_STAT -> perfStat(t, tables.get(Tool.QEMU_IO));
        case STACKCOUNT -> stackCount(t);
        default -> {}
      }
    }
    problems();
    provenance();
    method();
    return out.append("</body>\n</html>\n").toString();
  }

  private void header(String title) {
    out.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">record <code>")
        .append(esc(manifest.id())).append("</code>, created ").append(esc(manifest.created()));
    if (!manifest.authors().isEmpty()) {
      out.append(", by ").append(esc(String.join(", ", manifest.authors())));
    }
    out.append("</p>\n");
    if (!manifest.description().isEmpty()) {
      out.append("<p class=\"description\">").append(esc(manifest.description())).append("</p>\n");
    }
    notes(experiment.annotationsOn(Annotation.Target.record()));
  }

  private void configurations() {
    out.append("<h2 id=\"configurations\">Configurations</h2>\n");
    List<String> header =
        List.of("run", "label", "tool", "status", "iommu.passthrough", "iommu.strict", "cma",
            "kernel-driver DMA", "VFIO DMA", "device", "values");
    List<List<String>> rows = new ArrayList<>();
    for (Run run : manifest.runs()) {
      ConfigReport config =
          run.boot() == null ? null
              : run.boot().report(run.device() == null ? null : run.device().iommuGroup());
      Map<String, String> cells = config == null ? Map.of() : config.cells();
      rows.add(
          List.of(
              run.id(), run.label(), nullToEmpty(run.tool()),
              run.status() == null ? "" : run.status().name().toLowerCase(java.util.Locale.ROOT),
              cells.getOrDefault("iommu_passthrough", ""), cells.getOrDefault("iommu_strict", ""),
              cells.getOrDefault("cma", ""),
              config == null ? "" : config.paths().kernelDriver().shortText(),
              config == null ? "" : config.paths().vfio().shortText(),
              device(run.device()),
              run.values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(", "))));
    }
    out.append(Html.table(header, rows));
    for (Run run : manifest.runs()) {
      List<Annotation> notes = experiment.annotationsOn(Annotation.Target.run(run.id()));
      if (!notes.isEmpty()) {
        out.append("<p>Run <code>").append(esc(run.id())).append("</code> (")
            .append(esc(run.label())).append("):</p>\n");
        notes(notes);
      }
    }
  }

  private void qemuIo(Table q) {
    out.append("<h2 id=\"qemu-io\">qemu-io throughput</h2>\n");
    if (q.rowCount() == 0) {
      out.append("<p>No qemu-io rows.</p>\n");
      return;
    }
    requireGroupColumn(q);
    String group = options.groupColumn();
    List<Summary> summaries = Statistics.summarize(q, "bytes_per_second", group);
    List<List<String>> rows = new ArrayList<>();
    for (Summary s : summaries) {
      rows.add(
          List.of(
              s.group(), Integer.toString(s.n()), Integer.toString(s.missing()),
              Units.exact(s.mean()), mib(s.mean()), mib(s.median()), mib(s.min()), mib(s.max()),
              s.hasInterval() ? mib(s.stddev()) : "",
              s.hasInterval() ? mib(s.ciLow()) + " to " + mib(s.ciHigh()) : "n = 1: no interval"));
    }
    out.append(
        Html.table(
            List.of(group, "n", "missing", "mean bytes_per_second", "mean MiB/s", "median MiB/s",
                "min MiB/s", "max MiB/s", "stddev MiB/s", "95% CI of mean (MiB/s)"),
            rows));
    String baseline = options.baseline() != null ? options.baseline() : summaries.get(0).group();
    if (summaries.size() > 1) {
      out.append("<p>Ratios against <b>").append(esc(baseline)).append("</b>:</p>\n<ul>\n");
      for (Ratio r : Statistics.ratios(q, "bytes_per_second", baseline, group)) {
        out.append("<li class=\"ratio\">").append(esc(r.toString())).append("</li>\n");
      }
      out.append("</ul>\n");
    }
    chart(Charts.throughputByConfiguration(summaries));
    chart(Charts.repeatedRuns(q, "bytes_per_second", group));
    if (distinct(q, "requested_bytes") > 1) {
      chart(Charts.sweep(q, "bytes_per_second", "requested_bytes", group));
    }
    rawTable(q, "qemu-io");
  }

  private void perfStat(Table p, DerivedTable qemu) {
    out.append("<h2 id=\"perf-stat\">perf stat counters</h2>\n");
    if (p.rowCount() == 0) {
      out.append("<p>No perf stat rows.</p>\n");
      return;
    }
    requireGroupColumn(p);
    Table rates = CounterRates.perSecond(p);
    out.append("<p>Each run's counter total per second of elapsed time.</p>\n");
    out.append(
        Html.table(
            rates.selectColumns(
                new LinkedHashSet<>(
                        List.of("run_id", options.groupColumn(), "event", "unit", "value",
                            "elapsed_s", "value_per_second", "missing"))
                    .toArray(new String[0])),
            options.maxTableRows(), Map.of()));
    List<String> events = distinctValues(rates, "event");
    String tlbMiss = events.stream().filter(e -> e.contains("tlb_miss")).findFirst().orElse(null);
    String transaction =
        events.stream().filter(e -> e.contains("transaction")).findFirst().orElse(null);
    if (tlbMiss != null && transaction != null) {
      List<EventRatio> ratios =
          CounterRates.eventRatio(rates, tlbMiss, transaction, options.groupColumn());
      if (!ratios.isEmpty()) {
        out.append("<p>Derived ratios:</p>\n<ul>\n");
        for (EventRatio r : ratios) {
          out.append("<li class=\"ratio\">").append(esc(r.toString())).append("</li>\n");
        }
        out.append("</ul>\n");
      }
    }
    chart(Charts.countersPerSecond(rates, options.groupColumn()));
    NumericColumn<?> interval = p.numberColumn("interval_s");
    if (interval.countMissing() < p.rowCount()) {
      chart(Charts.perfTimeSeries(p, busiestIntervalEvent(p), options.groupColumn()));
    }
    rawTable(p, "perf-stat");
  }

  private void stackCount(Table s) {
    out.append("<h2 id=\"stackcount\">Kernel stacks (stackcount)</h2>\n");
    if (s.rowCount() == 0) {
      out.append("<p>No stacks.</p>\n");
      return;
    }
    requireGroupColumn(s);
    StackProfile all = StackProfile.fromTable(s);
    out.append("<p>").append(all.total()).append(" samples in ").append(all.paths().size())
        .append(" distinct stacks. Frames by inclusive count (top 25):</p>\n");
    List<List<String>> rows = new ArrayList<>();
    for (FrameCount f : all.frames().stream().limit(25).toList()) {
      rows.add(
          List.of(f.frame(), Long.toString(f.inclusive()), Long.toString(f.self()),
              Statistics.format(100.0 * f.inclusive() / all.total())));
    }
    out.append(Html.table(List.of("frame", "inclusive", "self", "inclusive % of samples"), rows));
    rows = new ArrayList<>();
    for (StackPath p : all.topPaths(10)) {
      rows.add(List.of(Long.toString(p.count()), p.leaf(), p.folded()));
    }
    out.append("<p>Top stacks:</p>\n")
        .append(Html.table(List.of("count", "leaf", "stack (root first)"), rows));
    Map<String, StackProfile> byGroup = StackProfile.byGroup(s, options.groupColumn());
    for (Map.Entry<String, StackProfile> e : byGroup.entrySet()) {
      chart(Charts.icicle(e.getValue(), "Stacks of " + e.getKey() + " (icicle: root at top)"));
    }
    if (byGroup.size() > 1) {
      String baseline =
          options.baseline() != null && byGroup.containsKey(options.baseline())
              ? options.baseline()
              : byGroup.keySet().iterator().next();
      for (Map.Entry<String, StackProfile> e : byGroup.entrySet()) {
        if (!e.getKey().equals(baseline)) {
          chart(
              Charts.differentialStacks(
                  StackProfile.diff(baseline, byGroup.get(baseline), e.getKey(), e.getValue()),
                  20));
        }
      }
    }
    rawTable(s, "stackcount");
  }

  /** The derived table itself, with each value annotation in its cell and listed below. */
  private void rawTable(Table t, String toolName) {
    List<Annotation> valueNotes =
        manifest.annotations().stream()
            .filter(a -> "value".equals(a.target().kind()) && toolName.equals(a.target().tool()))
            .toList();
    Map<String, String> cellNotes = new HashMap<>();
    if (!valueNotes.isEmpty() && t.containsColumn("line") && t.containsColumn("run_id")) {
      Column<?> runId = t.column("run_id");
      Column<?> line = t.column("line");
      int rows = Math.min(options.maxTableRows(), t.rowCount());
      for (int r = 0; r < rows; r++) {
        for (Annotation a : valueNotes) {
          if (a.target().runId().equals(runId.getString(r))
              && Long.toString(a.target().line()).equals(TableCsv.cell(line, r))) {
            cellNotes.merge(r + ":" + a.target().column(), note(a), String::concat);
          }
        }
      }
    }
    out.append("<details open><summary>").append(esc(toolName)).append(" table (")
        .append(t.rowCount()).append(" rows)</summary>\n")
        .append(Html.table(t, options.maxTableRows(), cellNotes)).append("</details>\n");
    if (!valueNotes.isEmpty()) {
      out.append("<p>Notes on values:</p>\n");
      for (Annotation a : valueNotes) {
        out.append("<div class=\"note\"><code>").append(esc(a.target().describe()))
            .append("</code>: ").append(noteBody(a)).append("</div>\n");
      }
    }
  }

  private void problems() {
    List<String> all = new ArrayList<>();
    for (Problem p : experiment.problems()) {
      all.add(p.toString());
    }
    tables.values().forEach(d -> all.addAll(d.problems()));
    if (all.isEmpty()) {
      return;
    }
    out.append("<h2 id=\"problems\">Problems</h2>\n<ul>\n");
    for (String p : all) {
      out.append("<li class=\"problem\">").append(esc(p)).append("</li>\n");
    }
    out.append("</ul>\n");
  }

  private void provenance() {
    out.append("<h2 id=\"provenance\">Provenance</h2>\n");
    Host h = manifest.host();
    if (h != null) {
      out.append(
          Html.table(
              List.of("kernel", "CPU", "cores", "NUMA nodes", "kernel command line"),
              List.of(
                  List.of(h.kernelRelease(), h.cpuModel(), Integer.toString(h.cores()),
                      Integer.toString(h.numaNodes()), h.cmdline()))));
    }
    for (Run run : manifest.runs()) {
      out.append("<h3>Run <code>").append(esc(run.id())).append("</code> ")
          .append(esc(run.label())).append("</h3>\n<pre class=\"command\">")
          .append(esc(run.commandLine())).append("</pre>\n<p class=\"meta\">started ")
          .append(esc(nullToEmpty(run.start()))).append(", ")
          .append(run.durationSeconds() == null ? "duration unknown"
              : Units.exact(run.durationSeconds()) + " s")
          .append(", exit status ")
          .append(run.exitStatus() == null ? "unknown" : run.exitStatus().toString())
          .append(", parse: ").append(esc(String.valueOf(run.parseStatus()))).append(' ')
          .append(esc(run.parseMessage())).append("</p>\n");
      List<List<String>> files = new ArrayList<>();
      for (RawFile f : run.files()) {
        files.add(List.of(f.path(), f.stream(), Long.toString(f.bytes()), nullToEmpty(f.sha256())));
      }
      out.append(Html.table(List.of("raw file", "stream", "bytes", "sha256"), files));
      notes(experiment.annotationsOn(Annotation.Target.run(run.id())));
    }
  }

  private void method() {
    out.append("<h2 id=\"method\">Method</h2>\n<p>Intervals: ").append(esc(Statistics.CI_METHOD))
        .append(". Ratios are of means and name what is over what. MiB = 2<sup>20</sup> bytes; ")
        .append("byte rates are exact bytes per second in tables and hover text. plotly.js ")
        .append(PlotlyHtml.PLOTLY_VERSION).append(" (MIT) is embedded in this file.</p>\n");
  }

  private void chart(Chart c) {
    charts++;
    out.append("<figure>\n").append(c.html("chart_" + charts))
        .append("<figcaption class=\"chart-caption\">").append(esc(c.title()))
        .append("</figcaption>\n</figure>\n");
  }

  private void notes(List<Annotation> notes) {
    for (Annotation a : notes) {
      out.append("<div class=\"note\">").append(noteBody(a)).append("</div>\n");
    }
  }

  private static String note(Annotation a) {
    return "<div class=\"note\">" + noteBody(a) + "</div>";
  }

  private static String noteBody(Annotation a) {
    return esc(a.text()) + " <span class=\"meta\">(" + esc(a.author()) + ", " + esc(a.time())
        + ")</span>";
  }

  private void requireGroupColumn(Table t) {
    if (!t.containsColumn(options.groupColumn())) {
      throw new IllegalArgumentException(
          "cannot group by '" + options.groupColumn() + "': the " + t.name()
              + " table has no such column; its columns are " + t.columnNames());
    }
  }

  private static String device(Device d) {
    if (d == null) {
      return "";
    }
    return d.pciAddress() + (d.vendorDevice().isEmpty() ? "" : " " + d.vendorDevice())
        + (d.driver().isEmpty() ? "" : " (" + d.driver() + ")")
        + (d.numaNode() == null ? "" : ", NUMA node " + d.numaNode());
  }

  private static String mib(double bytesPerSecond) {
    return Statistics.format(bytesPerSecond / Units.MIB);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static int distinct(Table t, String column) {
    return t.containsColumn(column) ? distinctValues(t, column).size() : 0;
  }

  private static List<String> distinctValues(Table t, String column) {
    Column<?> c = t.column(column);
    Set<String> values = new LinkedHashSet<>();
    for (int r = 0; r < t.rowCount(); r++) {
      if (!c.isMissing(r)) {
        values.add(TableCsv.cell(c, r));
      }
    }
    return new ArrayList<>(values);
  }

  /** The event with the most interval readings: the one worth a time series. */
  private static String busiestIntervalEvent(Table p) {
    NumericColumn<?> interval = p.numberColumn("interval_s");
    Column<?> event = p.column("event");
    Map<String, Integer> counts = new HashMap<>();
    for (int r = 0; r < p.rowCount(); r++) {
      if (!interval.isMissing(r)) {
        counts.merge(event.getString(r), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
            java.util.Comparator.reverseOrder())))
        .orElseThrow()
        .getKey();
  }
}
