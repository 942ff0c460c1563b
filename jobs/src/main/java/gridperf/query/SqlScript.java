package gridperf.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;

/**
 * The statements of a {@code gridperf sql} text or file, and the read-only rule: queries, {@code
 * SHOW}, {@code DESCRIBE} (also {@code DESCRIBE HISTORY}), {@code EXPLAIN}, {@code SET} and
 * temporary views run; anything that would change the lake or the catalog ({@code INSERT}, {@code
 * DELETE}, {@code MERGE}, {@code CREATE TABLE}, {@code OPTIMIZE}, {@code RESTORE}, ...) is refused
 * before it runs, because the lake is written only by the audited jobs.
 */
public final class SqlScript {
  /** Plan classes that are commands but only read or touch this session. */
  private static final Set<String> READ_ONLY_COMMANDS =
      Set.of(
          "ShowTables",
          "ShowTablesExtended",
          "ShowViews",
          "ShowColumns",
          "ShowNamespaces",
          "ShowFunctions",
          "ShowCreateTable",
          "ShowTableProperties",
          "ShowPartitions",
          "ShowCatalogsCommand",
          "ShowCurrentNamespaceCommand",
          "DescribeRelation",
          "DescribeColumn",
          "DescribeNamespace",
          "DescribeFunction",
          "DescribeQueryCommand",
          "DescribeDeltaHistory",
          "DescribeDeltaDetailCommand",
          "DescribeDeltaHistoryCommand",
          "ExplainCommand",
          "SetCommand",
          "ResetCommand",
          "SetNamespaceCommand",
          "SetCatalogCommand",
          "CreateTempViewUsing",
          "CacheTable",
          "CacheTableAsSelect",
          "UncacheTable",
          "ClearCacheCommand");

  /** Plans that are not {@link Command}s but write. */
  private static final Set<String> WRITE_STATEMENTS =
      Set.of("InsertIntoStatement", "RestoreTableStatement", "CloneTableStatement");

  private SqlScript() {}

  /**
   * Splits a script on semicolons outside quotes, backticks and comments; blank statements are
   * dropped.
   */
  public static List<String> split(String script) {
    Parts p = parts(script);
    List<String> out = new ArrayList<>(p.complete());
    if (!p.rest().isEmpty()) {
      out.add(p.rest());
    }
    return out;
  }

  /**
   * The statements of a script that a semicolon has ended, and the text after the last one (empty
   * when nothing but blanks and comments follows): a shell runs the first and keeps reading the
   * second.
   */
  public record Parts(List<String> complete, String rest) {}

  /**
   * Splits {@code script} into its ended statements and the unfinished rest; see {@link #split}.
   */
  public static Parts parts(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int n = script.length();
    for (int i = 0; i < n; i++) {
      char c = script.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int j = i + 1;
        while (j < n && script.charAt(j) != c) {
          if (script.charAt(j) == '\\' && c != '`') {
            j++;
          }
          j++;
        }
        j = Math.min(j, n - 1);
        cur.append(script, i, j + 1);
        i = j;
      } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        int j = script.indexOf('\n', i);
        i = j < 0 ? n : j;
        cur.append('\n');
      } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        int j = script.indexOf("*/", i + 2);
        i = j < 0 ? n : j + 1;
        cur.append(' ');
      } else if (c == ';') {
        add(out, cur);
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    return new Parts(out, cur.toString().strip());
  }

  private static void add(List<String> out, StringBuilder s) {
    String t = s.toString().strip();
    if (!t.isEmpty()) {
      out.add(t);
    }
  }

  /**
   * Throws {@link IllegalArgumentException} when {@code statement} would write (Spark's own error
   * when it does not parse).
   */
  public static void requireReadOnly(SparkSession spark, String statement) throws Exception {
    LogicalPlan plan = spark.sessionState().sqlParser().parsePlan(statement);
    String kind = plan.getClass().getSimpleName();
    boolean write =
        WRITE_STATEMENTS.contains(kind)
            || (plan instanceof Command && !READ_ONLY_COMMANDS.contains(kind) && !tempView(plan));
    if (write) {
      throw new IllegalArgumentException(
          "gridperf sql is read-only; refused "
              + kind
              + ": the lake is written only by the pipeline's jobs (ingest, build, score)");
    }
  }

  private static boolean tempView(LogicalPlan plan) {
    // CREATE TEMPORARY VIEW parses to CreateViewCommand with viewType LocalTempView
    return plan.getClass().getSimpleName().equals("CreateViewCommand")
        && plan.toString().contains("LocalTempView");
  }
}
