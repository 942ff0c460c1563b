package gridperf.cli;

import gridperf.job.IoReasons;
import gridperf.job.LogFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point, the same under {@code bin/gridperf} and {@code spark-submit}: {@code
 * gridperf <command> [options]}. Exit status 0 on success; on failure a one-line reason on stderr
 * and status 1 (2 for a usage error).
 */
@Command(
    name = "gridperf",
    mixinStandardHelpOptions = true,
    version = "gridperf 0.1.0",
    description = "Sales-grid performance tables and manager scorecards on Spark and Delta Lake.",
    subcommands = {
      GenerateCommand.class,
      IngestCommand.class,
      BuildCommand.class,
      ScoreCommand.class,
      UpdateCommand.class,
      StatementCommand.class,
      SqlCommand.class,
      ExportCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      MaintainCommand.class,
      CloseCommand.class,
    })
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit status (for tests and the launcher). */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  /**
   * The command line with gridperf's error handling: one line on stderr, exit 1 for a failure and 2
   * for a usage error (which names the command's --help instead of printing the usage).
   */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          report("gridperf " + cmd.getCommandName() + ": " + oneLine(ex));
          if (Boolean.getBoolean("gridperf.stacktrace")) {
            ex.printStackTrace();
          }
          return 1;
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          String command =
              ex.getCommandLine() == cl ? "gridperf" : "gridperf " + ex.getCommandLine().getCommandName();
          report(
              command + ": " + ex.getMessage().strip().lines().findFirst().orElse("")
                  + " (see '" + command + " --help')");
          return 2;
        });
    return cl;
  }

  private static void report(String reason) {
    if (LogFormat.isJson()) {
      LogFormat.logger("gridperf.cli.Main").error(reason);
    } else {
      System.err.println(reason);
    }
  }

  /** A one-line reason for an error: its deepest message that says something. */
  public static String oneLine(Throwable e) {
    Throwable t = e;
    String msg = IoReasons.message(t);
    while ((msg == null || msg.isBlank()) && t.getCause() != null) {
      t = t.getCause();
      msg = IoReasons.message(t);
    }
    if (msg == null || msg.isBlank()) {
      msg = t.getClass().getSimpleName();
    }
    String first = msg.strip().lines().findFirst().orElse(msg);
    return first;
  }
}
