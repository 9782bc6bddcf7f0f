package iommulab.kernel;

import iommulab.record.Capture;
import iommulab.record.RecordException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code %capture [--record R --label L] [--device BDF] [--set K=V]... -- COMMAND...}: runs a command
 * with its output streamed into the cell. With {@code --record} it goes through {@link Capture}, the
 * library behind {@code iommulab capture}, so the run lands in the record byte-exact with its boot
 * configuration. A non-zero exit status fails the cell (the output is kept either way).
 */
final class CaptureMagic {
  private static final String USAGE =
      "usage: %capture [--record R --label L] [--device BDF] [--set K=V]... -- COMMAND...";

  private CaptureMagic() {}

  static void run(Path notebookDir, List<String> args) throws CellError {
    String record = null;
    String label = null;
    String device = null;
    Map<String, String> values = new LinkedHashMap<>();
    int i = 0;
    for (; i < args.size() && !args.get(i).equals("--"); i++) {
      String opt = args.get(i);
      if (i + 1 >= args.size() || args.get(i + 1).equals("--")) {
        throw CellError.of("UsageError", "%capture: " + opt + " needs a value; " + USAGE);
      }
      String value = args.get(++i);
      switch (opt) {
        case "--record" -> record = value;
        case "--label" -> label = value;
        case "--device" -> device = value;
        case "--set" -> {
          int eq = value.indexOf('=');
          if (eq <= 0) {
            throw CellError.of("UsageError", "%capture: --set expects KEY=VALUE, got '" + value + "'");
          }
          values.put(value.substring(0, eq), value.substring(eq + 1));
        }
        default -> throw CellError.of("UsageError", "%capture: unknown option " + opt + "; " + USAGE);
      }
    }
    List<String> command = i < args.size() ? args.subList(i + 1, args.size()) : List.of();
    if (command.isEmpty()) {
      throw CellError.of("UsageError", "%capture: no command after --; " + USAGE);
    }
    if ((record == null) != (label == null)) {
      throw CellError.of("UsageError", "%capture: --record and --label go together; " + USAGE);
    }
    int status = record == null ? plain(notebookDir, command) : captured(notebookDir, record, label, device, values, command);
    if (status != 0) {
      throw CellError.of("CommandFailed", String.join(" ", command) + " exited with status " + status);
    }
  }

  private static int captured(Path notebookDir, String record, String label, String device,
      Map<String, String> values, List<String> command) throws CellError {
    Capture.Request request = new Capture.Request(notebookDir.resolve(record).normalize(), label,
        command, device, values, Path.of("/"), kernelLog(), Duration.ZERO);
    try {
      Capture.Outcome o = Capture.run(request, System.out, System.err, System.err);
      System.out.flush();
      System.err.println("capture: " + o.message());
      Integer exit = o.run().exitStatus();
      return exit == null ? 130 : exit;
    } catch (RecordException | IOException e) {
      throw CellError.of("RecordException", "%capture: " + e.getMessage());
    }
  }

  private static int plain(Path notebookDir, List<String> command) throws CellError {
    try {
      Process p = new ProcessBuilder(command).directory(notebookDir.toFile()).start();
      p.getOutputStream().close();
      Thread err = pump(p.getErrorStream(), System.err);
      pump(p.getInputStream(), System.out).join();
      err.join();
      return p.waitFor();
    } catch (IOException e) {
      throw CellError.of("CommandFailed", "%capture: cannot run " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CellError.of("Interrupted", "the cell was interrupted");
    }
  }

  private static Thread pump(InputStream in, OutputStream out) {
    Thread t = new Thread(() -> {
      try (in) {
        in.transferTo(out);
      } catch (IOException ignored) {
        // the process closed its end
      }
    }, "iommulab-capture-pump");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The kernel log as dmesg prints it, or "" where dmesg is missing or not permitted. */
  private static String kernelLog() {
    try {
      Process p = new ProcessBuilder("dmesg").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out = p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
