package iommulab.chart;

import static iommulab.chart.Json.axis;
import static iommulab.chart.Json.numbers;
import static iommulab.chart.Json.obj;
import static iommulab.chart.Json.strings;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import iommulab.analysis.FrameCount;
import iommulab.analysis.Statistics;
import iommulab.analysis.StackDiff;
import iommulab.analysis.StackProfile;
import iommulab.analysis.Summary;
import iommulab.analysis.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * One call per chart, each with a title, axis titles with units, a legend and hover text holding
 * the exact values. Byte rates are drawn in MiB/s (2^20 bytes per second); the hover text gives the
 * exact bytes per second as measured.
 *
 * <pre>{@code
 * Chart c = Charts.throughputByConfiguration(Statistics.summarize(qemu, "bytes_per_second", "run_label"));
 * String html = PlotlyHtml.libraryScript() + c.html("throughput");
 * }</pre>
 */
public final class Charts {
  private static final String HOVER_TEXT = "%{text}<extra></extra>";
  private static final String BYTES_PER_SECOND = "bytes_per_second";

  private Charts() {}

  /**
   * Bars of the mean of each group with its 95% bootstrap interval as whiskers; one bar (and legend
   * entry) per group. A {@code bytes_per_second} metric is drawn in MiB/s.
   */
  public static Chart throughputByConfiguration(List<Summary> summaries) {
    requireSome(summaries, "summaries");
    String metric = summaries.get(0).metric();
    Scale scale = Scale.of(metric);
    JsonArray data = new JsonArray();
    for (Summary s : summaries) {
      double mean = s.mean() / scale.divisor;
      JsonObject bar =
          obj(
              "type", "bar",
              "name", s.group(),
              "x", strings(List.of(s.group())),
              "y", numbers(new double[] {mean}),
              "text", strings(List.of(hover(s, scale))),
              "hovertemplate", HOVER_TEXT,
              "textposition", "none");
      if (s.hasInterval()) {
        bar.add(
            "error_y",
            obj(
                "type", "data",
                "symmetric", false,
                "array", numbers(new double[] {s.ciHigh() / scale.divisor - mean}),
                "arrayminus", numbers(new double[] {mean - s.ciLow() / scale.divisor}),
                "visible", true));
      }
      data.add(bar);
    }
    String title = metric + " by configuration (mean, whiskers: 95% bootstrap CI)";
    return json(
        title,
        data,
        Json.layout(title, axis("configuration"), axis(scale.axisTitle(metric))));
  }

  /** Every run's value as a point over a box per group, so repeats and outliers stay visible. */
  public static Chart repeatedRuns(Table table, String metric, String groupColumn) {
    Scale scale = Scale.of(metric);
    NumericColumn<?> values = table.numberColumn(metric);
    Column<?> group = table.column(groupColumn);
    Column<?> runId = table.containsColumn("run_id") ? table.column("run_id") : null;
    Map<String, List<Double>> ys = new LinkedHashMap<>();
    Map<String, List<String>> texts = new LinkedHashMap<>();
    for (int r = 0; r < table.rowCount(); r++) {
      if (values.isMissing(r)) {
        continue;
      }
      String g = group.getString(r);
      double v = values.getDouble(r);
      ys.computeIfAbsent(g, k -> new ArrayList<>()).add(v / scale.divisor);
      texts
          .computeIfAbsent(g, k -> new ArrayList<>())
          .add(
              (runId == null ? "" : "run " + runId.getString(r) + "<br>")
                  + g + ": " + scale.exactText(metric, v));
    }
    JsonArray data = new JsonArray();
    ys.forEach(
        (g, y) ->
            data.add(
                obj(
                    "type", "box",
                    "name", g,
                    "y", numbers(y.stream().mapToDouble(Double::doubleValue).toArray()),
                    "boxpoints", "all",
                    "jitter", 0.3,
                    "pointpos", 0,
                    "text", strings(texts.get(g)),
                    "hoveron", "points",
                    "hovertemplate", HOVER_TEXT)));
    String title = metric + " of every run by " + groupColumn;
    return json(title, data, Json.layout(title, axis(groupColumn), axis(scale.axisTitle(metric))));
  }

