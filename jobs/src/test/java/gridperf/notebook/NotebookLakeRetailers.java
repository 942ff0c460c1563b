package gridperf.notebook;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The retailer tables of {@link NotebookLake}: retailer_segment with classes, service_visits with
 * channel counts and perf_retailer, for 12 retailers of 3 managers in 2014–2015, seeded values.
 */
final class NotebookLakeRetailers {
  private static final String[] CLASSES = {"A", "B", "C"};

  private NotebookLakeRetailers() {}

  static void write(SparkSession spark, Lake lake) {
    Random rnd = new Random(7);
    List<Row> seg = new ArrayList<>();
    List<Row> visits = new ArrayList<>();
    List<Row> perf = new ArrayList<>();
    for (int r = 0; r < 12; r++) {
      String code = String.format("3707841%05d", r);
      String manager = "M00" + (1 + r % 3);
      String grid = "G0" + (1 + r % 3);
      for (int year = 2014; year <= 2015; year++) {
        String cls = CLASSES[(r + year) % 3];
        String pref = rnd.nextBoolean() ? "wechat" : "phone";
        seg.add(
            RowFactory.create(
                code, year, "urban", new BigDecimal(1000 * (12 - r) + ".00"), cls, cls, pref));
        long yearVisits = 0;
        long yearPhone = 0;
        long yearWechat = 0;
        BigDecimal yearVolume = BigDecimal.ZERO;
        for (int m = 1; m <= 12; m++) {
          long v = rnd.nextInt(5);
          long p = rnd.nextInt(3);
          long w = rnd.nextInt(3);
          visits.add(
              RowFactory.create("manager", manager, code, year, m, v, p, w, (long) rnd.nextInt(2)));
          BigDecimal vol = BigDecimal.valueOf(rnd.nextInt(4000), 3);
          perf.add(
              retailerRow(
                  code,
                  "M",
                  String.format("%d-%02d", year, m),
                  year,
                  grid,
                  manager,
                  year == 2015 ? "B" : null,
                  year == 2015 ? "B" : null,
                  30,
                  vol,
                  v,
                  p,
                  w,
                  year == 2015 ? 2 : 0,
                  year == 2015 && v >= 2 ? 1 : 0,
                  year == 2015 ? 1 : 0));
          yearVisits += v;
          yearPhone += p;
          yearWechat += w;
          yearVolume = yearVolume.add(vol);
        }
        perf.add(
            retailerRow(
                code,
                "Y",
                String.valueOf(year),
                year,
                grid,
                manager,
                year == 2015 ? "B" : null,
                year == 2015 ? "B" : null,
                365,
                yearVolume,
                yearVisits,
                yearPhone,
                yearWechat,
                year == 2015 ? 24 : 0,
                year == 2015 ? 6 : 0,
                year == 2015 ? 12 : 0));
      }
    }
    lake.write(
            TableId.RETAILER_SEGMENT,
            spark.createDataFrame(seg, gridperf.gold.RetailerSegment.SCHEMA))
        .commit();
    lake.write(
            TableId.SERVICE_VISITS,
            spark.createDataFrame(visits, gridperf.gold.ServiceVisits.SCHEMA))
        .commit();
    lake.write(
            TableId.PERF_RETAILER, spark.createDataFrame(perf, gridperf.gold.PerfRetailer.SCHEMA))
        .commit();
  }

  private static Row retailerRow(
      String code,
      String type,
      String period,
      int year,
      String grid,
      String manager,
      String segment,
      String cls,
      long days,
      BigDecimal volume,
      long visits,
      long phone,
      long wechat,
      long owed,
      long met,
      long months) {
    BigDecimal revenue = volume.multiply(BigDecimal.valueOf(9000)).setScale(2);
    return RowFactory.create(
        code,
        type,
        period,
        year,
        grid,
        manager,
        segment,
        cls,
        days,
        volume,
        revenue,
        volume.signum() > 0 ? 9000.0 : null,
        0.3,
        null,
        visits / 2,
        months,
        visits + phone + wechat,
        visits,
        phone,
        wechat,
        0L,
        owed,
        owed,
        months,
        met,
        4.2,
        4.1,
        4.0);
  }
}
