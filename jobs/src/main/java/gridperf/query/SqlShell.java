package gridperf.query;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The statements of {@code gridperf sql} without a query: read from a terminal (interactive, one
 * Spark session for the whole sitting, so only the first query pays for starting Spark) or from
 * standard input (a script). Statements end with {@code ;} and may span lines; every statement's
 * result is printed in the chosen format. Lines starting with {@code .} at the start of a statement
 * are shell commands ({@code .tables}, {@code .schema T}, {@code .format F}, {@code .help}, {@code
 * .quit}). A script stops at its first failing statement; an interactive shell prints the one-line
 * reason and goes on.
 */
public final class SqlShell {
  /** Where the shell's lines come from: {@code null} at the end of input. */
  public interface Lines {
    /** The next line, shown after {@code prompt} when interactive; {@code null} at the end. */
    String next(String prompt) throws IOException;
  }

  static final String PROMPT = "gridperf> ";
  static final String MORE = "       -> ";
  private static final String HELP =
      String.join(
          "\n",
          "Statements end with ';' and may span lines. Every table is visible by its bare name.",
          "  .tables          the lake's tables with their layer",
          "  .schema TABLE    a table's columns and types",
          "  .format F        table, csv or json",
          "  .help            this text",
          "  .quit            leave (or end of input)");

  private final SparkSession spark;
  private final Lake lake;
  private final Writer out;
  private final PrintWriter err;
  private final Cells cells;
  private final boolean interactive;
  private final long maxRows;
  private final Function<Throwable, String> reasons;
  private ResultFormat format;

  /**
   * A shell over the lake's registered views, printing results to {@code out} and one-line reasons
   * ({@code reasons} turns an error into one) to {@code err}.
   */
  public SqlShell(
      SparkSession spark,
      Lake lake,
      Writer out,
      PrintWriter err,
      Cells cells,
      ResultFormat format,
      long maxRows,
      boolean interactive,
      Function<Throwable, String> reasons) {
    this.spark = spark;
    this.lake = lake;
    this.out = out;
    this.err = err;
    this.cells = cells;
    this.format = format;
    this.maxRows = maxRows;
    this.interactive = interactive;
    this.reasons = reasons;
  }

  /**
   * Runs every statement of {@code lines} until its end or {@code .quit}; returns the number of
   * statements run. A script's first failing statement throws, naming its number.
   */
  public long run(Lines lines) throws IOException {
    StringBuilder pending = new StringBuilder();
    long ran = 0;
    while (true) {
      String line = lines.next(pending.isEmpty() ? PROMPT : MORE);
      if (line == null) {
        break;
      }
      if (pending.isEmpty() && line.strip().startsWith(".")) {
        if (!command(line.strip())) {
          return ran;
        }
        continue;
      }
      pending.append(line).append('\n');
      SqlScript.Parts parts = SqlScript.parts(pending.toString());
      pending.setLength(0);
      if (!parts.rest().isEmpty()) {
        // the rest comes back stripped: its line end keeps the next line a separate token
        pending.append(parts.rest()).append('\n');
      }
      for (String statement : parts.complete()) {
        ran++;
        execute(statement, ran);
      }
    }
    if (!pending.isEmpty()) {
      // the last statement of a script needs no ';'
      ran++;
      execute(pending.toString(), ran);
    }
    return ran;
  }

  private void execute(String statement, long number) throws IOException {
    try {
      SqlScript.requireReadOnly(spark, statement);
      Dataset<Row> result = spark.sql(statement);
      long n = format.write(result, out, cells, maxRows);
      out.flush();
      if (format == ResultFormat.TABLE && maxRows > 0 && n == maxRows) {
        err.println("(showing the first " + maxRows + " rows; --max-rows 0 shows all)");
        err.flush();
      }
    } catch (Exception e) {
      out.flush();
      String reason = reasons.apply(e);
      if (!interactive) {
        throw new IllegalArgumentException("statement " + number + ": " + reason, e);
      }
      err.println("error: " + reason);
      err.flush();
    }
  }

  /** Runs a dot command; false for {@code .quit}. */
  private boolean command(String line) throws IOException {
    String[] w = line.split("\\s+");
    switch (w[0].toLowerCase(Locale.ROOT)) {
      case ".quit", ".exit" -> {
        return false;
      }
      case ".help" -> err.println(HELP);
      case ".tables" -> {
        for (TableId t : TableId.values()) {
          if (lake.exists(t)) {
            out.write(String.format("%-22s %s%n", t.tableName(), t.layer().dir()));
          }
        }
        out.flush();
      }
      case ".schema" -> {
        if (w.length != 2) {
          err.println("error: .schema TABLE");
        } else {
          execute("DESCRIBE " + w[1], 0);
        }
      }
      case ".format" -> {
        try {
          format = ResultFormat.valueOf(w.length == 2 ? w[1].toUpperCase(Locale.ROOT) : "");
        } catch (IllegalArgumentException e) {
          err.println("error: .format table|csv|json");
        }
      }
      default -> err.println("error: unknown command " + w[0] + " (.help lists them)");
    }
    err.flush();
    return true;
  }
}
