package gridperf.gold;

import static org.apache.spark.sql.functions.expr;

import gridperf.job.JobContext;
import gridperf.lakehouse.DeltaWrite;
import gridperf.lakehouse.TableId;
import gridperf.lakehouse.WriteResult;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * One table the build writes: its declared schema (enforced on the write, {@link
 * DeltaWrite#schema}), the rows it rebuilds, laid out in files, which stored rows they replace, and
 * the data test run on what was written. {@link #write} is the one way the build writes a gold
 * table: commit, then test the rows just written, then report the step.
 *
 * @param replaces the predicate of the stored rows the new rows replace, or NULL to overwrite the
 *     whole table (then the schema may change with the build)
 * @param partitionBy the table's partition columns (none: an empty list)
 */
record GoldOutput(
    TableId table,
    StructType schema,
    Dataset<Row> rows,
    String replaces,
    List<String> partitionBy,
    DataTest test) {

  /** The data test of a table: throws {@link GoldChecks.DataTestFailure} when a rule fails. */
  @FunctionalInterface
  interface DataTest {
    void run(Dataset<Row> written);
  }

  /** Partitioned by year, like every gold table whose rows belong to a year. */
  static final List<String> BY_YEAR = List.of("year");

  /** The predicate a build replaces: {@code predicate} on an incremental build, NULL on a full. */
  static String replacing(BuildPlan plan, String predicate) {
    return plan.full() ? null : predicate;
  }

  /** Commits the rows, runs the data test on the rows the commit wrote, reports the step. */
  WriteResult write(JobContext ctx) {
    DeltaWrite w =
        ctx.lake().write(table, rows).schema(schema).statsColumns(statsColumns()).overwrite();
    if (!partitionBy.isEmpty()) {
      w.partitionBy(partitionBy.toArray(new String[0]));
    }
    if (replaces == null) {
      w.overwriteSchema();
    } else {
      w.replaceWhere(replaces);
    }
    WriteResult result = w.commit();
    Dataset<Row> written = ctx.lake().read(table);
    test.run(replaces == null ? written : written.where(expr(replaces)));
    ctx.progress().step("wrote " + table.tableName());
    return result;
  }

  /**
   * The key columns (declared non-nullable) outside the partition columns: the ones a replaceWhere
   * on periods and an analyst's lookup of an entity skip files by; the measures get no statistics.
   */
  List<String> statsColumns() {
    List<String> out = new java.util.ArrayList<>();
    for (var f : schema.fields()) {
      if (!f.nullable() && !partitionBy.contains(f.name())) {
        out.add(f.name());
      }
    }
    return out;
  }
}
