package gridperf.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
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
   */
  public static Dataset<Row> classify(Dataset<Row> validated, String... keys) {
    String[] values = FactValidator.factColumns(validated.schema());
    Column[] valueCols = Arrays.stream(values).map(c -> col(c)).toArray(Column[]::new);
    Column[] keyCols = Arrays.stream(keys).map(c -> col(c)).toArray(Column[]::new);
    WindowSpec w =
        Window.partitionBy(keyCols).orderBy(col("batch_seq"), col("source_file"), col(FactValidator.FILE_LINE));
    Column current = struct(valueCols);
    Dataset<Row> valid = validated.filter(col("status").equalTo(FactValidator.VALID));
    Dataset<Row> flagged =
        valid.withColumn("_dup", coalesce(lag(current, 1).over(w).eqNullSafe(current), lit(false)));
    Dataset<Row> classified =
        flagged
            .withColumn(
                "_later",
                sum(when(not(col("_dup")), 1).otherwise(0))
                    .over(w.rowsBetween(1, Window.unboundedFollowing())))
            .withColumn(
                "status",
                when(col("_dup"), lit(RowStatus.DUPLICATE)).otherwise(lit(RowStatus.ACCEPTED)))
            .withColumn(WINNER, not(col("_dup")).and(coalesce(col("_later"), lit(0)).equalTo(0)))
            .drop("_dup", "_later");
    Dataset<Row> rejected =
        validated
            .filter(col("status").notEqual(FactValidator.VALID))
            .withColumn(WINNER, lit(false));
    return classified.unionByName(rejected);
  }
}
