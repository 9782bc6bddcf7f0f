package iommulab.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process with captured standard streams, for tests. */
record CliRun(int exitCode, String out, String err) {
  static CliRun withStdin(String stdin, String... args) {
    return capture(stdin, () -> Main.run(args));
  }

  /** Runs {@code args} through picocli even when {@link ParseCommand#plain} would take them. */
  static CliRun throughPicocli(String... args) {
    return capture("", () -> Main.commandLine(args.length > 0 ? args[0] : null).execute(args));
  }

  private static synchronized CliRun capture(String stdin, java.util.function.IntSupplier command) {
    InputStream oldIn = System.in;
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = command.getAsInt();
      return new CliRun(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setIn(oldIn);
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  static CliRun run(String... args) {
    return withStdin("", args);
  }
}
