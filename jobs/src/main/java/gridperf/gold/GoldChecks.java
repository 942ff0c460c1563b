package gridperf.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import gridperf.lakehouse.ScalaSeq;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Data tests run after every gold write; a failure throws {@link DataTestFailure} naming the table
 * and the test, which fails the build. Tests: unique keys, no NULL key, ratios within their ranges
 * (high_class_share and volume_yoy are not bounded: returns can push them anywhere), and per period
 * Σ revenue of perf_manager = Σ perf_grid = perf_cube company total = Σ silver.
 */
public final class GoldChecks {
  private GoldChecks() {}

  /** A failed data test. */
  public static final class DataTestFailure extends RuntimeException {
    public DataTestFailure(String message) {
      super(message);
    }
  }

  /** Each value of {@code columns} must be NULL or within [lo, hi] (never NaN). */
  public record Bound(List<String> columns, double lo, double hi) {}

  /**
   * Unique and non-NULL keys ({@code nullable} keys may be NULL but are then still unique) and
   * every {@link Bound}, checked in one query over {@code df}.
   */
  public static void check(
      String table, Dataset<Row> df, List<String> keys, List<String> nullable, List<Bound> bounds) {
    Column[] k = PerfMetrics.cols(keys).toArray(new Column[0]);
    List<Column> perKey = new ArrayList<>();
    List<Column> total = new ArrayList<>();
    List<String> what = new ArrayList<>();
    perKey.add(count(lit(1)).as("_n"));
    total.add(count(when(col("_n").gt(1), 1)));
    what.add("duplicate keys " + keys);
    for (String c : keys) {
      if (!nullable.contains(c)) {
        total.add(count(when(col(c).isNull(), 1)));
        what.add("keys with a NULL " + c);
      }
    }
    int i = 0;
    for (Bound b : bounds) {
      for (String c : b.columns()) {
        String bad = "_bad" + i++;
        perKey.add(
            count(when(col(c).lt(b.lo()).or(col(c).gt(b.hi())).or(col(c).isNaN()), 1)).as(bad));
        total.add(sum(col(bad)));
        what.add("rows with " + c + " outside [" + b.lo() + ", " + b.hi() + "]");
      }
    }
    Row r =
        df.groupBy(k)
            .agg(perKey.get(0), perKey.subList(1, perKey.size()).toArray(new Column[0]))
            .agg(total.get(0), total.subList(1, total.size()).toArray(new Column[0]))
            .head();
    for (int j = 0; j < r.length(); j++) {
      long n = r.isNullAt(j) ? 0 : ((Number) r.get(j)).longValue();
      if (n > 0) {
        throw new DataTestFailure(table + ": " + n + " " + what.get(j));
      }
    }
  }

  /** Unique and non-NULL keys ({@code nullable} keys may be NULL but are then still unique). */
  public static void keys(String table, Dataset<Row> df, List<String> keys, List<String> nullable) {
    check(table, df, keys, nullable, List.of());
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
            .join(
                total(grid.where(periodFilter), "g"),
                ScalaSeq.of("period_type", "period"),
                "full_outer")
            .join(
                total(cube.where(periodFilter).where(col("grouping_id").equalTo(63)), "c"),
                ScalaSeq.of("period_type", "period"),
                "full_outer")
            .join(silver, ScalaSeq.of("period_type", "period"), "full_outer");
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
