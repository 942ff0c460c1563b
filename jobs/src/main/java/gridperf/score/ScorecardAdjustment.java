package gridperf.score;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code scorecard_adjustment} — grain: manager × closed year, key (manager_code, year); a row only
 * for a manager whose composite, tier or bonus differs between the closed scorecard and the year
 * re-scored on today's data with the closed scoring file, or who is on one side only (NULLs on the
 * other). bonus_delta_yuan = current − closed, a NULL side counting 0, so the closed bonus total +
 * Σ bonus_delta_yuan = the re-scored total. Sources: manager_scorecard (the closed rows), the
 * re-scored year. Every official {@code score} rewrites the table for the years closed then.
 */
public final class ScorecardAdjustment {
  public static final StructType SCHEMA =
      new StructType()
          .add("manager_code", DataTypes.StringType, false)
          .add("year", DataTypes.IntegerType, false)
          .add("closed_composite", DataTypes.DoubleType, true)
          .add("current_composite", DataTypes.DoubleType, true)
          .add("closed_tier", DataTypes.StringType, true)
          .add("current_tier", DataTypes.StringType, true)
          .add("closed_bonus_yuan", ManagerScorecard.BONUS, true)
          .add("current_bonus_yuan", ManagerScorecard.BONUS, true)
          .add("bonus_delta_yuan", ManagerScorecard.BONUS, false)
          .add("computed_at", DataTypes.TimestampType, false);

  private ScorecardAdjustment() {}

  /**
   * The adjustments of closed years.
   *
   * @param closed the closed scorecard rows (manager_code, year, composite, tier, bonus_yuan)
   * @param current the same years re-scored on today's data with their closed scoring files
   */
  public static Dataset<Row> of(Dataset<Row> closed, Dataset<Row> current, Instant computedAt) {
    Dataset<Row> c = side(closed, "closed");
    Dataset<Row> n = side(current, "current");
    Column same =
        col("closed_composite")
            .eqNullSafe(col("current_composite"))
            .and(col("closed_tier").eqNullSafe(col("current_tier")))
            .and(col("closed_bonus_yuan").eqNullSafe(col("current_bonus_yuan")))
            .and(col("closed_present").eqNullSafe(col("current_present")));
    Column delta =
        coalesce(col("current_bonus_yuan"), lit(0).cast(ManagerScorecard.BONUS))
            .minus(coalesce(col("closed_bonus_yuan"), lit(0).cast(ManagerScorecard.BONUS)))
            .cast(ManagerScorecard.BONUS);
    Dataset<Row> joined =
        c.join(n, new String[] {"manager_code", "year"}, "full_outer").where(not(same));
    return joined
        .withColumn("bonus_delta_yuan", delta)
        .withColumn("computed_at", lit(Timestamp.from(computedAt)))
        .select(
            java.util.Arrays.stream(SCHEMA.fieldNames())
                .map(f -> col(f).cast(SCHEMA.apply(f).dataType()).as(f))
                .toArray(Column[]::new));
  }

  private static Dataset<Row> side(Dataset<Row> card, String prefix) {
    return card.select(
        col("manager_code"),
        col("year"),
        col("composite").as(prefix + "_composite"),
        col("tier").as(prefix + "_tier"),
        col("bonus_yuan").cast(ManagerScorecard.BONUS).as(prefix + "_bonus_yuan"),
        lit(true).as(prefix + "_present"));
  }
}
