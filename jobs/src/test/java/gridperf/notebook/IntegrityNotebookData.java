package gridperf.notebook;

import gridperf.gold.IntegrityFlags;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The rows the Integrity notebook reads, added to {@link NotebookLake}: a few integrity_flags, and
 * the visits and sales lines behind M002's flags of March 2015 (visits bunched on the 29th–31st,
 * short visits, four one-carton orders on the 30th) plus an ordinary month for M001.
 */
final class IntegrityNotebookData {
  private IntegrityNotebookData() {}

  static void write(SparkSession spark, Lake lake) {
    List<Row> flags = new ArrayList<>();
    flags.add(RowFactory.create("M002", 2015, 3, "VISIT_BUNCHING", 0.625, 0.5, 25L));
    flags.add(RowFactory.create("M002", 2015, 3, "SHORT_VISITS", 0.3, 0.25, 12L));
    flags.add(RowFactory.create("M002", 2015, 3, "TOKEN_ORDERS", 0.1, 0.05, 4L));
    flags.add(RowFactory.create("M005", 2014, 11, "REPEAT_VISITS", 0.125, 0.1, 6L));
    flags.add(RowFactory.create("M002", 2015, 6, "VISIT_BUNCHING", 0.55, 0.5, 11L));
    lake.write(TableId.INTEGRITY_FLAGS, spark.createDataFrame(flags, IntegrityFlags.SCHEMA))
        .partitionBy("year")
        .commit();

    StructType tp =
        StructType.fromDDL(
            "event_id string, business_date date, retailer_code string, channel string,"
                + " duration_min double, manager_code string, year int, month int");
    List<Row> visits = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int day = i < 25 ? 29 + i % 3 : 1 + (i * 7) % 28;
      Double duration =
          i % 10 < 3 ? (i % 2 == 0 ? null : Double.valueOf(2.0)) : Double.valueOf(15.0 + i % 20);
      visits.add(
          RowFactory.create(
              "V" + i,
              Date.valueOf(LocalDate.of(2015, 3, day)),
              String.format("%012d", 100 + i),
              "visit",
              duration,
              "M002",
              2015,
              3));
      visits.add(
          RowFactory.create(
              "W" + i,
              Date.valueOf(LocalDate.of(2015, 3, 1 + (i * 11) % 31)),
              String.format("%012d", 200 + i),
              "visit",
              20.0,
              "M001",
              2015,
              3));
    }
    lake.write(TableId.FACT_TOUCHPOINT, spark.createDataFrame(visits, tp)).commit();

    StructType sl =
        StructType.fromDDL(
            "order_id string, line_no bigint, order_date date, retailer_code string,"
                + " qty_cartons bigint, manager_code string, year int, month int");
    List<Row> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boolean token = i < 4;
      lines.add(
          RowFactory.create(
              "O" + i,
              1L,
              Date.valueOf(LocalDate.of(2015, 3, token ? 30 : 5 + i % 20)),
              String.format("%012d", 100 + i),
              token ? 1L : 8L + i % 5,
              "M002",
              2015,
              3));
    }
    lake.write(TableId.FACT_SALES_LINE, spark.createDataFrame(lines, sl)).commit();
  }
}
