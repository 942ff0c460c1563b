package gridperf.analyst;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A small hand-written lake for the analysts' tools, until the pipeline's own tables are merged:
 * {@code perf_manager} (two versions, so time travel can be tested), {@code dim_retailer} and
 * {@code manager_scorecard} with realistic columns, Chinese names and 12-digit codes.
 */
public final class SmallLake {
  public static final StructType PERF_MANAGER =
      new StructType()
          .add("manager_code", DataTypes.StringType, false)
          .add("manager_name", DataTypes.StringType, true)
          .add("period_type", DataTypes.StringType, false)
          .add("period", DataTypes.StringType, false)
          .add("year", DataTypes.IntegerType, false)
          .add("retailers_assigned", DataTypes.LongType, false)
          .add("order_rate", DataTypes.DoubleType, true)
          .add("volume_cases", DataTypes.createDecimalType(23, 3), true)
          .add("revenue_yuan", DataTypes.createDecimalType(28, 2), true)
          .add("visit_coverage", DataTypes.DoubleType, true);

  public static final StructType DIM_RETAILER =
      new StructType()
          .add("retailer_code", DataTypes.StringType, false)
          .add("retailer_name", DataTypes.StringType, true)
          .add("format", DataTypes.StringType, true)
          .add("grade", DataTypes.IntegerType, true)
          .add("grid_code", DataTypes.StringType, true)
          .add("manager_code", DataTypes.StringType, true)
          .add("valid_from", DataTypes.DateType, false)
          .add("valid_to", DataTypes.DateType, true);

  public static final StructType MANAGER_SCORECARD =
      new StructType()
          .add("year", DataTypes.IntegerType, false)
          .add("manager_code", DataTypes.StringType, false)
          .add("manager_name", DataTypes.StringType, true)
          .add("composite", DataTypes.DoubleType, true)
          .add("rank", DataTypes.IntegerType, true)
          .add("tier", DataTypes.StringType, true)
          .add("target_attainment", DataTypes.DoubleType, true)
          .add("bonus_yuan", DataTypes.createDecimalType(18, 2), true);

  private SmallLake() {}

  /** Writes the tables into a lake at {@code root}: perf_manager at version 1, the rest at 0. */
  public static Lake write(SparkSession spark, String root) {
    Lake lake = new Lake(spark, root);
    List<Row> v0 =
        List.of(
            perf("M017", "张伟", "M", "2014-06", 2014, 12, 0.5, "10.250", "123456.78", 0.75),
            perf("M018", "李娜", "M", "2014-06", 2014, 3, 1.0 / 3, "0.004", "0.10", null));
    lake.write(TableId.PERF_MANAGER, spark.createDataFrame(v0, PERF_MANAGER)).commit();
    List<Row> v1 =
        List.of(
            perf("M017", "张伟", "M", "2014-06", 2014, 12, 0.5, "10.250", "123456.78", 0.75),
            perf("M018", "李娜", "M", "2014-06", 2014, 3, 1.0 / 3, "0.004", "0.10", null),
            perf("M019", "欧阳, \"小明\"", "Y", "2014", 2014, 40, 0.0001, "-2.500", "-500.00", 1e-7),
            perf("M020", null, "M", "2014-07", 2014, 0, null, null, null, null));
    lake.write(TableId.PERF_MANAGER, spark.createDataFrame(v1, PERF_MANAGER)).commit();
    List<Row> retailers =
        List.of(
            RowFactory.create(
                "370784100231",
                "红旗便利店",
                "convenience",
                7,
                "G001",
                "M017",
                Date.valueOf("2012-01-01"),
                Date.valueOf("2014-06-16")),
            RowFactory.create(
                "000000000001",
                "好又多超市",
                "supermarket",
                22,
                "G002",
                "M018",
                Date.valueOf("2012-01-01"),
                null));
    lake.write(TableId.DIM_RETAILER, spark.createDataFrame(retailers, DIM_RETAILER)).commit();
    List<Row> cards =
        List.of(
            RowFactory.create(2014, "M017", "张伟", 0.8125, 1, "A", 1.05, new BigDecimal("15000.00")),
            RowFactory.create(2014, "M018", "李娜", 0.25, 2, "C", 0.9, new BigDecimal("6000.00")));
    lake.write(TableId.MANAGER_SCORECARD, spark.createDataFrame(cards, MANAGER_SCORECARD)).commit();
    return lake;
  }

  private static Row perf(
      String code,
      String name,
      String pt,
      String period,
      int year,
      long assigned,
      Double rate,
      String volume,
      String revenue,
      Double coverage) {
    return RowFactory.create(
        code,
        name,
        pt,
        period,
        year,
        assigned,
        rate,
        volume == null ? null : new BigDecimal(volume),
        revenue == null ? null : new BigDecimal(revenue),
        coverage);
  }
}
