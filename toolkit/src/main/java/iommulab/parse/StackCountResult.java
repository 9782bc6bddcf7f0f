package iommulab.parse;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The parsed output of bcc {@code stackcount} (multi-line or {@code -f}) or a bpftrace stack map: the
 * table of stacks (one row per printed stack), the stacks themselves with their frames, and the facts
 * that are not rows (traced pattern, intervals, total count...).
 *
 * <pre>{@code
 * StackCountResult r = StackCount.parse(Path.of("stacks.txt"));
 * r.writeFolded(Files.newBufferedWriter(Path.of("stacks.folded")));   // for flamegraph.pl
 * }</pre>
 *
 * @param stacks every printed stack in order of appearance; {@code stacks().get(i)} is table row i
 */
public record StackCountResult(
    String source,
    Table table,
    List<Stack> stacks,
    List<Warning> warnings,
    List<ToolError> toolErrors,
    List<SourceLine> unrecognized,
    Map<String, Object> facts)
    implements ParseResult {

  @Override
  public Tool tool() {
    return Tool.STACKCOUNT;
  }

  /**
   * One line for {@code parse --format summary}, e.g.
   * {@code 3 stacks, 1 interval, 17 distinct frames, total count 262300}.
   */
  @Override
  public String summary() {
    int intervals = ((Number) facts.getOrDefault("intervals", 0)).intValue();
    return stacks.size() + " stacks, " + intervals + (intervals == 1 ? " interval, " : " intervals, ")
        + facts.get("distinct_frames") + " distinct frames, total count " + facts.get("total_count");
  }

  /**
   * Writes FlameGraph folded lines, one per stack in order: the process first when known, then the
   * frames root to leaf, a {@code -} element between user and kernel frames when {@code -d} delimited
   * them, a space and the count. For {@code stackcount -P -f} text this gives back the input; bcc's
   * empty first element (no {@code -P}) is not written. Stacks are not merged.
   */
  public void writeFolded(Appendable out) throws IOException {
    StringBuilder line = new StringBuilder(1024);
    for (Stack stack : stacks) {
      line.setLength(0);
      line.append(stack.process());
      stack.appendFolded(line, !stack.process().isEmpty());
      line.append(' ').append(stack.count()).append('\n');
      out.append(line);
    }
  }
}
