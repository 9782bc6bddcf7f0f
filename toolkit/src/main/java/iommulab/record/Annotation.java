package iommulab.record;

import iommulab.parse.Tool;
import java.util.Objects;

/**
 * A note with author and time on the record, a run, or one value of a derived table.
 *
 * @param id unique in the record, e.g. {@code a003}
 * @param author who wrote it
 * @param time ISO-8601 instant
 * @param text the note
 * @param target what it is about
 */
public record Annotation(String id, String author, String time, String text, Target target) {

  /**
   * What an annotation is about. A value is identified by run, tool, the row's 1-based line in the raw
   * file (the derived table's {@code line} column) and the column name, which stay the same however
   * often the table is re-derived.
   *
   * @param kind {@code record}, {@code run} or {@code value}
   * @param runId the run, for run and value targets
   * @param tool the tool's CLI name, for value targets
   * @param line the row's {@code line}, for value targets
   * @param column the column name, for value targets
   */
  public record Target(String kind, String runId, String tool, Long line, String column) {
    public Target {
      Objects.requireNonNull(kind, "kind");
    }

    public static Target record() {
      return new Target("record", null, null, null, null);
    }

    public static Target run(String runId) {
      return new Target("run", runId, null, null, null);
    }

    public static Target value(String runId, Tool tool, long line, String column) {
      return new Target("value", runId, tool.cliName(), line, column);
    }

    /** e.g. {@code record}, {@code run r001}, {@code r001 qemu-io line 7 bytes_per_second}. */
    public String describe() {
      return switch (kind) {
        case "run" -> "run " + runId;
        case "value" -> runId + " " + tool + " line " + line + " " + column;
        default -> kind;
      };
    }
  }
}
