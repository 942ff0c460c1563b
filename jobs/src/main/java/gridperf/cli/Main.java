package gridperf.cli;

import gridperf.config.ConfigException;
import gridperf.job.IoReasons;
import gridperf.job.LogFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point, the same under {@code bin/gridperf} and {@code spark-submit}: {@code
 * gridperf <command> [options]}. Exit status 0 on success; on failure a one-line reason on stderr
 * and status 1, or 2 for a usage error (an unknown option, a bad argument value or setting, a
 * missing lake: anything refused before the run started).
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
          if (ex instanceof LakeCommand.RunInterrupted) {
            return 143; // 128 + SIGTERM; the shutdown hook printed the reason
          }
          report("gridperf " + cmd.getCommandName() + ": " + oneLine(ex));
          if (Boolean.getBoolean("gridperf.stacktrace")) {
            ex.printStackTrace();
          }
          return ex instanceof UsageError || ex instanceof ConfigException ? 2 : 1;
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          String command =
              ex.getCommandLine() == cl
                  ? "gridperf"
                  : "gridperf " + ex.getCommandLine().getCommandName();
          report(
              command
                  + ": "
                  + ex.getMessage().strip().lines().findFirst().orElse("")
                  + " (see '"
                  + command
                  + " --help')");
          return 2;
        });
    return cl;
  }

  static void report(String reason) {
    if (LogFormat.isJson()) {
      LogFormat.logger("gridperf.cli.Main").error(reason);
    } else {
      System.err.println(reason);
    }
  }

  /**
   * A one-line reason for an error: its deepest message that says something. A failure inside a
   * Spark task arrives wrapped in the scheduler's "Job aborted due to stage failure: Task 0 in
   * stage …" exception: the reason is the task's own error, taken from the cause when the driver
   * has it, else from the text after "most recent failure: Lost task … (…): ExceptionClass: ".
   */
  public static String oneLine(Throwable e) {
    Throwable t = e;
    String msg = IoReasons.message(t);
    while (((msg == null || msg.isBlank()) || isStageFailure(msg)) && t.getCause() != null) {
      t = t.getCause();
      msg = IoReasons.message(t);
    }
    if (msg == null || msg.isBlank()) {
      msg = t.getClass().getSimpleName();
    }
    if (isStageFailure(msg)) {
      msg = taskReason(msg);
    }
    String first = msg.strip().lines().findFirst().orElse(msg);
    return first;
  }

  private static boolean isStageFailure(String msg) {
    return msg != null && msg.contains(STAGE_FAILURE);
  }

  private static final String STAGE_FAILURE = "Job aborted due to stage failure";

  /**
   * "…most recent failure: Lost task 0.0 in stage 9.0 (TID 9) (host executor 1): a.b.Error: why".
   */
  private static final Pattern TASK_REASON =
      Pattern.compile(
          "most recent failure: Lost task [^(]*\\(TID \\d+\\) \\([^)]*\\): "
              + "(?:[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+: )?(.*)");

  /** The task's own reason in a stage-failure message, or the message when it has none. */
  static String taskReason(String stageFailure) {
    Matcher m = TASK_REASON.matcher(stageFailure.strip().lines().findFirst().orElse(""));
    return m.find() && !m.group(1).isBlank() ? m.group(1) : stageFailure;
  }
}
