package iommulab.record;

import iommulab.parse.ParseException;
import iommulab.parse.ParseOptions;
import iommulab.parse.ParseResult;
import iommulab.parse.Parsers;
import iommulab.parse.TableCsv;
import iommulab.parse.Tool;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import tech.tablesaw.api.Table;

/**
 * An experiment record on disk: a directory holding {@code manifest.json} and the raw outputs, from
 * which every table is derived by the parsers. Opening checks the schema and every raw file's sha256
 * and reports mismatches in {@link #problems()}; it only reads files, never runs anything.
 *
 * <pre>{@code
 * Experiment e = Experiment.open(Path.of("datasets/wiki-smmuv3-2021"));
 * Table qemu = e.table(Tool.QEMU_IO);   // one row per report, run_id/run_label/config columns first
 * e = e.annotate(Annotation.Target.run("r001"), "ana", "first run after reboot");
 * }</pre>
 *
 * <p>Instances are immutable snapshots; methods that change the record return the new snapshot.
 */
public final class Experiment {
  /** Where a run's capture holds its lock while it writes; see {@link Capture}. */
  static final String CAPTURE_LOCK = ".capture.lock";

  private final Path dir;
  private final Manifest manifest;
  private final List<Problem> problems;

  private Experiment(Path dir, Manifest manifest, List<Problem> problems) {
    this.dir = dir;
    this.manifest = manifest;
    this.problems = List.copyOf(problems);
  }

