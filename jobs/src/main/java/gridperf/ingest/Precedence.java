package gridperf.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * DESIGN.md §2 precedence over validated rows: per key, in (batch_seq, source_file, line_no)
 * order, a valid row equal (after typing, NULL-safe) to the previous valid row of its key is a
 * {@code duplicate}; every other valid row is {@code accepted} (the first, or a correction). The
 * key's winner is its last accepted row. Quarantined rows pass through unchanged.
 */
public final class Precedence {
  /** Added column: true on the row that is its key's winner. */
  public static final String WINNER = "is_winner";

  private Precedence() {}

  /**
   * Classifies {@code validated} (a {@link FactValidator} schema): returns the same rows with
   * status resolved to accepted/duplicate/quarantined and a boolean {@link #WINNER} column.
   *
   * <p>One window over every row, so the validation feeding it runs once: valid rows are
   * partitioned by their key; a quarantined row (whose key may be missing) is alone in its
   * partition through its (file, line), and keeps its status.
   */
  public static Dataset<Row> classify(Dataset<Row> validated, String... keys) {
    String[] values = FactValidator.factColumns(validated.schema());
    Column[] valueCols = Arrays.stream(values).map(c -> col(c)).toArray(Column[]::new);
    Column valid = col("status").equalTo(FactValidator.VALID);
    // partition columns as plain columns: an expression in a window's PARTITION BY is aliased per
    // window, so the second window below would shuffle and sort every row again
    List<Column> partition = new ArrayList<>();
    partition.add(col("_valid"));
    Arrays.stream(keys).forEach(k -> partition.add(col(k)));
    partition.add(col("_alone_file"));
    partition.add(col("_alone_line"));
    WindowSpec w =
        Window.partitionBy(partition.toArray(new Column[0]))
            .orderBy(col("batch_seq"), col("source_file"), col(FactValidator.FILE_LINE));
    Column current = struct(valueCols);
    return validated
        .withColumn("_valid", valid)
        .withColumn("_alone_file", when(not(valid), col("source_file")))
        .withColumn("_alone_line", when(not(valid), col(FactValidator.FILE_LINE)))
        .withColumn(
            "_dup",
            col("_valid").and(coalesce(lag(current, 1).over(w).eqNullSafe(current), lit(false))))
        .withColumn(
            "_later",
            sum(when(col("_valid").and(not(col("_dup"))), 1).otherwise(0))
                .over(w.rowsBetween(1, Window.unboundedFollowing())))
        .withColumn(
            WINNER,
            col("_valid").and(not(col("_dup"))).and(coalesce(col("_later"), lit(0)).equalTo(0)))
        .withColumn(
            "status",
            when(not(col("_valid")), col("status"))
                .when(col("_dup"), lit(RowStatus.DUPLICATE))
                .otherwise(lit(RowStatus.ACCEPTED)))
        .drop("_valid", "_alone_file", "_alone_line", "_dup", "_later");
  }
}
