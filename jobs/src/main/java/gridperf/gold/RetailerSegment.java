package gridperf.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import gridperf.config.ScoringConfig;
import gridperf.lakehouse.ScalaSeq;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.StructType;

/**
 * {@code retailer_segment} — grain: retailer × year (docs/contract.md, Segments). Keys:
 * retailer_code, year (partition column). Columns: retailer_code, year, market_type, revenue_yuan,
 * segment, class, preferred_remote. Sources: the assignment and sales pre-aggregates of {@link
 * Monthly}; cut-offs from the scoring file. Rules: every retailer assigned on at least one day of
 * the year (inside the period range); market_type of its primary grid of the year (most assigned
 * days, ties grid_code ascending); revenue_yuan = Σ amount_yuan of the year's sales (0 without
 * sales); within (year, market_type), rank = 1 + the number with a strictly higher revenue, p =
 * (rank − 1) / n: A if p &lt; segments.a, B if p &lt; segments.b, else C; class and
 * preferred_remote as {@link RetailerClasses} says.
 */
public final class RetailerSegment {
  /** The table's columns as written; keys non-nullable. */
  public static final StructType SCHEMA =
      StructType.fromDDL(
          "retailer_code string not null, year int not null, market_type string, revenue_yuan "
              + PerfMetrics.REVENUE_TYPE
              + ", segment string, class string, preferred_remote string");

  private RetailerSegment() {}

  /**
   * The table for the computed years: {@link #segments} of {@link #base}, then class and
   * preferred_remote ({@link RetailerClasses#withClass}).
   */
  public static Dataset<Row> build(Monthly in, ScoringConfig cfg) {
    return RetailerClasses.withClass(
        segments(base(in), cfg),
        RetailerClasses.attributes(in.assigned()),
        RetailerClasses.preferredRemote(in.touchpoints()),
        cfg.classes());
  }

  /** Columns: retailer_code, year, market_type, revenue_yuan (decimal(28,2)). */
  public static Dataset<Row> base(Monthly in) {
    Dataset<Row> gridDays =
        in.assigned()
            .groupBy("retailer_code", "year", "grid_code")
            .agg(sum("days").as("days"), max("market_type").as("market_type"));
    // min over (−days, grid_code): most days first, ties to the lowest grid_code
    Dataset<Row> primary =
        gridDays
            .groupBy("retailer_code", "year")
            .agg(
                min(struct(col("days").multiply(-1).as("d"), col("grid_code"), col("market_type")))
                    .as("p"))
            .select(col("retailer_code"), col("year"), col("p.market_type").as("market_type"));
    Dataset<Row> revenue =
        in.sales().groupBy("retailer_code", "year").agg(sum("amount").as("revenue"));
    return primary
        .join(revenue, ScalaSeq.of("retailer_code", "year"), "left")
        .select(
            col("retailer_code"),
            col("year"),
            col("market_type"),
            coalesce(
                    col("revenue").cast(PerfMetrics.REVENUE_TYPE),
                    lit(0).cast(PerfMetrics.REVENUE_TYPE))
                .as("revenue_yuan"));
  }

  /**
   * Recomputes segment from stored columns (pure; the score job calls it for what-if scenarios).
   * Input columns: retailer_code, year, market_type, revenue_yuan (any other column, such as a
   * stored segment, is dropped). Output: retailer_code, year, market_type, revenue_yuan, segment.
   */
  public static Dataset<Row> segments(Dataset<Row> retailerYearBase, ScoringConfig cfg) {
    WindowSpec group = Window.partitionBy("year", "market_type");
    Dataset<Row> ranked =
        retailerYearBase
            .select("retailer_code", "year", "market_type", "revenue_yuan")
            .withColumn("_rank", rank().over(group.orderBy(col("revenue_yuan").desc())))
            .withColumn("_n", count(lit(1)).over(group));
    var p = col("_rank").minus(1).cast("double").divide(col("_n").cast("double"));
    return ranked
        .withColumn(
            "segment",
            when(p.lt(cfg.segmentA()), "A").when(p.lt(cfg.segmentB()), "B").otherwise("C"))
        .drop("_rank", "_n");
  }
}
