package iommulab.parse;

import java.util.List;
import tech.tablesaw.api.Table;

/** The parsed output of one QemuIo text. (Placeholder shape: the QemuIo parser defines the final one.) */
public record QemuIoResult(
    String source,
    Table table,
    List<Warning> warnings,
    List<ToolError> toolErrors,
    List<SourceLine> unrecognized)
    implements ParseResult {

  @Override
  public Tool tool() {
    return Tool.QEMU_IO;
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
