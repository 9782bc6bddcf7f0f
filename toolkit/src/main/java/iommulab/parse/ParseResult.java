package iommulab.parse;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * What a parser made of one tool output: the table of measurements plus the facts that are not rows.
 * Every implementation keeps the lines it did not recognise, so no input is silently dropped.
 */
public sealed interface ParseResult permits QemuIoResult, PerfStatResult, StackCountResult {

  /** The tool that printed the text. */
  Tool tool();

  /** The source name given in {@link ParseOptions}, e.g. the file name. */
  String source();

  /** The measurements, with exactly the columns documented for the tool (see README). */
  Table table();

  /** Things accepted but worth knowing (filtered timings, guessed formats, ...), with line numbers. */
  List<Warning> warnings();

  /** Error reports the tool itself printed (not parse errors), with line numbers. */
  List<ToolError> toolErrors();

  /** Lines no rule recognised, verbatim, with their line numbers. */
  List<SourceLine> unrecognized();

  /** True when the text held at least one measurement (a table row). */
  default boolean hasMeasurements() {
    return table().rowCount() > 0;
  }

  /**
   * The facts that are not rows, in a stable order with units in the key names, e.g.
   * {@code target}, {@code elapsed_s}, {@code user_s}, {@code sys_s}, {@code traced}. Values are
   * String, Number, Boolean, List or Map so they serialise to JSON as they are.
   */
  java.util.Map<String, Object> facts();

  /** One line: rows and the counts that matter for this tool, for {@code parse --format summary}. */
  String summary();
}
