package iommulab.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * What {@link PerfStat} made of one text: the table (one row per counter reading, columns documented
 * in the README), the blocks' facts in {@link #runs()}, and everything that is not a reading.
 *
 * <pre>{@code
 * PerfStatResult r = PerfStat.parse(Path.of("stat.txt"));
 * double elapsed = r.runs().get(0).elapsedSeconds();
 * }</pre>
 */
public record PerfStatResult(
    String source,
    Table table,
    List<PerfRun> runs,
    int intervals,
    List<Warning> warnings,
    List<ToolError> toolErrors,
    List<SourceLine> unrecognized)
    implements ParseResult {

  public PerfStatResult {
    runs = List.copyOf(runs);
    warnings = List.copyOf(warnings);
    toolErrors = List.copyOf(toolErrors);
    unrecognized = List.copyOf(unrecognized);
  }

  @Override
  public Tool tool() {
    return Tool.PERF_STAT;
  }

  /**
   * {@code runs}, {@code rows}, {@code intervals}, {@code events} and {@code aggregates} (distinct
   * non-empty values), then {@code target}, {@code elapsed_s}, {@code user_s}, {@code sys_s} of the
   * first block when it has them, and {@code blocks}: one map per {@link PerfRun}.
   */
  @Override
  public Map<String, Object> facts() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("runs", runs.size());
    f.put("rows", table.rowCount());
    f.put("intervals", intervals);
    f.put("events", table.stringColumn("event").unique().removeMissing().asList());
    f.put("aggregates", table.stringColumn("aggr").unique().removeMissing().asList());
    if (!runs.isEmpty()) {
      PerfRun first = runs.get(0);
      putIfPresent(f, "target", first.target());
      putIfPresent(f, "elapsed_s", first.elapsedSeconds());
      putIfPresent(f, "user_s", first.userSeconds());
      putIfPresent(f, "sys_s", first.sysSeconds());
    }
    List<Map<String, Object>> blocks = new ArrayList<>();
    for (PerfRun run : runs) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("index", run.index());
      putIfPresent(b, "target", run.target());
      putIfPresent(b, "repeats", run.repeats());
      putIfPresent(b, "started_on", run.startedOn());
      putIfPresent(b, "elapsed_s", run.elapsedSeconds());
      putIfPresent(b, "elapsed_stddev_s", run.elapsedStddevSeconds());
      putIfPresent(b, "elapsed_variance_pct", run.elapsedVariancePct());
      putIfPresent(b, "user_s", run.userSeconds());
      putIfPresent(b, "sys_s", run.sysSeconds());
      if (!run.runElapsedSeconds().isEmpty()) {
        b.put("run_elapsed_s", run.runElapsedSeconds());
      }
      b.put("first_line", run.firstLine());
      b.put("rows", run.rows());
      blocks.add(b);
    }
    f.put("blocks", blocks);
    return f;
  }

  private static void putIfPresent(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  private int distinct(String column) {
    return table.stringColumn(column).unique().removeMissing().size();
  }

  /** {@code perf-stat: 13888000 rows, 1 runs, 21700 intervals, 5 events, 128 aggregates}. */
  @Override
  public String summary() {
    return "perf-stat: " + table.rowCount() + " rows, " + runs.size() + " runs, " + intervals
        + " intervals, " + distinct("event") + " events, "
        + distinct("aggr") + " aggregates"
        + (toolErrors.isEmpty() ? "" : ", " + toolErrors.size() + " tool errors")
        + (unrecognized.isEmpty() ? "" : ", " + unrecognized.size() + " unrecognized lines");
  }
}
