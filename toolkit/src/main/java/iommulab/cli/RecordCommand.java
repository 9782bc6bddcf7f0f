package iommulab.cli;

import iommulab.parse.Tool;
import iommulab.record.Annotation;
import iommulab.record.Bundle;
import iommulab.record.BundleLimits;
import iommulab.record.Experiment;
import iommulab.record.Host;
import iommulab.record.Manifest;
import iommulab.record.RecordException;
import iommulab.record.RecordText;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iommulab record}: create, inspect, annotate, export and move records. */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = "Create, show, annotate, export, bundle and import experiment records.",
    subcommands = {
      RecordCommand.New.class,
      RecordCommand.Show.class,
      RecordCommand.Annotate.class,
      RecordCommand.Export.class,
      RecordCommand.BundleCmd.class,
      RecordCommand.Import.class
    })
final class RecordCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs a record action, turning a RecordException into its message and exit status 4. */
  interface Action {
    int run() throws Exception;
  }

  static int guarded(String name, Action a) throws Exception {
    try {
      return a.run();
    } catch (RecordException e) {
      System.err.println("iommulab record " + name + ": " + e.getMessage());
      return 4;
    }
  }

  @Command(name = "new", mixinStandardHelpOptions = true,
      description = "Create an empty record in DIR (new or empty), with this host's facts.")
  static final class New implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR") Path dir;

    @Option(names = "--title", description = "Title (default: the directory name).") String title;

    @Option(names = "--description", description = "What the experiment is about.") String description = "";

    @Option(names = "--author", description = "An author (repeatable).") List<String> authors = new ArrayList<>();

    @Option(names = "--id", description = "Record id (default: the directory name).") String id;

    @Override
    public Integer call() throws Exception {
      return guarded("new", () -> {
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        Experiment.create(dir, Manifest.create(id == null ? name : id, title == null ? name : title,
            description, authors, Instant.now().toString(), Host.probe(Path.of("/"))));
        System.out.println("created record " + dir);
        return Main.OK;
      });
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = {"Print the record: host, runs (tool, command, status, parse outcome, device, "
          + "configuration, key/values, files) and notes, then any integrity problem.",
          "Exit status 2 when a raw file's checksum or size does not match the manifest."})
  static final class Show implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR") Path dir;

    @Override
    public Integer call() throws Exception {
      return guarded("show", () -> {
        Experiment e = Experiment.open(dir);
        System.out.print(RecordText.show(e));
        boolean bad = e.problems().stream().anyMatch(p -> p.kind() == iommulab.record.Problem.Kind.INTEGRITY);
        return bad ? Main.MALFORMED : Main.OK;
      });
    }
  }

  @Command(name = "annotate", mixinStandardHelpOptions = true,
      description = {"Add a note to the record, to a run (--run), or to one value (--run, --tool, "
          + "--line, --column: the row whose 'line' column is LINE in that run's table)."})
  static final class Annotate implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR") Path dir;

    @Option(names = "--author", required = true) String author;

    @Option(names = "--text", required = true) String text;

    @Option(names = "--run", paramLabel = "RUN_ID") String runId;

    @Option(names = "--tool", paramLabel = "TOOL", description = "qemu-io, perf-stat or stackcount.") String tool;

    @Option(names = "--line", paramLabel = "LINE") Long line;

    @Option(names = "--column", paramLabel = "COLUMN") String column;

    @Override
    public Integer call() throws Exception {
      return guarded("annotate", () -> {
        Annotation.Target target;
        if (tool != null || line != null || column != null) {
          if (runId == null || tool == null || line == null || column == null) {
            System.err.println("iommulab record annotate: a value note needs --run, --tool, --line and --column");
            return Main.USAGE;
          }
          target = Annotation.Target.value(runId, Tool.fromCliName(tool), line, column);
        } else {
          target = runId == null ? Annotation.Target.record() : Annotation.Target.run(runId);
        }
        Experiment.open(dir).annotate(target, author, text);
        System.out.println("noted on " + target.describe());
        return Main.OK;
      });
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Write every derived table as OUT_DIR/<tool>.csv (canonical CSV, header first).")
  static final class Export implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR") Path dir;

    @Parameters(index = "1", paramLabel = "OUT_DIR") Path out;

    @Override
    public Integer call() throws Exception {
      return guarded("export", () -> {
        Experiment e = Experiment.open(dir);
        for (Path p : e.exportCsv(out)) {
          System.out.println(p);
        }
        for (Tool t : e.tools()) {
          e.derive(t).problems().forEach(p -> System.err.println("iommulab record export: left out " + p));
        }
        return Main.OK;
      });
    }
  }

  @Command(name = "bundle", mixinStandardHelpOptions = true,
      description = "Write the record as one zip file: manifest.json and the raw files it names.")
  static final class BundleCmd implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR") Path dir;

    @Parameters(index = "1", paramLabel = "FILE.zip") Path zip;

    @Override
    public Integer call() throws Exception {
      return guarded("bundle", () -> {
        Bundle.write(Experiment.open(dir), zip);
        System.out.println("wrote " + zip);
        return Main.OK;
      });
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Unpack a bundle into DIR (new or empty) after checking every entry: no absolute "
          + "paths, '..', links, duplicates, oversized or over-compressed entries, and every sha256 "
          + "matching. Nothing is written when a check fails."})
  static final class Import implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.zip") Path zip;

    @Parameters(index = "1", paramLabel = "DIR") Path dir;

    @Override
    public Integer call() throws Exception {
      return guarded("import", () -> {
        Experiment e = Bundle.importTo(zip, dir, BundleLimits.defaults());
        System.out.println("imported record " + e.manifest().id() + " into " + dir);
        return Main.OK;
      });
    }
  }
}
