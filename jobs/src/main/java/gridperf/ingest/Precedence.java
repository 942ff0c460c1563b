package gridperf.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Precedence (docs/contract.md) over validated rows: per key, in (batch_seq, source_file, line_no)
 * order, a valid row equal (after typing, NULL-safe) to the previous valid row of its key is a
 * {@code duplicate}; every other valid row is {@code accepted} (the first, or a correction). The
 * key's winner is its last accepted row. Quarantined rows pass through unchanged.
 */
public final class Precedence {
  /** Added column: true on the row that is its key's winner. */
  public static final String WINNER = "is_winner";

  /** Working column of {@link #classifyMostlyUnique}: the key's hash on a valid row, else NULL. */
  private static final String KEY_HASH = "_key_hash";

  /** A row that passed validation (before precedence makes it accepted or duplicate). */
  private static Column isValid() {
    return col("status").equalTo(FactValidator.VALID);
  }

  private Precedence() {}

  /**
   * Above this many repeated key hashes {@link #classifyMostlyUnique} sends every row through the
   * window instead (the hashes are collected to the driver and broadcast).
   */
  static final int MAX_REPEATED_KEYS = 2_000_000;

  /**
   * The same rows as {@link #classify}, for a large input whose keys are mostly unique (a full
   * recompute: every fact row of the lake). A valid row whose key hash occurs once among the valid
   * rows has no earlier row of its key and no later one: it is accepted and its key's winner, with
   * no shuffle or sort. Only the rows of repeated hashes (duplicates, corrections, and the rare
   * hash collision, which the window then tells apart by the key itself) go through the window. The
   * one job of this method counts the hashes; {@code validated} is read again by every query of the
   * result, so the caller persists it.
   */
  public static Dataset<Row> classifyMostlyUnique(Dataset<Row> validated, String... keys) {
    return classifyMostlyUnique(validated, MAX_REPEATED_KEYS, keys);
  }

  /**
   * {@link #classifyMostlyUnique} with the fallback limit as a parameter (tests use a small one).
   */
  static Dataset<Row> classifyMostlyUnique(
      Dataset<Row> validated, int maxRepeatedKeys, String... keys) {
    Column valid = isValid();
    Column[] keyCols = Arrays.stream(keys).map(k -> col(k)).toArray(Column[]::new);
    Dataset<Row> hashed = validated.withColumn(KEY_HASH, when(valid, xxhash64(keyCols)));
    List<Row> repeated =
        hashed
            .where(col(KEY_HASH).isNotNull())
            .groupBy(KEY_HASH)
            .count()
            .where(col("count").gt(1))
            .select(KEY_HASH)
            .limit(maxRepeatedKeys + 1)
            .collectAsList();
    if (repeated.size() > maxRepeatedKeys) {
      return classify(validated, keys);
    }
    Dataset<Row> repeatedHashes =
        functions.broadcast(
            validated
                .sparkSession()
                .createDataFrame(
                    repeated, new StructType().add(KEY_HASH, DataTypes.LongType, false)));
    Column repeatedHash = hashed.col(KEY_HASH).equalTo(repeatedHashes.col(KEY_HASH));
    Dataset<Row> once =
        hashed
            .join(repeatedHashes, repeatedHash, "left_anti")
            .drop(KEY_HASH)
            // the winner flag reads the validator's status: set it before the status changes
            .withColumn(WINNER, valid)
            .withColumn("status", when(valid, lit(RowStatus.ACCEPTED)).otherwise(col("status")));
    Dataset<Row> many = hashed.join(repeatedHashes, repeatedHash, "left_semi").drop(KEY_HASH);
    return classify(many, keys).unionByName(once);
  }

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
    Column valid = isValid();
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
