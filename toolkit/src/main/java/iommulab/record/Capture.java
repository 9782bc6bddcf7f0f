package iommulab.record;

import iommulab.config.EffectiveIommu;
import iommulab.parse.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a command into a record: its stdout and stderr go to the terminal and, byte-exact, to
 * {@code runs/<id>/stdout.txt} and {@code stderr.txt} as they arrive. The run is in the manifest (as
 * {@code running}) before the command starts, so a kill -9 leaves a readable record whose partial
 * output {@link Experiment#open} reports; Ctrl-C ends the command and finishes the run as
 * {@code interrupted} with everything it printed.
 *
 * <pre>{@code
 * Capture.Outcome o = Capture.run(new Capture.Request(dir, "strict", List.of("qemu-io", "-c", "read 0 4k",
 *     "null-co://"), null, Map.of("block_size", "4096"), Path.of("/"), dmesg, Duration.ofSeconds(10)),
 *     System.out, System.err, System.err);
 * }</pre>
 */
public final class Capture {
  private Capture() {}

  /**
   * What to capture.
   *
   * @param recordDir the record; created (titled after the directory) when it does not exist
   * @param label the run's label
   * @param command the argument vector to run
   * @param device PCI address of the device under test, or null
   * @param values free key/values stored with the run
   * @param root where host facts are read ({@code /} live, a fixture tree in tests)
   * @param kernelLogText the kernel log text for the boot configuration ("" when unavailable)
   * @param progressEvery how often to report progress on long runs; zero for never
   */
  public record Request(Path recordDir, String label, List<String> command, String device,
      Map<String, String> values, Path root, String kernelLogText, Duration progressEvery) {
    public Request {
      Objects.requireNonNull(recordDir, "recordDir");
      command = List.copyOf(command);
      if (command.isEmpty()) {
        throw new IllegalArgumentException("no command to capture");
      }
      values = values == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(values));
      label = label == null ? "" : label;
      kernelLogText = kernelLogText == null ? "" : kernelLogText;
      progressEvery = progressEvery == null ? Duration.ZERO : progressEvery;
    }
  }

  /**
   * How it went.
   *
   * @param run the run as stored
   * @param message one line for the user: parse outcome and where the raw output is
   */
  public record Outcome(Run run, String message) {}

  /**
   * Runs the request. Terminal streams receive the command's bytes as they come; {@code progress}
   * gets the progress lines.
   */
  public static Outcome run(Request req, OutputStream terminalOut, OutputStream terminalErr,
      PrintStream progress) throws IOException, RecordException {
    Path dir = req.recordDir();
    if (!Files.exists(dir.resolve(ManifestJson.FILE))) {
      String name = dir.toAbsolutePath().normalize().getFileName().toString();
      Experiment.create(dir, Manifest.create(name, name, "", List.of(System.getProperty("user.name", "")),
          Instant.now().toString(), Host.probe(req.root())));
    }
    EffectiveIommu seen = EffectiveIommu.read(req.root(), req.kernelLogText());
    BootSnapshot boot = BootSnapshot.of(Host.read(req.root().resolve("proc/cmdline")), "/proc/cmdline", seen);
    Device device = req.device() == null ? null : Device.probe(req.root(), req.device());
    Optional<ToolRecognition.Guess> guess = ToolRecognition.fromCommand(req.command());

    String[] runId = new String[1];
    Instant start = Instant.now();
    try (RecordLock lock = RecordLock.acquire(dir)) {
      Manifest m = ManifestJson.read(Files.readAllBytes(dir.resolve(ManifestJson.FILE)), ManifestJson.FILE);
      runId[0] = Experiment.nextId("r", m.runs().stream().map(Run::id).toList());
      Files.createDirectories(dir.resolve("runs").resolve(runId[0]));
      List<RawFile> files = List.of(
          new RawFile("runs/" + runId[0] + "/stdout.txt", "stdout", null, -1),
          new RawFile("runs/" + runId[0] + "/stderr.txt", "stderr", null, -1));
      Run run = new Run(runId[0], req.label(), guess.map(g -> g.tool().cliName()).orElse(null),
          req.command(), ShellQuote.join(req.command()), start.toString(), null, null,
          RunStatus.RUNNING, ParseStatus.NOT_CHECKED, "", null, files, boot, device, req.values(),
          List.of());
      List<Run> runs = new ArrayList<>(m.runs());
      runs.add(run);
      AtomicFiles.write(dir.resolve(ManifestJson.FILE), ManifestJson.write(m.withRuns(runs)));
    }
    return new Running(dir, runId[0], req, guess, start, terminalOut, terminalErr, progress).go();
  }

  /** One capture in flight: the process, its two pumps, the progress ticker and the Ctrl-C hook. */
  private static final class Running {
    private final Path dir;
    private final String id;
    private final Request req;
    private final Optional<ToolRecognition.Guess> guess;
    private final Instant start;
    private final OutputStream terminalOut;
    private final OutputStream terminalErr;
    private final PrintStream progress;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Process process;
    private Thread outPump;
    private Thread errPump;
    private Outcome outcome;

    Running(Path dir, String id, Request req, Optional<ToolRecognition.Guess> guess, Instant start,
        OutputStream terminalOut, OutputStream terminalErr, PrintStream progress) {
      this.dir = dir;
      this.id = id;
      this.req = req;
      this.guess = guess;
      this.start = start;
      this.terminalOut = terminalOut;
      this.terminalErr = terminalErr;
      this.progress = progress;
    }

    Outcome go() throws IOException, RecordException {
      Path runDir = dir.resolve("runs").resolve(id);
      Path lockFile = runDir.resolve(Experiment.CAPTURE_LOCK);
      try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
          FileLock held = lockChannel.lock();
          OutputStream out = Files.newOutputStream(runDir.resolve("stdout.txt"));
          OutputStream err = Files.newOutputStream(runDir.resolve("stderr.txt"))) {
        Thread hook = new Thread(this::onShutdown, "iommulab-capture-" + id + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Integer exit = null;
        String startProblem = null;
        try {
          try {
            process = new ProcessBuilder(req.command()).redirectInput(ProcessBuilder.Redirect.INHERIT)
                .start();
          } catch (IOException cannotStart) {
            startProblem = "the command could not be started: " + cannotStart.getMessage();
          }
          if (process != null) {
            outPump = pump(process.getInputStream(), out, terminalOut, "stdout");
            errPump = pump(process.getErrorStream(), err, terminalErr, "stderr");
            Thread ticker = ticker();
            exit = waitFor(process);
            joinPumps();
            ticker.interrupt();
          }
        } finally {
          if (!interrupted.get()) {
            try {
              Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
              // The hook is running or about to; it finishes the run.
            }
          }
        }
        out.flush();
        err.flush();
        held.release();
        finish(exit, startProblem);
      }
      Files.deleteIfExists(lockFile);
      synchronized (this) {
        return outcome;
      }
    }

    private static Integer waitFor(Process p) {
      while (true) {
        try {
          return p.waitFor();
        } catch (InterruptedException e) {
          // Keep waiting: the command decides when it ends; Ctrl-C reaches it directly.
        }
      }
    }

    private Thread pump(InputStream from, OutputStream file, OutputStream terminal, String name) {
      Thread t = new Thread(() -> {
        byte[] buf = new byte[8192];
        try (from) {
          int n;
          while ((n = from.read(buf)) > 0) {
            // The file first: it is the copy that must survive; then the terminal.
            file.write(buf, 0, n);
            bytes.addAndGet(n);
            synchronized (terminal) {
              terminal.write(buf, 0, n);
              terminal.flush();
            }
          }
        } catch (IOException streamClosed) {
          // The process ended or was destroyed; what arrived is already written.
        }
      }, "iommulab-capture-" + id + "-" + name);
      t.setDaemon(true);
      t.start();
      return t;
    }

    private Thread ticker() {
      Thread t = new Thread(() -> {
        long every = req.progressEvery().toMillis();
        if (every <= 0) {
          return;
        }
        try {
          while (true) {
            Thread.sleep(every);
            long seconds = Duration.between(start, Instant.now()).toSeconds();
            progress.printf("iommulab capture %s: %d s elapsed, %s captured%n", id, seconds,
                humanBytes(bytes.get()));
            progress.flush();
          }
        } catch (InterruptedException done) {
          // The command ended.
        }
      }, "iommulab-capture-" + id + "-progress");
      t.setDaemon(true);
      t.start();
      return t;
    }

    private void joinPumps() {
      for (Thread t : new Thread[] {outPump, errPump}) {
        if (t != null) {
          try {
            t.join(5_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }

    /** Ctrl-C (SIGINT/SIGTERM to the JVM): end the command, keep its output, finish the run. */
    private void onShutdown() {
      if (finished.get()) {
        return;
      }
      interrupted.set(true);
      Process p = process;
      if (p != null && p.isAlive()) {
        p.destroy();
        try {
          if (!p.waitFor(3, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
          }
        } catch (InterruptedException e) {
          p.destroyForcibly();
        }
      }
      joinPumps();
      try {
        finish(p == null || p.isAlive() ? null : p.exitValue(), null);
      } catch (IOException | RecordException e) {
        System.err.println("iommulab capture: could not finish run " + id + ": " + e.getMessage());
      }
    }

    private synchronized void finish(Integer exit, String startProblem) throws IOException, RecordException {
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      double seconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
      List<RawFile> files = new ArrayList<>();
      for (String stream : List.of("stdout", "stderr")) {
        String rel = "runs/" + id + "/" + stream + ".txt";
        Path p = dir.resolve(rel);
        files.add(new RawFile(rel, stream, Sha256.of(p), Files.size(p)));
      }
      Check check = startProblem != null
          ? new Check(guess.map(g -> g.tool().cliName()).orElse(null), null, ParseStatus.NOT_CHECKED,
              startProblem, List.of())
          : check();
      RunStatus status = interrupted.get() ? RunStatus.INTERRUPTED : RunStatus.COMPLETE;
      Experiment e = new ExperimentUpdate(dir).replaceRun(id, r -> r.finished(seconds,
          startProblem != null ? Integer.valueOf(127) : exit, status, files, check.tool, check.status,
          check.message, check.file, check.others));
      Run run = e.manifest().run(id);
      String where = "raw output in " + dir.resolve("runs").resolve(id);
      outcome = new Outcome(run, "run " + id + " " + status.name().toLowerCase(java.util.Locale.ROOT)
          + (exit == null ? "" : " (exit " + exit + ")") + ": " + check.message + "; " + where);
    }

    private record Check(String tool, String file, ParseStatus status, String message,
        List<Run.ToolOutput> others) {}

    /** Recognise the tool and check its output parses; a failure keeps the raw file and says so. */
    private Check check() throws IOException {
      String outRel = "runs/" + id + "/stdout.txt";
      String errRel = "runs/" + id + "/stderr.txt";
      Tool tool;
      String file;
      if (guess.isPresent()) {
        tool = guess.get().tool();
        file = guess.get().onStderr() ? errRel : outRel;
      } else {
        Optional<Tool> onOut = ToolRecognition.fromText(dir.resolve(outRel));
        Optional<Tool> onErr = onOut.isPresent() ? Optional.empty() : ToolRecognition.fromText(dir.resolve(errRel));
        if (onOut.isEmpty() && onErr.isEmpty()) {
          return new Check(null, null, ParseStatus.UNKNOWN_TOOL,
              "not output of a tool iommulab parses; kept as it is", List.of());
        }
        tool = onOut.orElseGet(onErr::get);
        file = onOut.isPresent() ? outRel : errRel;
      }
      List<Run.ToolOutput> others = new ArrayList<>();
      String other = file.equals(outRel) ? errRel : outRel;
      Optional<Tool> second = ToolRecognition.fromText(dir.resolve(other));
      if (second.isPresent() && second.get() != tool) {
        others.add(new Run.ToolOutput(second.get().cliName(), other));
      }
      Check c = parseCheck(tool, file);
      return new Check(c.tool, c.file, c.status, c.message, others);
    }

    private Check parseCheck(Tool tool, String rel) throws IOException {
      ParseCheck c = ParseCheck.of(tool, dir, rel);
      return new Check(tool.cliName(), rel, c.status(), c.message(), List.of());
    }
  }

  static String humanBytes(long n) {
    if (n < 1024) {
      return n + " bytes";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