  /**
   * Mean counts per second of each perf event, grouped bars per configuration, log scale (events
   * differ by orders of magnitude), whiskers the 95% bootstrap interval over runs.
   *
   * @param rates {@code iommulab.analysis.CounterRates.perSecond} output
   */
  public static Chart countersPerSecond(Table rates, String groupColumn) {
    List<Summary> s = Statistics.summarize(rates, "value_per_second", groupColumn, "event");
    Map<String, List<Summary>> byGroup = new LinkedHashMap<>();
    for (Summary x : s) {
      byGroup.computeIfAbsent(x.groupValues().get(0), k -> new ArrayList<>()).add(x);
    }
    JsonArray data = new JsonArray();
    byGroup.forEach(
        (g, list) -> {
          double[] mean = list.stream().mapToDouble(Summary::mean).toArray();
          JsonObject bar =
              obj(
                  "type", "bar",
                  "name", g,
                  "x", strings(list.stream().map(x -> x.groupValues().get(1)).toList()),
                  "y", numbers(mean),
                  "text",
                      strings(
                          list.stream()
                              .map(
                                  x ->
                                      g + "<br>" + x.groupValues().get(1) + ": "
                                          + Units.exact(x.mean()) + " per second (mean, n = "
                                          + x.n() + ")<br>" + x.interval())
                              .toList()),
                  "hovertemplate", HOVER_TEXT,
                  "textposition", "none");
          if (list.stream().anyMatch(Summary::hasInterval)) {
            bar.add(
                "error_y",
                obj(
                    "type", "data",
                    "symmetric", false,
                    "array", numbers(list.stream().mapToDouble(x -> x.ciHigh() - x.mean()).toArray()),
                    "arrayminus",
                        numbers(list.stream().mapToDouble(x -> x.mean() - x.ciLow()).toArray())));
          }
          data.add(bar);
        });
    String title = "perf counters per second of elapsed time by " + groupColumn;
    JsonObject y = axis("events per second (log scale)");
    y.addProperty("type", "log");
    JsonObject layout = Json.layout(title, axis("perf event"), y);
    layout.addProperty("barmode", "group");
    return json(title, data, layout);
  }

  /**
   * A block-size sweep: mean throughput per block size, one line per series (configuration), x on a
   * log scale in bytes. Drawn with tablesaw-jsplot.
   */
  public static Chart sweep(Table qemuIo, String metric, String blockBytesColumn, String seriesColumn) {
    Scale scale = Scale.of(metric);
    List<Summary> s = Statistics.summarize(qemuIo, metric, seriesColumn, blockBytesColumn);
    Map<String, TreeMap<Double, Summary>> series = new LinkedHashMap<>();
    for (Summary x : s) {
      series
          .computeIfAbsent(x.groupValues().get(0), k -> new TreeMap<>())
          .put(Double.parseDouble(x.groupValues().get(1)), x);
    }
    List<ScatterTrace> traces = new ArrayList<>();
    series.forEach(
        (name, points) -> {
          double[] x = points.keySet().stream().mapToDouble(Double::doubleValue).toArray();
          double[] y = points.values().stream().mapToDouble(p -> p.mean() / scale.divisor).toArray();
          String[] text =
              points.entrySet().stream()
                  .map(
                      e ->
                          jsText(
                              name + ", block " + Units.bytes(e.getKey()) + ": mean "
                                  + scale.exactText(metric, e.getValue().mean()) + ", n = "
                                  + e.getValue().n()))
                  .toArray(String[]::new);
          traces.add(
              ScatterTrace.builder(x, y)
                  .mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                  .name(name)
                  .text(text)
                  .build());
        });
    String title = metric + " by block size and " + seriesColumn;
    Layout layout =
        Layout.builder()
            .title(title)
            .showLegend(true)
            .xAxis(Axis.builder().title("block size (bytes, log scale)").type(Axis.Type.LOG).build())
            .yAxis(Axis.builder().title(scale.axisTitle(metric)).build())
            .build();
    return new Chart.TablesawFigure(
        title, new Figure(layout, traces.toArray(new ScatterTrace[0])));
  }

