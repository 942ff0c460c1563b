package gridperf.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Data tests run after every gold write; a failure throws {@link DataTestFailure} naming the table
 * and the test, which fails the build. Tests: unique keys, no NULL key, ratios within their ranges
 * (high_class_share and volume_yoy are not bounded: returns can push them anywhere), and per
 * period Σ revenue of perf_manager = Σ perf_grid = perf_cube company total = Σ silver.
 */
public final class GoldChecks {
  private GoldChecks() {}

  /** A failed data test. */
  public static final class DataTestFailure extends RuntimeException {
    public DataTestFailure(String message) {
      super(message);
    }
  }

  /** Unique and non-NULL keys ({@code nullable} keys may be NULL but are then still unique). */
  public static void keys(String table, Dataset<Row> df, List<String> keys, List<String> nullable) {
    Column[] k = PerfMetrics.cols(keys).toArray(new Column[0]);
    List<Column> nulls = new ArrayList<>();
    for (String c : keys) {
      if (!nullable.contains(c)) {
        nulls.add(count(when(col(c).isNull(), 1)));
      }
    }
    Row dup = df.groupBy(k).count().where(col("count").gt(1)).agg(count(lit(1))).head();
    if (dup.getLong(0) > 0) {
      throw new DataTestFailure(table + ": " + dup.getLong(0) + " duplicate keys " + keys);
    }
    if (!nulls.isEmpty()) {
      Row n = df.agg(nulls.get(0), nulls.subList(1, nulls.size()).toArray(new Column[0])).head();
      for (int i = 0; i < n.length(); i++) {
        if (n.getLong(i) > 0) {
          throw new DataTestFailure(table + ": " + n.getLong(i) + " rows with a NULL key column");
        }
      }
    }
  }

  /** Each named column is NULL or within [lo, hi]. */
  public static void ranges(String table, Dataset<Row> df, List<String> columns, double lo, double hi) {
    List<Column> bad = new ArrayList<>();
    for (String c : columns) {
      bad.add(count(when(col(c).lt(lo).or(col(c).gt(hi)).or(col(c).isNaN()), 1)).as(c));
    }
    Row r = df.agg(bad.get(0), bad.subList(1, bad.size()).toArray(new Column[0])).head();
    for (int i = 0; i < r.length(); i++) {
      if (r.getLong(i) > 0) {
        throw new DataTestFailure(
            table + ": " + r.getLong(i) + " rows with " + columns.get(i) + " outside [" + lo + ", "
                + hi + "]");
      }
    }
  }

  /**
   * Per period (period_type, period): Σ revenue_yuan of perf_manager, of perf_grid, of the
   * perf_cube company total (grouping_id 63) and of the silver sales all agree.
   */
  public static void revenueReconciles(
      Dataset<Row> manager,
      Dataset<Row> grid,
      Dataset<Row> cube,
      Dataset<Row> silverSales,
      String periodFilter) {
    Dataset<Row> silver =
        Periods.explode(silverSales.select(col("year"), col("month"), col("amount")))
            .where(periodFilter)
            .groupBy("period_type", "period")
            .agg(sum("amount").as("silver"));
    Dataset<Row> all =
        total(manager.where(periodFilter), "m")
            .join(total(grid.where(periodFilter), "g"), PerfManager.scalaSeq("period_type", "period"), "full_outer")
            .join(
                total(cube.where(periodFilter).where(col("grouping_id").equalTo(63)), "c"),
                PerfManager.scalaSeq("period_type", "period"),
                "full_outer")
            .join(silver, PerfManager.scalaSeq("period_type", "period"), "full_outer");
    Column zero = lit(0).cast(PerfMetrics.REVENUE_TYPE);
    Column m = coalesce(col("m"), zero);
    Column bad =
        m.notEqual(coalesce(col("g"), zero))
            .or(m.notEqual(coalesce(col("c"), zero)))
            .or(m.notEqual(coalesce(col("silver"), zero)));
    List<Row> wrong = all.where(bad).limit(3).collectAsList();
    if (!wrong.isEmpty()) {
      throw new DataTestFailure(
          "revenue does not reconcile (period, manager, grid, cube, silver): " + wrong);
    }
  }

  private static Dataset<Row> total(Dataset<Row> df, String name) {
    return df.groupBy("period_type", "period").agg(sum("revenue_yuan").as(name));
  }
}
