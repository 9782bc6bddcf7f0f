package iommulab.record;

import iommulab.parse.Tool;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Checks that an annotation's target exists before it is stored. */
final class Annotations {
  private Annotations() {}

  static void checkTarget(Experiment e, Annotation.Target target) throws RecordException {
    switch (target.kind()) {
      case "record" -> { }
      case "run" -> run(e, target.runId());
      case "value" -> value(e, target);
      default -> throw new RecordException("annotation target kind '" + target.kind()
          + "' is not one of record, run, value");
    }
  }

  private static Run run(Experiment e, String runId) throws RecordException {
    Run r = runId == null ? null : e.manifest().run(runId);
    if (r == null) {
      throw new RecordException("no run '" + runId + "' in record " + e.manifest().id());
    }
    return r;
  }

  private static void value(Experiment e, Annotation.Target t) throws RecordException {
    Run r = run(e, t.runId());
    if (t.tool() == null || r.fileFor(t.tool()) == null) {
      throw new RecordException("run " + r.id() + " holds " + (r.tool() == null ? "no tool output"
          : r.tool() + " output") + ", not " + t.tool());
    }
    if (t.line() == null || t.column() == null) {
      throw new RecordException("a value annotation needs the row's line and a column name");
    }
    DerivedTable d = e.derive(Tool.fromCliName(t.tool()));
    Table table = d.table();
    if (!table.columnNames().contains(t.column())) {
      throw new RecordException("the " + t.tool() + " table has no column '" + t.column() + "'");
    }
    if (!table.columnNames().contains("line")) {
      throw new RecordException("the " + t.tool() + " table has no 'line' column to identify rows");
    }
    Column<?> runIds = table.column("run_id");
    Column<?> lines = table.column("line");
    for (int i = 0; i < table.rowCount(); i++) {
      if (r.id().equals(runIds.get(i)) && !lines.isMissing(i)
          && ((Number) lines.get(i)).longValue() == t.line()) {
        return;
      }
    }
    String why = d.problems().stream().filter(p -> p.startsWith("run " + r.id() + ":")).findFirst()
        .map(p -> " (" + p + ")").orElse("");
    throw new RecordException("run " + r.id() + " has no " + t.tool() + " row at line " + t.line() + why);
  }
}
