package gridperf.notebook;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.silver.DimGrid;
import gridperf.silver.DimManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The one small lake NotebooksTest writes (seconds, not a pipeline run) and runs every notebook
 * against: the gold tables' contract columns the notebooks read, seeded values, 6 managers, 4
 * grids, 2011–2015.
 */
final class NotebookLake {
  private static final DataType VOL = DataTypes.createDecimalType(23, 3);
  private static final DataType YUAN = DataTypes.createDecimalType(28, 2);
  private static final String[] MANAGERS = {"M001", "M002", "M003", "M004", "M005", "M006"};
  private static final String[] NAMES = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊"};
  private static final String[] GRIDS = {"G01", "G02", "G03", "G04"};
  private static final String[] MARKETS = {"urban", "urban", "town", "rural"};
  private static final String[] COMPONENTS = {
    "attainment", "growth", "structure", "activity", "service", "experience", "complaints"
  };

  private NotebookLake() {}

  static Lake write(SparkSession spark, String root) {
    Lake lake = new Lake(spark, root);
    Random rnd = new Random(42);
    List<Row> grids = new ArrayList<>();
    for (int g = 0; g < GRIDS.length; g++) {
      grids.add(RowFactory.create(GRIDS[g], "第" + (g + 1) + "网格", "城关站", MARKETS[g]));
    }
    lake.write(TableId.DIM_GRID, spark.createDataFrame(grids, DimGrid.SCHEMA)).commit();
    List<Row> managers = new ArrayList<>();
    for (int m = 0; m < MANAGERS.length; m++) {
      managers.add(RowFactory.create(MANAGERS[m], NAMES[m], "城关站", Date.valueOf("2010-03-01")));
    }
    lake.write(TableId.DIM_MANAGER, spark.createDataFrame(managers, DimManager.SCHEMA)).commit();

    StructType perfManager =
        entity("manager_code")
            .add("retailers_assigned", DataTypes.LongType)
            .add("order_rate", DataTypes.DoubleType)
            .add("volume_cases", VOL)
            .add("revenue_yuan", YUAN)
            .add("target_attainment", DataTypes.DoubleType)
            .add("visit_coverage", DataTypes.DoubleType)
            .add("peak_end_avg", DataTypes.DoubleType)
            .add("service_compliance", DataTypes.DoubleType)
            .add("complaints_per_100", DataTypes.DoubleType);
    StructType perfGrid =
        entity("grid_code")
            .add("retailers_assigned", DataTypes.LongType)
            .add("volume_cases", VOL)
            .add("revenue_yuan", YUAN)
            .add("revenue_per_case", DataTypes.DoubleType)
            .add("volume_yoy", DataTypes.DoubleType)
            .add("order_rate", DataTypes.DoubleType)
            .add("visit_coverage", DataTypes.DoubleType)
            .add("satisfaction_avg", DataTypes.DoubleType)
            .add("peak_end_avg", DataTypes.DoubleType)
            .add("complaints_per_100", DataTypes.DoubleType);
    // the service metrics of perf_grid (the pilot notebook) from their own stream
    Random service = new Random(7);
    StructType perfCategory =
        new StructType()
            .add("format", DataTypes.StringType)
            .add("market_type", DataTypes.StringType)
            .add("scale", DataTypes.StringType)
            .add("period_type", DataTypes.StringType)
            .add("period", DataTypes.StringType)
            .add("retailers_assigned", DataTypes.LongType)
            .add("volume_cases", VOL)
            .add("revenue_yuan", YUAN);
    List<Row> pm = new ArrayList<>();
    List<Row> pg = new ArrayList<>();
    List<Row> pc = new ArrayList<>();
    List<Row> sc = new ArrayList<>();
    for (int year = 2011; year <= 2015; year++) {
      for (String period : periods(year)) {
        String type = period.length() == 4 ? "Y" : period.contains("Q") ? "Q" : "M";
        double scale = type.equals("Y") ? 12 : type.equals("Q") ? 3 : 1;
        for (String m : MANAGERS) {
          double vol = scale * (80 + rnd.nextInt(40)) * (1 + 0.05 * (year - 2011));
          pm.add(
              RowFactory.create(
                  m,
                  type,
                  period,
                  40L + rnd.nextInt(10),
                  0.6 + rnd.nextDouble() * 0.4,
                  dec(vol, 3),
                  dec(vol * 4800, 2),
                  0.8 + rnd.nextDouble() * 0.4,
                  0.5 + rnd.nextDouble() * 0.5,
                  2 + rnd.nextDouble() * 3,
                  type.equals("Y") && year > 2011 ? 0.4 + rnd.nextDouble() * 0.6 : null,
                  rnd.nextDouble() * 5));
        }
        for (String g : GRIDS) {
          double vol = scale * (120 + rnd.nextInt(30)) * (1 + 0.08 * (year - 2011));
          pg.add(
              RowFactory.create(
                  g,
                  type,
                  period,
                  60L,
                  dec(vol, 3),
                  dec(vol * 5000, 2),
                  5000.0,
                  year > 2011 ? 0.08 / (1 + 0.08 * (year - 2012)) : null,
                  0.9 + 0.1 * service.nextDouble(),
                  0.5 + 0.5 * service.nextDouble(),
                  3 + 2 * service.nextDouble(),
                  3 + 2 * service.nextDouble(),
                  2 * service.nextDouble()));
        }
        for (String format : List.of("grocery", "convenience", "supermarket", "tobacco_liquor")) {
          for (String market : List.of("urban", "town", "rural")) {
            double vol = scale * (20 + rnd.nextInt(30));
            pc.add(
                RowFactory.create(
                    format, market, "medium", type, period, 12L, dec(vol, 3), dec(vol * 4500, 2)));
          }
        }
      }
      for (int m = 0; m < MANAGERS.length; m++) {
        List<Object> row =
            new ArrayList<>(List.of(MANAGERS[m], year, MARKETS[m % 4], GRIDS[m % 4]));
        double sum = 0;
        double[] weights = {0.25, 0.15, 0.15, 0.10, 0.15, 0.10, 0.10};
        for (int c = 0; c < COMPONENTS.length; c++) {
          double score = 20.0 * rnd.nextInt(6);
          row.add(rnd.nextDouble());
          row.add(score);
          row.add(weights[c] * score);
          sum += weights[c] * score;
        }
        double composite = BigDecimal.valueOf(sum).setScale(2, RoundingMode.HALF_UP).doubleValue();
        String tier = composite >= 70 ? "A" : composite >= 50 ? "B" : composite >= 30 ? "C" : "D";
        row.add(composite);
        row.add(tier);
        row.add(
            new BigDecimal(
                tier.equals("A") ? "15000.00" : tier.equals("B") ? "12000.00" : "10000.00"));
        sc.add(RowFactory.create(row.toArray()));
      }
    }
    StructType card =
        new StructType()
            .add("manager_code", DataTypes.StringType)
            .add("year", DataTypes.IntegerType)
            .add("market_type", DataTypes.StringType)
            .add("primary_grid_code", DataTypes.StringType);
    for (String c : COMPONENTS) {
      card =
          card.add(c + "_value", DataTypes.DoubleType)
              .add(c + "_score", DataTypes.DoubleType)
              .add(c + "_points", DataTypes.DoubleType);
    }
    card =
        card.add("composite", DataTypes.DoubleType)
            .add("tier", DataTypes.StringType)
            .add("bonus_yuan", DataTypes.createDecimalType(18, 2));
    lake.write(TableId.PERF_MANAGER, spark.createDataFrame(pm, perfManager)).commit();
    lake.write(TableId.PERF_GRID, spark.createDataFrame(pg, perfGrid)).commit();
    lake.write(TableId.PERF_CATEGORY, spark.createDataFrame(pc, perfCategory)).commit();
    lake.write(TableId.MANAGER_SCORECARD, spark.createDataFrame(sc, card)).commit();
    // service_standards: a year row per manager, the first two keep every month, the others slip
    List<Row> std = new ArrayList<>();
    for (int year = 2011; year <= 2015; year++) {
      for (int m = 0; m < MANAGERS.length; m++) {
        int met = m < 2 ? 12 : 12 - 1 - rnd.nextInt(4);
        long spots = 4 + rnd.nextInt(5);
        long passed = spots - (m % 3 == 2 ? 1 + rnd.nextInt(2) : 0);
        int errorFree = 8 + rnd.nextInt(5);
        std.add(
            RowFactory.create(
                MANAGERS[m],
                "Y",
                String.valueOf(year),
                year,
                12,
                2L * met + 3,
                4L,
                spots,
                passed,
                (double) passed / spots,
                (long) (12 - errorFree),
                met,
                errorFree,
                10 + rnd.nextInt(3),
                Math.min(errorFree, 3 + rnd.nextInt(6)),
                met == 12 && (double) passed / spots >= 0.9));
      }
    }
    lake.write(
            TableId.SERVICE_STANDARDS,
            spark.createDataFrame(std, gridperf.gold.ServiceStandards.SCHEMA))
        .commit();
    pilots(spark, lake);
    IntegrityNotebookData.write(spark, lake);
    NotebookLakeRetailers.write(spark, lake);
    return lake;
  }