  /**
   * A {@code perf stat -I} time series of one event: counts per second in each interval (summed over
   * CPUs or other aggregates), one line per value of {@code seriesColumn}. Drawn with
   * tablesaw-jsplot.
   */
  public static Chart perfTimeSeries(Table perf, String event, String seriesColumn) {
    NumericColumn<?> interval = perf.numberColumn("interval_s");
    NumericColumn<?> value = perf.numberColumn("value");
    Column<?> events = perf.column("event");
    Column<?> series = perf.column(seriesColumn);
    Map<String, TreeMap<Double, Double>> sums = new LinkedHashMap<>();
    for (int r = 0; r < perf.rowCount(); r++) {
      if (interval.isMissing(r) || value.isMissing(r) || !events.getString(r).equals(event)) {
        continue;
      }
      sums.computeIfAbsent(series.getString(r), k -> new TreeMap<>())
          .merge(interval.getDouble(r), value.getDouble(r), Double::sum);
    }
    if (sums.isEmpty()) {
      throw new IllegalArgumentException(
          "no interval (perf stat -I) readings of event '" + event + "' in " + perf.name());
    }
    List<ScatterTrace> traces = new ArrayList<>();
    sums.forEach(
        (name, points) -> {
          int n = points.size();
          double[] x = new double[n];
          double[] y = new double[n];
          String[] text = new String[n];
          double previous = 0;
          int i = 0;
          for (Map.Entry<Double, Double> e : points.entrySet()) {
            double seconds = e.getKey() - previous;
            x[i] = e.getKey();
            y[i] = e.getValue() / seconds;
            text[i] =
                jsText(
                    name + " at " + Units.exact(e.getKey()) + " s: " + Units.exact(e.getValue())
                        + " in " + Units.exact(seconds) + " s");
            previous = e.getKey();
            i++;
          }
          traces.add(
              ScatterTrace.builder(x, y)
                  .mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                  .name(name)
                  .text(text)
                  .build());
        });
    String title = event + " per second over time (perf stat -I)";
    Layout layout =
        Layout.builder()
            .title(title)
            .showLegend(true)
            .xAxis(Axis.builder().title("time since start (s)").build())
            .yAxis(Axis.builder().title(event + " per second").build())
            .build();
    return new Chart.TablesawFigure(
        title, new Figure(layout, traces.toArray(new ScatterTrace[0])));
  }

  /**
   * An icicle (a flame graph drawn top down): one box per stack prefix, as wide as the samples
   * passing through it, root at the top. Written as plotly JSON: tablesaw has no icicle trace.
   */
  public static Chart icicle(StackProfile profile, String title) {
    String rootId = "all";
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<String> parents = new ArrayList<>();
    Map<String, Integer> nodeOfId = new HashMap<>();
    List<Double> values = new ArrayList<>();
    ids.add(rootId);
    labels.add("all (" + profile.total() + " samples)");
    parents.add("");
    values.add((double) profile.total());
    nodeOfId.put(rootId, 0);
    profile
        .paths()
        .forEach(
            (path, count) -> {
              String parent = rootId;
              int start = 0;
              while (start <= path.length()) {
                int end = path.indexOf(';', start);
                if (end < 0) {
                  end = path.length();
                }
                // the id is the prefix itself, prefixed so no frame can collide with "all"
                String id = "/" + path.substring(0, end);
                Integer node = nodeOfId.get(id);
                if (node == null) {
                  node = ids.size();
                  nodeOfId.put(id, node);
                  ids.add(id);
                  labels.add(path.substring(start, end));
                  parents.add(parent);
                  values.add(0.0);
                }
                values.set(node, values.get(node) + count);
                parent = id;
                start = end + 1;
              }
            });
    JsonObject trace =
        obj(
            "type", "icicle",
            "ids", strings(ids),
            "labels", strings(labels),
            "parents", strings(parents),
            "values", numbers(values.stream().mapToDouble(Double::doubleValue).toArray()),
            "branchvalues", "total",
            "name", "stacks",
            "tiling", obj("orientation", "v"),
            "hovertemplate",
                "%{label}<br>%{value} samples (%{percentRoot:.2%} of all)<extra></extra>");
    JsonArray data = new JsonArray();
    data.add(trace);
    JsonObject layout = obj("title", obj("text", title), "margin", obj("l", 10, "r", 10, "t", 60, "b", 10));
    return json(title, data, layout);
  }

