package iommulab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code iommulab} command: thin picocli commands over the library. */
@Command(
    name = "iommulab",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Parse, record, compare and plot IOMMU/SMMU DMA performance experiments.",
    subcommands = {
      ParseCommand.class,
      ConfigCommand.class,
      CaptureCommand.class,
      RecordCommand.class,
      ReportCommand.class,
      KernelCommand.class,
      NotebookCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit status: success. */
  public static final int OK = 0;
  /** Exit status: bad command line (unknown option, missing file, ...). */
  public static final int USAGE = 1;
  /** Exit status: the input is malformed; {@code FILE:LINE:COL: message} was printed on stderr. */
  public static final int MALFORMED = 2;
  /** Exit status: the input holds only the tool's own error report and no measurement. */
  public static final int TOOL_ERROR = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit status (for tests and the kernel). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler(
        (ex, argv) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println(c.getColorScheme().errorText("iommulab: " + ex.getMessage()));
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
          return USAGE;
        });
    cl.setExitCodeExceptionMapper(ex -> ex instanceof CommandLine.ParameterException ? USAGE : 4);
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
