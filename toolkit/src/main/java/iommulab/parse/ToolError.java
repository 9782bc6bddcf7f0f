package iommulab.parse;

/**
 * An error report printed by the tool itself (not a parse problem), e.g. qemu-io's
 * {@code can't open device nvme://...} or perf's {@code event syntax error}, with its 1-based line.
 */
public record ToolError(long line, String message) {
  @Override
  public String toString() {
    return "line " + line + ": " + message;
  }
}
