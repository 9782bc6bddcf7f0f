package iommulab.cli;

import iommulab.kernel.Kernel;
import iommulab.kernel.KernelSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iommulab kernel install|uninstall|run}: the Jupyter kernel. */
@Command(
    name = "kernel",
    mixinStandardHelpOptions = true,
    description = "Install, remove or run the iommulab Jupyter kernel.",
    subcommands = {
      KernelCommand.Install.class,
      KernelCommand.Uninstall.class,
      KernelCommand.Run.class,
      KernelCommand.WarmUp.class
    })
final class KernelCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("iommulab kernel: name a subcommand: install, uninstall or run (see --help)");
    return Main.USAGE;
  }

  /** Where the kernelspec goes: one of three Jupyter data directories. */
  static final class Location {
    @Option(names = "--user", description = "Jupyter's per-user data directory (default): "
        + "$JUPYTER_DATA_DIR, else ~/.local/share/jupyter")
    boolean user;

    @Option(names = "--sys-prefix", description = "the data directory of the python3 on PATH: "
        + "sys.prefix/share/jupyter (a virtualenv or conda env)")
    boolean sysPrefix;

    @Option(names = "--prefix", paramLabel = "P", description = "P/share/jupyter")
    Path prefix;

    static Path kernelsDir(Location where) throws IOException, InterruptedException {
      if (where != null && where.prefix != null) {
        return where.prefix.resolve("share/jupyter/kernels").toAbsolutePath();
      }
      if (where != null && where.sysPrefix) {
        Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)")
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0) {
          throw new IOException("python3 did not tell its sys.prefix: " + out);
        }
        return Path.of(out, "share/jupyter/kernels");
      }
      String dataDir = System.getenv("JUPYTER_DATA_DIR");
      Path base = dataDir != null && !dataDir.isEmpty()
          ? Path.of(dataDir)
          : Path.of(System.getProperty("user.home"), ".local/share/jupyter");
      return base.resolve("kernels");
    }
  }

  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Write the kernelspec (kernel.json with absolute java and jar paths, logos).")
  static final class Install implements Callable<Integer> {
    @ArgGroup(exclusive = true) Location where;

    @Option(names = "--no-cds", description = "do not build a class-data-sharing archive for a faster start")
    boolean noCds;

    @Override
    public Integer call() throws IOException, InterruptedException {
      Path kernels = Location.kernelsDir(where);
      Path dir = KernelSpec.install(kernels, KernelSpec.launcher(null));
      Path archive = dir.resolve("iommulab.jsa");
      if (!noCds && KernelSpec.ownJar() != null) {
        KernelSpec.CdsArchive cds = KernelSpec.createCdsArchive(archive);
        if (cds.made()) {
          KernelSpec.install(kernels, KernelSpec.launcher(archive));
        } else {
          System.err.println("iommulab kernel install: no CDS archive: " + cds.failure()
              + "; the kernel starts without it");
        }
      } else {
        Files.deleteIfExists(archive);
      }
      System.out.println("installed kernelspec " + KernelSpec.NAME + " in " + dir);
      return Main.OK;
    }
  }

  @Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Remove the kernelspec.")
  static final class Uninstall implements Callable<Integer> {
    @ArgGroup(exclusive = true) Location where;

    @Override
    public Integer call() throws IOException, InterruptedException {
      Path kernels = Location.kernelsDir(where);
      if (!KernelSpec.uninstall(kernels)) {
        System.err.println("iommulab kernel uninstall: no kernelspec " + KernelSpec.NAME + " in " + kernels);
        return Main.USAGE;
      }
      System.out.println("removed kernelspec " + KernelSpec.NAME + " from " + kernels);
      return Main.OK;
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Serve a Jupyter connection (Jupyter runs this from kernel.json).")
  static final class Run implements Callable<Integer> {
    @Parameters(paramLabel = "CONNECTION_FILE", description = "the connection file Jupyter wrote")
    Path connectionFile;

    /**
     * {@code kernel run FILE}, the command line every kernelspec start uses, without picocli: its
     * classes are built for Java 5, which class-data sharing cannot archive, so loading and verifying
     * them cost a kernel start about 0.3 s before it could bind its sockets. Anything else (an option,
     * {@code --help}) returns null and goes through picocli.
     */
    static Run plain(String[] args) {
      if (args.length != 3 || !args[0].equals("kernel") || !args[1].equals("run") || args[2].startsWith("-")) {
        return null;
      }
      Run run = new Run();
      run.connectionFile = Path.of(args[2]);
      return run;
    }

    @Override
    public Integer call() throws IOException {
      PrintStream log = System.err;
      // Jupyter's launcher names the client in JPY_PARENT_PID; otherwise the parent process is the client.
      String env = System.getenv("JPY_PARENT_PID");
      long parent = env != null && env.matches("\\d+")
          ? Long.parseLong(env)
          : ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
      if (!Files.isRegularFile(connectionFile)) {
        log.println("iommulab kernel run: no connection file " + connectionFile);
        return Main.USAGE;
      }
      Kernel.Connection connection;
      try {
        connection = Kernel.Connection.read(connectionFile);
      } catch (Kernel.ConnectionFileException e) {
        log.println("iommulab kernel run: " + e.getMessage());
        return Main.MALFORMED;
      } catch (IOException e) {
        log.println("iommulab kernel run: cannot read connection file " + connectionFile + " ("
            + e.getClass().getSimpleName() + ")");
        return Main.USAGE;
      }
      try {
        Kernel.run(connection, Path.of("").toAbsolutePath(), parent, log, KernelSpec.version());
      } catch (BindException e) {
        // Only binding throws it: the port was taken (by another process, or after Jupyter chose it).
        log.println("iommulab kernel run: " + connectionFile + ": " + e.getMessage());
        return Main.EXECUTION_FAILED;
      }
      return Main.OK;
    }
  }

  @Command(name = "warm-up", hidden = true, description = "Run a throw-away kernel (used to build the CDS archive).")
  static final class WarmUp implements Callable<Integer> {
    @Override
    public Integer call() throws InterruptedException {
      try {
        KernelSpec.warmUp();
        return Main.OK;
      } catch (IOException | RuntimeException e) {
        e.printStackTrace();
        // The last line of the output is what install shows.
        System.err.println("iommulab kernel warm-up: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        return Main.EXECUTION_FAILED;
      }
    }
  }
}
