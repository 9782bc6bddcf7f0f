package iommulab.cli;

import iommulab.parse.TablesawStartup;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code iommulab} command: thin picocli commands over the library. */
@Command(
    name = "iommulab",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Parse, record, compare and plot IOMMU/SMMU DMA performance experiments.")
public final class Main implements Runnable {
  /** Exit status: success. */
  public static final int OK = 0;
  /** Exit status: bad command line (unknown option, missing file, ...). */
  public static final int USAGE = 1;
  /** Exit status: the input is malformed; {@code FILE:LINE:COL: message} was printed on stderr. */
  public static final int MALFORMED = 2;
  /** Exit status: the input holds only the tool's own error report and no measurement. */
  public static final int TOOL_ERROR = 3;
  /**
   * Exit status: the command failed (an I/O error, a port already in use, a bug); a failure with a
   * known cause is one line on stderr, anything else its stack trace.
   */
  public static final int EXECUTION_FAILED = 4;

  /** The subcommands in the order {@code --help} lists them. */
  private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("parse", ParseCommand.class);
    SUBCOMMANDS.put("config", ConfigCommand.class);
    SUBCOMMANDS.put("capture", CaptureCommand.class);
    SUBCOMMANDS.put("record", RecordCommand.class);
    SUBCOMMANDS.put("report", ReportCommand.class);
    SUBCOMMANDS.put("kernel", KernelCommand.class);
    SUBCOMMANDS.put("notebook", NotebookCommand.class);
  }

  /** Subcommands that build Tablesaw tables. */
  private static final Set<String> TABLE_COMMANDS = Set.of("parse", "capture", "record", "report", "notebook");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit status (for tests and the kernel). */
  public static int run(String... args) {
    if (args.length > 0 && TABLE_COMMANDS.contains(args[0])) {
      // Tablesaw's start-up (class loading, its reader registry) runs on the other CPU while picocli
      // builds the command line on this one.
      TablesawStartup.initializeInBackground();
    }
    Callable<Integer> plain = ParseCommand.plain(args);
    if (plain == null) {
      plain = KernelCommand.Run.plain(args);
    }
    if (plain != null) {
      return runWithoutPicocli(plain);
    }
    return commandLine(args.length > 0 ? args[0] : null).execute(args);
  }

  /** Runs a command set up without picocli, handling a failure as {@link #commandLine} does. */
  private static int runWithoutPicocli(Callable<Integer> command) {
    try {
      return command.call();
    } catch (Exception e) {
      e.printStackTrace();
      return EXECUTION_FAILED;
    }
  }

  /**
   * The command line with every subcommand, or only with {@code first} when that names one: picocli
   * builds the model of each subcommand it is given (about a tenth of a second in all for these), and a
   * run uses one. Help, {@code --version} and mistyped names get all of them.
   */
  static CommandLine commandLine(String first) {
    CommandLine cl = new CommandLine(new Main());
    boolean one = first != null && SUBCOMMANDS.containsKey(first);
    SUBCOMMANDS.forEach(
        (name, type) -> {
          if (!one || name.equals(first)) {
            cl.addSubcommand(name, type);
          }
        });
    if (!one) {
      cl.addSubcommand("help", CommandLine.HelpCommand.class);
    }
    cl.setParameterExceptionHandler(
        (ex, argv) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println(c.getColorScheme().errorText("iommulab: " + ex.getMessage()));
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
          return USAGE;
        });
    cl.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? USAGE : EXECUTION_FAILED);
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
