package iommulab.parse;

import java.util.List;
import tech.tablesaw.api.Table;

/** The parsed output of one StackCount text. (Placeholder shape: the StackCount parser defines the final one.) */
public record StackCountResult(
    String source,
    Table table,
    List<Warning> warnings,
    List<ToolError> toolErrors,
    List<SourceLine> unrecognized)
    implements ParseResult {

  @Override
  public Tool tool() {
    return Tool.STACKCOUNT;
  }

  @Override
  public java.util.Map<String, Object> facts() {
    return java.util.Map.of();
  }

  /** Writes FlameGraph folded lines. (Placeholder: the stackcount parser defines it.) */
  public void writeFolded(Appendable out) throws java.io.IOException {
    throw new UnsupportedOperationException("folded output not written yet");
  }

  @Override
  public String summary() {
    return table.rowCount() + " rows";
  }
}