  /**
   * The frames whose inclusive count changed most between two stack profiles, as horizontal bars of
   * the change (other minus baseline); hover gives both counts.
   */
  public static Chart differentialStacks(StackDiff diff, int topFrames) {
    Map<String, Long> base = new LinkedHashMap<>();
    Map<String, Long> other = new LinkedHashMap<>();
    for (StackDiff.Change c : diff.paths()) {
      if (c.baseline() > 0) {
        base.put(c.folded(), c.baseline());
      }
      if (c.other() > 0) {
        other.put(c.folded(), c.other());
      }
    }
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (FrameCount f : StackProfile.of(base).frames()) {
      counts.computeIfAbsent(f.frame(), k -> new long[2])[0] = f.inclusive();
    }
    for (FrameCount f : StackProfile.of(other).frames()) {
      counts.computeIfAbsent(f.frame(), k -> new long[2])[1] = f.inclusive();
    }
    List<Map.Entry<String, long[]>> top = new ArrayList<>(counts.entrySet());
    top.sort(
        Comparator.comparingLong((Map.Entry<String, long[]> e) -> -Math.abs(e.getValue()[1] - e.getValue()[0]))
            .thenComparing(Map.Entry::getKey));
    top = top.subList(0, Math.min(topFrames, top.size()));
    List<String> frames = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<String> colors = new ArrayList<>();
    double[] delta = new double[top.size()];
    for (int i = 0; i < top.size(); i++) {
      Map.Entry<String, long[]> e = top.get(top.size() - 1 - i); // largest change at the top
      long d = e.getValue()[1] - e.getValue()[0];
      frames.add(e.getKey());
      delta[i] = d;
      colors.add(d >= 0 ? "#c0392b" : "#2e6da4");
      texts.add(
          e.getKey() + "<br>" + diff.baselineName() + ": " + e.getValue()[0] + "<br>"
              + diff.otherName() + ": " + e.getValue()[1] + "<br>change: " + (d >= 0 ? "+" : "")
              + d);
    }
    String change = diff.otherName() + " − " + diff.baselineName();
    JsonArray data = new JsonArray();
    data.add(
        obj(
            "type", "bar",
            "orientation", "h",
            "name", change,
            "y", strings(frames),
            "x", numbers(delta),
            "marker", obj("color", strings(colors)),
            "text", strings(texts),
            "hovertemplate", HOVER_TEXT,
            "textposition", "none"));
    String title =
        "Stack frames whose count changed most: " + change + " (red: more in "
            + diff.otherName() + ")";
    JsonObject layout =
        Json.layout(title, axis("change in inclusive count (" + change + ", samples)"), axis("frame"));
    return json(title, data, layout);
  }

  private static Chart json(String title, JsonArray data, JsonObject layout) {
    return new Chart.PlotlyJson(title, Json.figure(data, layout));
  }

  private static String hover(Summary s, Scale scale) {
    return s.group() + ": mean " + scale.exactText(s.metric(), s.mean()) + "<br>n = " + s.n()
        + ", median " + Units.exact(s.median()) + "<br>" + s.interval();
  }

  private static void requireSome(List<?> list, String what) {
    if (list.isEmpty()) {
      throw new IllegalArgumentException("no " + what + " to chart");
    }
  }

  /**
   * Tablesaw writes text arrays into single-quoted JavaScript strings without escaping; this
   * escapes what would end or break such a string.
   */
  static String jsText(String s) {
    return s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", " ").replace("\r", " ");
  }

  /** Byte rates drawn in MiB/s; anything else as is. */
  private record Scale(double divisor) {
    static Scale of(String metric) {
      return new Scale(metric.equals(BYTES_PER_SECOND) ? Units.MIB : 1);
    }

    String axisTitle(String metric) {
      return divisor == Units.MIB ? "throughput (MiB/s, 1 MiB = 2^20 bytes)" : metric;
    }

    String exactText(String metric, double v) {
      return divisor == Units.MIB
          ? Units.exact(v) + " bytes/s (" + Statistics.format(v / Units.MIB) + " MiB/s)"
          : Units.exact(v) + " " + metric;
    }
  }
}
