package iommulab.parse;

import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The parsed output of one qemu-io run: one table row per report ({@code read}, {@code wrote},
 * {@code discard} or a {@code -C} line) with the columns
 * {@code index,op,offset,requested_bytes,bytes,ops,seconds,bytes_per_second,ops_per_second,line},
 * plus the facts that are not rows (target image, probed format, length, info, map/alloc output).
 *
 * <pre>{@code
 * QemuIoResult r = QemuIo.parse(Path.of("run1.txt"));
 * double bytesPerSecond = r.table().doubleColumn("bytes_per_second").get(0);
 * System.out.println(r.summary()); // qemu-io: 1 report (1 read, 0 write), 0 errors, 0 unrecognized lines
 * }</pre>
 *
 * @param facts ordered, unmodifiable; keys documented in the README (qemu-io section)
 */
public record QemuIoResult(
    String source,
    Table table,
    List<Warning> warnings,
    List<ToolError> toolErrors,
    List<SourceLine> unrecognized,
    Map<String, Object> facts)
    implements ParseResult {

  public QemuIoResult {
    warnings = List.copyOf(warnings);
    toolErrors = List.copyOf(toolErrors);
    unrecognized = List.copyOf(unrecognized);
    facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
  }

  @Override
  public Tool tool() {
    return Tool.QEMU_IO;
  }

  /**
   * For example {@code qemu-io: 6 reports (4 read, 2 write), 1 error, 0 unrecognized lines}; discard
   * and {@code -C} reports are named only when present.
   */
  @Override
  public String summary() {
    int reports = table.rowCount();
    StringBuilder sb = new StringBuilder("qemu-io: ");
    sb.append(plural(reports, "report", "reports"));
    if (reports > 0) {
      sb.append(" (").append(facts.get("read_reports")).append(" read, ")
          .append(facts.get("write_reports")).append(" write");
      appendIfAny(sb, "discard_reports", "discard");
      appendIfAny(sb, "terse_reports", "-C");
      sb.append(')');
    }
    sb.append(", ").append(plural(toolErrors.size(), "error", "errors"));
    // the fact counts every unrecognised line, also those beyond the listed ones
    Object unknown = facts.getOrDefault("unrecognized_lines", unrecognized.size());
    long unknownLines = unknown instanceof Number n ? n.longValue() : unrecognized.size();
    sb.append(", ").append(plural(unknownLines, "unrecognized line", "unrecognized lines"));
    return sb.toString();
  }

  private void appendIfAny(StringBuilder sb, String key, String label) {
    Object n = facts.get(key);
    if (n instanceof Integer count && count > 0) {
      sb.append(", ").append(count).append(' ').append(label);
    }
  }

  private static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
