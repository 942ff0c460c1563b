package gridperf.gold;

import static gridperf.gold.Silver.dec;
import static gridperf.gold.Silver.sale;
import static org.apache.spark.sql.functions.col;

import gridperf.config.ScoringConfig;
import gridperf.silver.DimRetailer;
import gridperf.silver.FactSalesLine;
import gridperf.silver.FactTouchpoint;
import gridperf.testing.SparkTestBase;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * perf_cube grouping ids, retailer segments (shared ranks, primary grid ties), service compliance.
 */
class CubeSegmentServiceTest extends SparkTestBase {
  static final ScoringConfig CFG = ScoringConfig.defaults();

  /**
   * The cube-grouping-ids example: 000000000001 is G1/M1 (convenience, urban, small) until 14 June
   * 2014, G3/M3 (rural) from 15 June; O1 250 cartons class 3 25,000; O2 125 class 1 50,000; O3 500
   * class 3 50,000 (after the move).
   */
  @Test
  void cubeHasOneRowPerCombinationOfEachGroupingSet() {
    Silver.V a =
        new Silver.V(
            "R1",
            "2014-01-01",
            "2014-06-15",
            "G1",
            "M1",
            "convenience",
            "urban",
            "small",
            "active");
    Silver.V b =
        new Silver.V(
            "R1", "2014-06-15", null, "G3", "M3", "convenience", "rural", "small", "active");
    Dataset<Row> sales =
        df(
            FactSalesLine.SCHEMA,
            sale("O1", "2014-06-10", a, 3, 250, "25000.00"),
            sale("O2", "2014-06-14", a, 1, 125, "50000.00"),
            sale("O3", "2014-06-15", b, 3, 500, "50000.00"));
    Monthly in =
        Monthly.of(
            sales,
            df(FactTouchpoint.SCHEMA),
            df(DimRetailer.SCHEMA, a.row(), b.row()),
            new PeriodRange(YearMonth.of(2014, 6), YearMonth.of(2014, 6)));
    Dataset<Row> cube = PerfCube.build(in);
    String n = null;
    double g1m1 = 75000.0 / 1.5;
    assertRows(
        cube.where("period_type = 'M'"),
        c("G1", "M1", n, n, n, n, 15, 1, "1.5", "75000", g1m1, 125.0 / 375),
        c("G3", "M3", n, n, n, n, 15, 1, "2", "50000", 25000.0, 0.0),
        c("G1", n, n, n, n, 3, 30, 1, "1", "25000", 25000.0, 0.0),
        c("G1", n, n, n, n, 1, 30, 1, "0.5", "50000", 100000.0, 1.0),
        c("G3", n, n, n, n, 3, 30, 1, "2", "50000", 25000.0, 0.0),
        c(n, "M1", n, n, n, 3, 46, 1, "1", "25000", 25000.0, 0.0),
        c(n, "M1", n, n, n, 1, 46, 1, "0.5", "50000", 100000.0, 1.0),
        c(n, "M3", n, n, n, 3, 46, 1, "2", "50000", 25000.0, 0.0),
        c(n, n, "convenience", "urban", "small", n, 49, 1, "1.5", "75000", g1m1, 125.0 / 375),
        c(n, n, "convenience", "rural", "small", n, 49, 1, "2", "50000", 25000.0, 0.0),
        c(n, n, "convenience", "urban", "small", 3, 48, 1, "1", "25000", 25000.0, 0.0),
        c(n, n, "convenience", "urban", "small", 1, 48, 1, "0.5", "50000", 100000.0, 1.0),
        c(n, n, "convenience", "rural", "small", 3, 48, 1, "2", "50000", 25000.0, 0.0),
        c(n, n, n, "urban", n, 3, 58, 1, "1", "25000", 25000.0, 0.0),
        c(n, n, n, "urban", n, 1, 58, 1, "0.5", "50000", 100000.0, 1.0),
        c(n, n, n, "rural", n, 3, 58, 1, "2", "50000", 25000.0, 0.0),
        c(n, n, n, n, n, 3, 62, 1, "3", "75000", 25000.0, 0.0),
        c(n, n, n, n, n, 1, 62, 1, "0.5", "50000", 100000.0, 1.0),
        c(n, n, n, n, n, n, 63, 1, "3.5", "125000", 125000.0 / 3.5, 125.0 / 875));
    assertRows(
        cube.groupBy("period_type", "period").count(),
        row("M", "2014-06", 19L),
        row("Q", "2014-Q2", 19L),
        row("Y", "2014", 19L));
  }

  private static Row c(
      Object g,
      Object m,
      Object f,
      Object mt,
      Object s,
      Object pc,
      int gid,
      long ordering,
      String vol,
      String rev,
      Double rpc,
      Double hcs) {
    return row(g, m, f, mt, s, pc, (long) gid, "M", "2014-06", 2014, ordering, vol, rev, rpc, hcs);
  }

  static final StructType BASE =
      new StructType()
          .add("retailer_code", DataTypes.StringType)
          .add("year", DataTypes.IntegerType)
          .add("market_type", DataTypes.StringType)
          .add("revenue_yuan", DataTypes.createDecimalType(28, 2));

