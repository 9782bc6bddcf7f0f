package iommulab.parse;

import java.util.List;
import tech.tablesaw.api.Table;

/** The parsed output of one PerfStat text. (Placeholder shape: the PerfStat parser defines the final one.) */
public record PerfStatResult(
    String source,
    Table table,
    List<Warning> warnings,
    List<ToolError> toolErrors,
    List<SourceLine> unrecognized)
    implements ParseResult {

  @Override
  public Tool tool() {
    return Tool.PERF_STAT;
  }

  @Override
  public java.util.Map<String, Object> facts() {
    return java.util.Map.of();
  }

  @Override
  public String summary() {
    return table.rowCount() + " rows";
  }
}
