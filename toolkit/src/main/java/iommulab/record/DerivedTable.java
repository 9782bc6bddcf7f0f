package iommulab.record;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A tool's table across a record's runs, and the runs left out because their raw output did not parse
 * (each message names the run, file and the parser's complaint).
 */
public record DerivedTable(Table table, List<String> problems) {
  public DerivedTable {
    problems = List.copyOf(problems);
  }
}
