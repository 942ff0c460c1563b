package gridperf.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.when;

import gridperf.config.ScoringConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * TEMPORARY (branch score): a minimal stand-in with the exact signature the gold branch provides,
 * so the score job compiles and is testable before the merge. At merge, keep the gold branch's
 * {@code gridperf.gold.RetailerSegment} and drop this file.
 */
public final class RetailerSegment {
  private RetailerSegment() {}

  /**
   * The same rows with {@code segment} recomputed under {@code cfg}'s cut-offs: within (year,
   * market_type), rank = 1 + the number with strictly higher revenue, p = (rank − 1) / n, A if p
   * &lt; a, B if p &lt; b, else C.
   */
  public static Dataset<Row> segments(Dataset<Row> retailerSegment, ScoringConfig cfg) {
    Column revenue = col("revenue_yuan");
    Column rank = rank().over(Window.partitionBy("year", "market_type").orderBy(revenue.desc()));
    Column n = count(lit(1)).over(Window.partitionBy("year", "market_type"));
    Column p = rank.minus(1).cast("double").divide(n.cast("double"));
    return retailerSegment
        .withColumn(
            "segment",
            when(p.lt(cfg.segmentA()), "A").when(p.lt(cfg.segmentB()), "B").otherwise("C"))
        .select("retailer_code", "year", "market_type", "revenue_yuan", "segment");
  }
}
