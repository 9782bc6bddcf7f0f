package iommulab.cli;

import iommulab.record.Experiment;
import iommulab.record.RecordException;
import iommulab.report.Report;
import iommulab.report.ReportOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iommulab report}: a record as one self-contained HTML file. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write a record as one self-contained HTML file: description, configurations, derived tables,"
          + " ratios, charts, annotations and provenance. plotly.js is inlined; the file opens from"
          + " disk with no network.",
      "",
      "Exit status: 0 written; 1 usage error (no such record, unknown group column or baseline);"
          + " 2 the record's manifest is malformed."
    })
final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RECORD", description = "The record directory.")
  Path record;

  @Option(
      names = "--out",
      paramLabel = "FILE.html",
      description = "Where to write the report (default: RECORD-NAME-report.html in the current"
          + " directory).")
  Path out;

  @Option(
      names = "--group",
      paramLabel = "COLUMN",
      defaultValue = "run_label",
      description = "Compare runs grouped by this column of the derived tables, e.g. run_label,"
          + " iommu_strict, driver (default: ${DEFAULT-VALUE}).")
  String group;

  @Option(
      names = "--baseline",
      paramLabel = "GROUP",
      description = "The group ratios are taken against (default: the first group in record order).")
  String baseline;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      defaultValue = "200",
      description = "Rows shown of each raw derived table; the rest are counted (default:"
          + " ${DEFAULT-VALUE}).")
  int maxRows;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!Files.isDirectory(record)) {
      spec.commandLine().getErr().println("iommulab report: " + record + ": not a record directory");
      return Main.USAGE;
    }
    Path target =
        out != null ? out : Path.of(record.toAbsolutePath().normalize().getFileName() + "-report.html");
    try {
      Experiment e = Experiment.open(record);
      Report.write(e, new ReportOptions(group, baseline, maxRows), target);
    } catch (RecordException ex) {
      spec.commandLine().getErr().println("iommulab report: " + ex.getMessage());
      return Main.MALFORMED;
    } catch (IllegalArgumentException ex) {
      spec.commandLine().getErr().println("iommulab report: " + ex.getMessage());
      return Main.USAGE;
    } catch (IOException ex) {
      spec.commandLine().getErr().println("iommulab report: " + ex.getMessage());
      return Main.USAGE;
    }
    spec.commandLine().getOut().println("wrote " + target);
    return Main.OK;
  }
}