  /**
   * Creates a record in {@code dir}, which must not exist or be empty.
   *
   * @throws RecordException when {@code dir} already holds something
   */
  public static Experiment create(Path dir, Manifest manifest) throws IOException, RecordException {
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw new RecordException(dir + ": exists and is not a directory");
      }
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new RecordException(dir + ": not empty; a new record needs an empty or new directory");
        }
      }
    }
    Files.createDirectories(dir);
    try (RecordLock lock = RecordLock.acquire(dir)) {
      AtomicFiles.write(dir.resolve(ManifestJson.FILE), ManifestJson.write(manifest));
    }
    return new Experiment(dir, manifest, List.of());
  }

  /**
   * Opens a record: reads and validates the manifest, then checks every raw file.
   *
   * @throws RecordException when the manifest is missing, malformed or of another schema version
   */
  public static Experiment open(Path dir) throws IOException, RecordException {
    Path file = dir.resolve(ManifestJson.FILE);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new RecordException(file + ": missing (not an iommulab record?)");
    }
    Manifest m = ManifestJson.read(Files.readAllBytes(file), file.toString());
    return new Experiment(dir, m, check(dir, m));
  }

  private static List<Problem> check(Path dir, Manifest m) throws IOException {
    List<Problem> found = new ArrayList<>();
    for (Run run : m.runs()) {
      if (run.status() == RunStatus.RUNNING) {
        boolean live = captureIsLive(dir.resolve("runs").resolve(run.id()).resolve(CAPTURE_LOCK));
        long bytes = 0;
        for (RawFile f : run.files()) {
          Path p = dir.resolve(f.path());
          bytes += Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.size(p) : 0;
        }
        found.add(live
            ? new Problem(Problem.Kind.RUNNING, run.id(), "run " + run.id() + " is being captured now ("
                + bytes + " bytes so far)")
            : new Problem(Problem.Kind.PARTIAL, run.id(), "run " + run.id() + " did not finish: its "
                + "capture ended without recording an exit (killed?); the raw output kept is partial ("
                + bytes + " bytes, no checksum)"));
        continue;
      }
      for (RawFile f : run.files()) {
        Path p = dir.resolve(f.path());
        String where = "run " + run.id() + ": " + f.path();
        if (Files.isSymbolicLink(p)) {
          found.add(new Problem(Problem.Kind.INTEGRITY, run.id(), where
              + " is a symbolic link; a record holds regular files only"));
        } else if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          found.add(new Problem(Problem.Kind.INTEGRITY, run.id(), where + " is missing"));
        } else if (f.sha256() != null) {
          String actual = Sha256.of(p);
          if (!actual.equals(f.sha256())) {
            found.add(new Problem(Problem.Kind.INTEGRITY, run.id(), where + ": sha256 mismatch: "
                + "manifest says " + f.sha256() + ", file has " + actual + " (" + Files.size(p)
                + " bytes, manifest says " + f.bytes() + ")"));
          }
        } else {
          found.add(new Problem(Problem.Kind.INTEGRITY, run.id(), where + " has no sha256 in the manifest"));
        }
      }
    }
    return found;
  }

  /** A capture holds an exclusive lock on its lock file; a shared probe fails while it lives. */
  private static boolean captureIsLive(Path lockFile) {
    if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.READ)) {
      FileLock probe = ch.tryLock(0, Long.MAX_VALUE, true);
      if (probe == null) {
        return true;
      }
      probe.release();
      return false;
    } catch (OverlappingFileLockException heldInThisJvm) {
      return true;
    } catch (IOException cannotTell) {
      return false;
    }
  }

  public Path dir() {
    return dir;
  }

  public Manifest manifest() {
    return manifest;
  }

  public List<Run> runs() {
    return manifest.runs();
  }

  /** Integrity problems, partial and running captures found when this snapshot was opened. */
  public List<Problem> problems() {
    return problems;
  }

  /** Where a raw file lives on disk. */
  public Path path(RawFile file) {
    return dir.resolve(file.path());
  }

  /** Re-reads the record from disk. */
  public Experiment reload() throws IOException, RecordException {
    return open(dir);
  }

  /**
   * Parses a run's tool output from its raw file.
   *
   * @throws IllegalArgumentException when the run has no tool or no parsed file
   */
  public ParseResult parse(Run run) throws IOException, ParseException {
    if (run.tool() == null || run.parsedFile() == null) {
      throw new IllegalArgumentException("run " + run.id() + " has no recognised tool output to parse");
    }
    return parse(run, Tool.fromCliName(run.tool()));
  }

  /**
   * Parses the given tool's output of a run (its own tool or one of {@link Run#otherOutputs()}).
   *
   * @throws IllegalArgumentException when the run holds no output of that tool
   */
  public ParseResult parse(Run run, Tool tool) throws IOException, ParseException {
    String file = run.fileFor(tool.cliName());
    if (file == null) {
      throw new IllegalArgumentException("run " + run.id() + " holds no " + tool + " output");
    }
    return Parsers.parse(tool, dir.resolve(file), ParseOptions.defaults().withSource(file));
  }

  /** One table for the tool across all its runs, run and configuration columns first. */
  public Table table(Tool tool) {
    return derive(tool).table();
  }

  /** The table and the runs that could not be derived (each named with the parser's message). */
  public DerivedTable derive(Tool tool) {
    return DerivedTables.derive(this, tool);
  }

  /** The tools that have at least one run in this record, in {@link Tool} order. */
  public List<Tool> tools() {
    List<Tool> tools = new ArrayList<>();
    for (Tool t : Tool.values()) {
      if (runs().stream().anyMatch(r -> r.fileFor(t.cliName()) != null)) {
        tools.add(t);
      }
    }
    return tools;
  }

  /**
   * Writes {@code <tool>.csv} for every tool in the record into {@code outDir}, in
   * {@link TableCsv}'s canonical form.
   */
  public List<Path> exportCsv(Path outDir) throws IOException {
    Files.createDirectories(outDir);
    List<Path> written = new ArrayList<>();
    for (Tool t : tools()) {
      StringWriter w = new StringWriter();
      TableCsv.write(table(t), w);
      Path out = outDir.resolve(t.cliName() + ".csv");
      AtomicFiles.write(out, w.toString().getBytes(StandardCharsets.UTF_8));
      written.add(out);
    }
    return written;
  }

  /** The annotations on exactly this target. */
  public List<Annotation> annotationsOn(Annotation.Target target) {
    return manifest.annotations().stream().filter(a -> a.target().equals(target)).toList();
  }

  /**
   * Adds a note. A value target must name a row ({@code line}) and column of the run's derived table.
   *
   * @throws RecordException when the target does not exist
   */
  public Experiment annotate(Annotation.Target target, String author, String text)
      throws IOException, RecordException {
    Annotations.checkTarget(this, target);
    return update(m -> {
      List<Annotation> all = new ArrayList<>(m.annotations());
      all.add(new Annotation(nextId("a", all.stream().map(Annotation::id).toList()), author,
          Instant.now().toString(), text, target));
      return m.withAnnotations(all);
    });
  }

  /**
   * Adds a run whose raw files are given as bytes (a transcribed or imported run): the files are
   * written under {@code runs/<id>/} and their sha256 computed. The run's id and files are assigned here.
   *
   * @param raw file name (e.g. {@code output.txt}) to stream name and content
   */
  public Experiment addRun(Run template, List<RawContent> raw) throws IOException, RecordException {
    Manifest[] result = new Manifest[1];
    try (RecordLock lock = RecordLock.acquire(dir)) {
      Manifest m = ManifestJson.read(Files.readAllBytes(dir.resolve(ManifestJson.FILE)),
          dir.resolve(ManifestJson.FILE).toString());
      String id = nextId("r", m.runs().stream().map(Run::id).toList());
      Path runDir = Files.createDirectories(dir.resolve("runs").resolve(id));
      List<RawFile> files = new ArrayList<>();
      String parsed = null;
      for (RawContent c : raw) {
        String problem = SafePaths.check(c.fileName());
        if (problem != null || c.fileName().contains("/")) {
          throw new RecordException("raw file name " + c.fileName() + " must be a plain file name");
        }
        AtomicFiles.write(runDir.resolve(c.fileName()), c.bytes());
        String rel = "runs/" + id + "/" + c.fileName();
        files.add(new RawFile(rel, c.stream(), Sha256.of(c.bytes()), c.bytes().length));
        if (c.holdsToolOutput()) {
          parsed = rel;
        }
      }
      ParseStatus parseStatus = template.parseStatus();
      String parseMessage = template.parseMessage();
      if (parseStatus == ParseStatus.NOT_CHECKED && template.tool() != null && parsed != null) {
        ParseCheck check = ParseCheck.of(Tool.fromCliName(template.tool()), dir, parsed);
        parseStatus = check.status();
        parseMessage = check.message();
      }
      Run run = new Run(id, template.label(), template.tool(), template.command(),
          template.commandLine(), template.start(), template.durationSeconds(), template.exitStatus(),
          template.status(), parseStatus, parseMessage, parsed, files,
          template.boot(), template.device(), template.values(), template.otherOutputs());
      List<Run> runs = new ArrayList<>(m.runs());
      runs.add(run);
      result[0] = m.withRuns(runs);
      AtomicFiles.write(dir.resolve(ManifestJson.FILE), ManifestJson.write(result[0]));
    }
    return open(dir);
  }

  /**
   * One raw file for {@link #addRun}.
   *
   * @param holdsToolOutput true for the file the run's tool printed its results to
   */
  public record RawContent(String fileName, String stream, byte[] bytes, boolean holdsToolOutput) {}

  /** Read-modify-write of the manifest under the record lock; returns the re-opened record. */
  Experiment update(UnaryOperator<Manifest> change) throws IOException, RecordException {
    try (RecordLock lock = RecordLock.acquire(dir)) {
      Path file = dir.resolve(ManifestJson.FILE);
      Manifest current = ManifestJson.read(Files.readAllBytes(file), file.toString());
      AtomicFiles.write(file, ManifestJson.write(change.apply(current)));
    }
    return open(dir);
  }

  static String nextId(String prefix, List<String> taken) {
    int max = 0;
    for (String id : taken) {
      if (id.startsWith(prefix)) {
        try {
          max = Math.max(max, Integer.parseInt(id.substring(prefix.length())));
        } catch (NumberFormatException notOurs) {
          // Ids not of the form <prefix><n> (hand-written ones) do not take part in numbering.
        }
      }
    }
    return String.format("%s%03d", prefix, max + 1);
  }
}