  /** dim_pilot (one pilot: G01, G03 against G02, G04, March–May 2015) and its pilot_effect. */
  private static void pilots(SparkSession spark, Lake lake) {
    List<Row> rows = new ArrayList<>();
    for (int g = 0; g < GRIDS.length; g++) {
      rows.add(
          RowFactory.create(
              "P1", GRIDS[g], "新服务菜单", g % 2 == 0 ? "pilot" : "control", "2015-03", "2015-05"));
    }
    lake.write(TableId.DIM_PILOT, spark.createDataFrame(rows, gridperf.silver.DimPilot.SCHEMA))
        .commit();
    lake.write(
            TableId.PILOT_EFFECT,
            gridperf.gold.PilotEffect.build(
                lake.read(TableId.PERF_GRID),
                lake.read(TableId.DIM_PILOT),
                lake.read(TableId.DIM_GRID),
                java.util.Optional.of(
                    new gridperf.gold.PeriodRange(
                        java.time.YearMonth.of(2011, 1), java.time.YearMonth.of(2015, 12)))))
        .commit();
  }

  private static StructType entity(String code) {
    return new StructType()
        .add(code, DataTypes.StringType)
        .add("period_type", DataTypes.StringType)
        .add("period", DataTypes.StringType);
  }

  private static List<String> periods(int year) {
    List<String> out = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      out.add(String.format("%d-%02d", year, m));
    }
    for (int q = 1; q <= 4; q++) {
      out.add(year + "-Q" + q);
    }
    out.add(String.valueOf(year));
    return out;
  }

  private static BigDecimal dec(double v, int scale) {
    return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
  }
}