  /** segment-ranks-and-primary-grid: ten urban retailers with a shared rank, two rural ones. */
  @Test
  void segmentsShareTheBetterRankWithinTheMarketType() {
    String[] rev = {"1000", "900", "900", "700", "600", "500", "400", "300", "200", "0"};
    Row[] base = new Row[12];
    Row[] want = new Row[12];
    String[] seg = {"A", "A", "A", "B", "B", "C", "C", "C", "C", "C"};
    for (int i = 0; i < 10; i++) {
      base[i] = row("U" + i, 2014, "urban", dec(rev[i]));
      want[i] = row("U" + i, 2014, "urban", rev[i], seg[i]);
    }
    base[10] = row("R11", 2014, "rural", dec("100"));
    base[11] = row("R12", 2014, "rural", dec("5000"));
    want[10] = row("R11", 2014, "rural", "100", "C");
    want[11] = row("R12", 2014, "rural", "5000", "A");
    assertRows(RetailerSegment.segments(df(BASE, base), CFG), want);
  }

  /**
   * Primary grid: X moves from rural G3 to urban G1 on 1 Oct (273 vs 92 days → rural); Y has 10
   * days in town G5 and 10 in rural G4 (tie → G4, the lower code → rural); Z is closed all year (no
   * row); revenue 0 without sales.
   */
  @Test
  void segmentBaseTakesThePrimaryGridOfTheYear() {
    Row[] dims = {
      Silver.v("X", "2013-01-01", "2014-10-01", "G3", "M3", "rural").row(),
      Silver.v("X", "2014-10-01", null, "G1", "M1", "urban").row(),
      Silver.v("Y", "2014-01-01", "2014-01-11", "G5", "M1", "town").row(),
      Silver.v("Y", "2014-01-11", "2014-01-21", "G4", "M1", "rural").row(),
      new Silver.V("Y", "2014-01-21", null, "G4", "M1", "grocery", "rural", "small", "closed")
          .row(),
      new Silver.V("Z", "2013-01-01", null, "G1", "M1", "grocery", "urban", "small", "closed")
          .row(),
    };
    Silver.V x = Silver.v("X", "2014-10-01", null, "G1", "M1", "urban");
    Monthly in =
        Monthly.of(
            df(FactSalesLine.SCHEMA, sale("P", "2014-12-20", x, 3, 1, "5000.00")),
            df(FactTouchpoint.SCHEMA),
            df(DimRetailer.SCHEMA, dims),
            new PeriodRange(YearMonth.of(2014, 1), YearMonth.of(2014, 12)));
    assertRows(
        RetailerSegment.build(in, CFG),
        row("X", 2014, "rural", "5000", "A", "A", "phone"),
        row("Y", 2014, "rural", "0", "C", "C", "phone"));
  }

  static final StructType VISITS =
      new StructType()
          .add("entity_type", DataTypes.StringType)
          .add("entity_code", DataTypes.StringType)
          .add("retailer_code", DataTypes.StringType)
          .add("year", DataTypes.IntegerType)
          .add("month", DataTypes.IntegerType)
          .add("visits", DataTypes.LongType);

  static final StructType SEGMENTS =
      new StructType()
          .add("retailer_code", DataTypes.StringType)
          .add("year", DataTypes.IntegerType)
          .add("segment", DataTypes.StringType)
          .add("class", DataTypes.StringType)
          .add("preferred_remote", DataTypes.StringType);

  /** segments-and-service-compliance: M1 3 of 5 pairs in January, 2 of 5 in February; M2 0 of 1. */
  @Test
  void serviceComplianceCountsPairsWithAPreviousYearSegment() {
    Dataset<Row> visits =
        df(
            VISITS,
            row("manager", "M1", "1", 2015, 1, 4L),
            row("manager", "M1", "2", 2015, 1, 1L),
            row("manager", "M1", "3", 2015, 1, 2L),
            row("manager", "M1", "4", 2015, 1, 0L),
            row("manager", "M1", "5", 2015, 1, 1L),
            row("manager", "M1", "6", 2015, 1, 1L), // no 2014 segment: not a pair
            row("manager", "M1", "1", 2015, 2, 3L),
            row("manager", "M1", "2", 2015, 2, 1L),
            row("manager", "M1", "3", 2015, 2, 0L),
            row("manager", "M1", "4", 2015, 2, 1L),
            row("manager", "M1", "5", 2015, 2, 5L),
            row("manager", "M2", "2", 2015, 2, 1L),
            row("manager", "M1", "1", 2014, 1, 9L)); // no 2013 segments
    Dataset<Row> segments =
        df(
            SEGMENTS,
            row("1", 2014, "A", "A", "phone"),
            row("2", 2014, "B", "B", "phone"),
            row("3", 2014, "B", "B", "phone"),
            row("4", 2014, "C", "C", "phone"),
            row("5", 2014, "C", "C", "phone"),
            row("1", 2015, "C", "C", "phone"));
    assertRows(
        ServiceVisits.serviceCompliance(visits, segments, CFG),
        row("manager", "M1", 2015, 0.5),
        row("manager", "M2", 2015, 0.0));
    ScoringConfig lenient =
        ScoringConfig.parse(
            "components = [{ name = a, metric = order_rate, weight = 1, better = higher }]\n"
                + "segments { a = 0.2, b = 0.5 }\nservice_menu { A = 3, B = 1, C = 0 }\n"
                + "tiers { a = 0.2, b = 0.5, c = 0.9 }\nbase_bonus_yuan = 1\n"
                + "multipliers { A = 1, B = 1, C = 1, D = 1 }",
            "test");
    assertRows(
        ServiceVisits.serviceCompliance(visits, segments, lenient)
            .where(col("entity_code").equalTo("M1")),
        // class C owes nothing under this menu (C = 0), so its pairs do not count: retailers 1–3
        // in January and February, 5 of 6 met (retailer 3 had no visit in February)
        row("manager", "M1", 2015, 5.0 / 6));
  }
}
