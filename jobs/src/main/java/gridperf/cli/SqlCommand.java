package gridperf.cli;

import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.lakehouse.Storage;
import gridperf.query.Cells;
import gridperf.query.ResultFormat;
import gridperf.query.SqlScript;
import gridperf.query.SqlShell;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gridperf sql "SELECT ..." [--format table|csv|json] [--file q.sql]}: runs SQL over the
 * lake, every table visible by its bare name (time travel included), and prints the result of the
 * last statement in UTF-8 on stdout. Without SQL text or file (or with {@code --file -}) it is a
 * shell on one Spark session ({@link SqlShell}): interactive on a terminal, a script read from
 * standard input otherwise, every statement's result printed. Read-only: statements that would
 * write are refused, and no {@code pipeline_runs} row is written.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Runs read-only SQL over the lake's tables by bare name.",
      "For example:",
      "  gridperf sql \"SELECT * FROM perf_manager VERSION AS OF 3 LIMIT 5\"",
      "Several statements separated by ';' run in order; the last one's result is printed.",
      "Without SQL (or with --file -): a shell on one session, reading a terminal (history,",
      "multi-line statements, .tables, .schema T, .format F, .help, .quit) or a script on",
      "standard input (gridperf sql < queries.sql), printing every statement's result."
    })
public final class SqlCommand extends LakeCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SQL", description = "The SQL text.")
  String sql;

  @Option(
      names = "--file",
      paramLabel = "FILE",
      description =
          "Read the SQL from a file (path or URI); - reads statements from standard input.")
  String file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "table (aligned, default), csv (RFC 4180, NULL empty) or json (one object a line).")
  String format = "table";

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      description = "Print at most N rows (0: all). Default: 1000 for table, all for csv and json.")
  Long maxRows;

  Writer out;

  @Override
  protected String jobName() {
    return "sql";
  }

  @Override
  protected boolean audited() {
    return false;
  }

  @Override
  protected void validate(gridperf.config.GridperfConfig cfg) {
    if (sql != null && file != null) {
      throw new IllegalArgumentException("give either the SQL text or --file FILE, not both");
    }
    parseFormat();
  }

  private ResultFormat parseFormat() {
    try {
      return ResultFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown --format " + format + " (table, csv or json)");
    }
  }

  @Override
  protected JobOutcome execute(JobContext ctx) throws Exception {
    ResultFormat fmt = parseFormat();
    if (sql == null && (file == null || file.equals("-"))) {
      return shell(ctx, fmt);
    }
    String text = file != null ? Storage.readText(file) : sql;
    List<String> statements = SqlScript.split(text);
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("no SQL statement given");
    }
    SparkSession spark = ctx.spark();
    for (String s : statements) {
      SqlScript.requireReadOnly(spark, s);
    }
    ctx.lake().registerViews();
    Dataset<Row> result = null;
    for (String s : statements) {
      result = spark.sql(s);
    }
    long limit = maxRows != null ? maxRows : (fmt == ResultFormat.TABLE ? 1000 : 0);
    Cells cells = new Cells(ZoneId.of(spark.conf().get("spark.sql.session.timeZone")));
    Writer w = out != null ? out : stdout();
    long n = fmt.write(result, w, cells, limit);
    w.flush();
    if (fmt == ResultFormat.TABLE && limit > 0 && n == limit) {
      System.err.println(
          "gridperf sql: showing the first " + limit + " rows (--max-rows 0 shows all)");
    }
    return new JobOutcome(n, 0, 0, List.of(), null);
  }

  /** Statements from a terminal or standard input, all on this one session. */
  private JobOutcome shell(JobContext ctx, ResultFormat fmt) throws IOException {
    SparkSession spark = ctx.spark();
    ctx.lake().registerViews();
    boolean interactive = file == null && System.console() != null;
    long limit = maxRows != null ? maxRows : (fmt == ResultFormat.TABLE ? 1000 : 0);
    Cells cells = new Cells(ZoneId.of(spark.conf().get("spark.sql.session.timeZone")));
    // System.out, not the file descriptor: results and the shell's messages interleave in order
    Writer w =
        out != null
            ? out
            : new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    SqlShell shell =
        new SqlShell(spark, ctx.lake(), w, err, cells, fmt, limit, interactive, Main::oneLine);
    long ran;
    if (interactive) {
      err.println("gridperf sql on " + ctx.lake().root() + " (.help for commands, .quit to leave)");
      try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
        LineReader reader =
            LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("gridperf")
                .variable(
                    LineReader.HISTORY_FILE,
                    Path.of(System.getProperty("user.home"), ".gridperf_sql_history"))
                .build();
        ran =
            shell.run(
                prompt -> {
                  try {
                    return reader.readLine(prompt);
                  } catch (UserInterruptException e) {
                    return "";
                  } catch (EndOfFileException e) {
                    return null;
                  }
                });
      }
    } else {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      ran = shell.run(prompt -> in.readLine());
    }
    w.flush();
    return new JobOutcome(ran, 0, 0, List.of(), null);
  }

  private static Writer stdout() {
    return new BufferedWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
        1 << 16);
  }
}
