package iommulab.record;

import iommulab.config.ConfigReport;
import iommulab.parse.ParseException;
import iommulab.parse.ParseResult;
import iommulab.parse.Tool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Joins each run's parsed table with the run's identity, configuration and key/values, then stacks the
 * runs. Column order: {@link #RUN_COLUMNS}, {@link #CONFIG_COLUMNS}, the runs' keys (first seen first),
 * then the tool's own columns.
 */
final class DerivedTables {
  static final List<String> RUN_COLUMNS = List.of("run_id", "run_label", "run_status");
  static final List<String> CONFIG_COLUMNS = List.of("iommu_passthrough", "iommu_strict", "cma",
      "driver", "kernel_dma", "vfio_dma");

  private DerivedTables() {}

  static DerivedTable derive(Experiment e, Tool tool) {
    List<String> problems = new ArrayList<>();
    List<Run> runs = e.runs().stream().filter(r -> r.fileFor(tool.cliName()) != null).toList();
    Set<String> keys = new LinkedHashSet<>();
    runs.forEach(r -> keys.addAll(r.values().keySet()));
    Table all = null;
    List<String> toolColumns = null;
    for (Run run : runs) {
      ParseResult parsed;
      try {
        parsed = e.parse(run, tool);
      } catch (ParseException | IOException | UnsupportedOperationException | IllegalArgumentException ex) {
        problems.add("run " + run.id() + ": " + run.fileFor(tool.cliName()) + ": "
            + (ex instanceof UnsupportedOperationException ? "no " + tool + " parser in this build ("
                + ex.getMessage() + ")" : ex.getMessage()));
        continue;
      }
      Table t = parsed.table();
      if (toolColumns == null) {
        toolColumns = t.columnNames();
      }
      Table joined = join(run, t, keys, toolColumns);
      if (all == null) {
        all = joined;
      } else if (!sameShape(all, joined)) {
        problems.add("run " + run.id() + ": its " + tool + " table has columns " + shape(joined)
            + ", unlike the first run's " + shape(all) + "; left out");
      } else {
        all.append(joined);
      }
    }
    if (all == null) {
      all = Table.create(tool.cliName());
      for (String c : RUN_COLUMNS) {
        all.addColumns(StringColumn.create(c));
      }
      for (String c : CONFIG_COLUMNS) {
        all.addColumns(StringColumn.create(c));
      }
      for (String k : keys) {
        all.addColumns(StringColumn.create(keyColumn(k, List.of())));
      }
    }
    all.setName(tool.cliName());
    return new DerivedTable(all, problems);
  }

  private static boolean sameShape(Table a, Table b) {
    return shape(a).equals(shape(b));
  }

  private static List<String> shape(Table t) {
    List<String> s = new ArrayList<>();
    for (Column<?> c : t.columns()) {
      s.add(c.name() + ":" + c.type().name());
    }
    return s;
  }

  /** A run key that collides with a fixed or tool column gets the prefix {@code set_}. */
  static String keyColumn(String key, List<String> toolColumns) {
    boolean taken = RUN_COLUMNS.contains(key) || CONFIG_COLUMNS.contains(key) || toolColumns.contains(key);
    return taken ? "set_" + key : key;
  }

  private static Table join(Run run, Table t, Set<String> keys, List<String> toolColumns) {
    int n = t.rowCount();
    Table out = Table.create(t.name());
    ConfigReport config = run.boot() == null ? null
        : run.boot().report(run.device() == null ? null : run.device().iommuGroup());
    Map<String, String> cells = config == null ? Map.of() : config.cells();
    out.addColumns(
        filled("run_id", run.id(), n),
        filled("run_label", run.label(), n),
        filled("run_status", run.status().name().toLowerCase(java.util.Locale.ROOT), n),
        filled("iommu_passthrough", cells.getOrDefault("iommu_passthrough", ""), n),
        filled("iommu_strict", cells.getOrDefault("iommu_strict", ""), n),
        filled("cma", cells.getOrDefault("cma", ""), n),
        filled("driver", run.device() == null ? "" : run.device().driver(), n),
        filled("kernel_dma", config == null ? "" : config.paths().kernelDriver().shortText(), n),
        filled("vfio_dma", config == null ? "" : config.paths().vfio().shortText(), n));
    for (String k : keys) {
      out.addColumns(filled(keyColumn(k, toolColumns), run.values().getOrDefault(k, ""), n));
    }
    for (Column<?> c : t.columns()) {
      out.addColumns(c.copy());
    }
    return out;
  }

  private static StringColumn filled(String name, String value, int rows) {
    String[] values = new String[rows];
    Arrays.fill(values, value == null ? "" : value);
    return StringColumn.create(name, values);
  }
}
