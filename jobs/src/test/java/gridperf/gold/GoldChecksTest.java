package gridperf.gold;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gridperf.gold.GoldChecks.Bound;
import gridperf.gold.GoldChecks.DataTestFailure;
import gridperf.testing.SparkTestBase;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The data tests a build runs after each write: each one must fail on the fault it names. */
class GoldChecksTest extends SparkTestBase {
  static final StructType PERF =
      new StructType()
          .add("manager_code", DataTypes.StringType)
          .add("period_type", DataTypes.StringType)
          .add("period", DataTypes.StringType)
          .add("order_rate", DataTypes.DoubleType)
          .add("peak_end_avg", DataTypes.DoubleType);

  static final List<String> KEYS = List.of("manager_code", "period_type", "period");
  static final List<Bound> BOUNDS =
      List.of(new Bound(List.of("order_rate"), 0, 1), new Bound(List.of("peak_end_avg"), 1, 5));

  static void check(Row... rows) {
    GoldChecks.check("perf_manager", df(PERF, rows), KEYS, List.of(), BOUNDS);
  }

  @Test
  void cleanRowsPassIncludingNullRatiosAndBoundaryValues() {
    assertThatCode(
            () ->
                check(
                    row("M1", "M", "2014-01", 0.0, 1.0),
                    row("M1", "M", "2014-02", 1.0, 5.0),
                    row("M2", "M", "2014-01", null, null)))
        .doesNotThrowAnyException();
  }

  @Test
  void aDuplicateKeyFails() {
    assertThatThrownBy(
            () -> check(row("M1", "M", "2014-01", 0.5, 3.0), row("M1", "M", "2014-01", 0.5, 3.0)))
        .isInstanceOf(DataTestFailure.class)
        .hasMessage("perf_manager: 1 duplicate keys [manager_code, period_type, period]");
  }

  @Test
  void aNullKeyFails() {
    assertThatThrownBy(() -> check(row(null, "M", "2014-01", 0.5, 3.0)))
        .isInstanceOf(DataTestFailure.class)
        .hasMessage("perf_manager: 1 keys with a NULL manager_code");
  }

  @Test
  void aRatioOutOfRangeOrNaNFails() {
    assertThatThrownBy(() -> check(row("M1", "M", "2014-01", 1.5, 3.0)))
        .isInstanceOf(DataTestFailure.class)
        .hasMessage("perf_manager: 1 rows with order_rate outside [0.0, 1.0]");
    assertThatThrownBy(
            () ->
                check(
                    row("M1", "M", "2014-01", 0.5, 0.5),
                    row("M1", "Q", "2014-Q1", 0.5, Double.NaN)))
        .isInstanceOf(DataTestFailure.class)
        .hasMessage("perf_manager: 2 rows with peak_end_avg outside [1.0, 5.0]");
  }

  @Test
  void nullableKeyColumnsMayBeNullButStayUnique() {
    StructType cube =
        new StructType()
            .add("grid_code", DataTypes.StringType)
            .add("grouping_id", DataTypes.IntegerType);
    List<String> keys = List.of("grid_code", "grouping_id");
    assertThatCode(
            () ->
                GoldChecks.check(
                    "perf_cube",
                    df(cube, row(null, 63), row("G1", 31)),
                    keys,
                    List.of("grid_code"),
                    List.of()))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                GoldChecks.check(
                    "perf_cube",
                    df(cube, row(null, 63), row(null, 63)),
                    keys,
                    List.of("grid_code"),
                    List.of()))
        .isInstanceOf(DataTestFailure.class)
        .hasMessageContaining("1 duplicate keys");
  }

  @Test
  void revenueThatDoesNotReconcileFails() {
    StructType revenue =
        new StructType()
            .add("period_type", DataTypes.StringType)
            .add("period", DataTypes.StringType)
            .add("grouping_id", DataTypes.IntegerType)
            .add("revenue_yuan", DataTypes.createDecimalType(28, 2));
    StructType silver =
        new StructType()
            .add("year", DataTypes.IntegerType)
            .add("month", DataTypes.IntegerType)
            .add("amount", DataTypes.createDecimalType(28, 2));
    Dataset<Row> sales = df(silver, row(2014, 1, new BigDecimal("10.00")));
    Dataset<Row> ok =
        df(
            revenue,
            row("M", "2014-01", 63, new BigDecimal("10.00")),
            row("Q", "2014-Q1", 63, new BigDecimal("10.00")),
            row("Y", "2014", 63, new BigDecimal("10.00")));
    assertThatCode(() -> GoldChecks.revenueReconciles(ok, ok, ok, sales, "true"))
        .doesNotThrowAnyException();
    Dataset<Row> grid =
        df(
            revenue,
            row("M", "2014-01", 63, new BigDecimal("10.00")),
            row("Q", "2014-Q1", 63, new BigDecimal("10.01")),
            row("Y", "2014", 63, new BigDecimal("10.00")));
    assertThatThrownBy(() -> GoldChecks.revenueReconciles(ok, grid, ok, sales, "true"))
        .isInstanceOf(DataTestFailure.class)
        .hasMessageContaining("revenue does not reconcile")
        .hasMessageContaining("2014-Q1");
  }
}
