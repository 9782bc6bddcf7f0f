package iommulab.report;

import iommulab.parse.Tool;
import iommulab.record.DerivedTable;
import iommulab.record.Experiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record as one self-contained HTML file: description, configurations, derived tables and
 * comparisons, charts, every annotation beside what it annotates, and provenance (command lines,
 * host, raw file sha256). plotly.js is inlined once; the page loads nothing from a network.
 *
 * <pre>{@code
 * Report.write(Experiment.open(Path.of("datasets/wiki-smmuv3-2021")), ReportOptions.defaults(),
 *     Path.of("report.html"));
 * }</pre>
 */
public final class Report {
  private Report() {}

  /** The report page for a record. */
  public static String html(Experiment experiment, ReportOptions options) {
    Map<Tool, DerivedTable> tables = new LinkedHashMap<>();
    for (Tool tool : experiment.tools()) {
      tables.put(tool, experiment.derive(tool));
    }
    return html(experiment, tables, options);
  }

  /** Writes {@link #html} to {@code out} as UTF-8. */
  public static void write(Experiment experiment, ReportOptions options, Path out)
      throws IOException {
    Files.writeString(out, html(experiment, options), StandardCharsets.UTF_8);
  }

  /** The page over tables given by the caller (tests give tables without parsing raw files). */
  static String html(Experiment experiment, Map<Tool, DerivedTable> tables, ReportOptions options) {
    return new ReportPage(experiment, tables, options).render();
  }
}
