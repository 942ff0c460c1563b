package gridperf.gold;

import static gridperf.gold.Silver.sale;
import static gridperf.gold.Silver.tp;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gridperf.config.ScoringConfig;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.score.RetailerStatement;
import gridperf.silver.DimRetailer;
import gridperf.silver.FactSalesLine;
import gridperf.silver.FactTouchpoint;
import gridperf.testing.SparkTestBase;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Classes and per-channel menus under a non-default scoring file, on a tiny hand-computed county
 * (all four retailers urban, grid G1, manager M1; range January 2014 – February 2015).
 *
 * <pre>
 * classes: graded (grades [15, 30]), conv (formats [convenience]), small_grocery (formats
 *   [grocery], grades [4, 6]); no catch-all rule
 * menu: graded { visit = 1, remote = 1 }, conv = 1 (one visit), small_grocery { remote = 1 }
 *
 * R1 grocery, grade 20 → graded (a rule with a grade range). 2014: phone 1, wechat 2 → wechat.
 * R2 convenience 1 Jan – 31 Jul 2014 (212 days), grocery from 1 Aug (153 days), grade 5: primary
 *   format convenience → conv (its primary version changes format mid-year). No 2014 contact → phone.
 * R3 grocery, grade 3: no rule matches → unclassified, owes nothing, never a pair.
 * R4 grocery, grade 5 → small_grocery. 2014: phone 1, wechat 1, a tie → phone.
 *
 * 2015 (M1's pairs; each retailer assigned in January and February):
 *   R1 Jan visit 1 + wechat 1 → met; Feb visit 1 + phone 2 → not met (remote counts wechat only)
 *   R2 Jan visit 1 → met; Feb nothing → not met
 *   R4 Jan phone 1 → met (preferred phone); Feb wechat 1 → not met
 *   service_compliance M1 2015 = 3 / 6 = 0.5 (R3's months are not pairs); G1 likewise.
 * </pre>
 */
class ClassesAndMenusTest extends SparkTestBase {
  static final ScoringConfig CLASSES =
      ScoringConfig.parse(
          "components = [{ name = a, metric = order_rate, weight = 1, better = higher }]\n"
              + "segments { a = 0.2, b = 0.5 }\n"
              + "classes = [\n"
              + "  { name = graded, grades = [15, 30] }\n"
              + "  { name = conv, formats = [convenience] }\n"
              + "  { name = small_grocery, formats = [grocery], grades = [4, 6] }\n"
              + "]\n"
              + "service_menu { graded { visit = 1, remote = 1 }, conv = 1, small_grocery { remote = 1 } }\n"
              + "tiers { a = 0.2, b = 0.5, c = 0.9 }\nbase_bonus_yuan = 1\n"
              + "multipliers { A = 1, B = 1, C = 1, D = 1 }",
          "classes-test.conf");

  static final Silver.V R1 = ver("R1", "2014-01-01", null, "grocery");
  static final Silver.V R2A = ver("R2", "2014-01-01", "2014-08-01", "convenience");
  static final Silver.V R2B = ver("R2", "2014-08-01", null, "grocery");
  static final Silver.V R3 = ver("R3", "2014-01-01", null, "grocery");
  static final Silver.V R4 = ver("R4", "2014-01-01", null, "grocery");

  static Monthly in;

  static Silver.V ver(String code, String from, String to, String format) {
    return new Silver.V(code, from, to, "G1", "M1", format, "urban", "small", "active");
  }

  static Row dim(Silver.V v, int grade) {
    Row r = v.row();
    Object[] cells = new Object[r.length()];
    for (int i = 0; i < r.length(); i++) {
      cells[i] = r.get(i);
    }
    cells[6] = grade;
    return RowFactory.create(cells);
  }

  static Row t(String id, String ts, Silver.V v, String channel) {
    return tp(id, ts, v, channel, null, null, null);
  }

  @BeforeAll
  static void county() {
    Dataset<Row> dims =
        df(DimRetailer.SCHEMA, dim(R1, 20), dim(R2A, 5), dim(R2B, 5), dim(R3, 3), dim(R4, 5));
    Dataset<Row> sales =
        df(
            FactSalesLine.SCHEMA,
            sale("S1", "2014-03-01", R1, 3, 10, "1000.00"),
            sale("S2", "2014-03-01", R2A, 3, 5, "500.00"),
            sale("S3", "2015-02-01", R3, 3, 1, "100.00"));
    Dataset<Row> touchpoints =
        df(
            FactTouchpoint.SCHEMA,
            t("a1", "2014-05-01T10:00", R1, "phone"),
            t("a2", "2014-05-02T10:00", R1, "wechat"),
            t("a3", "2014-06-02T10:00", R1, "wechat"),
            t("a4", "2014-05-01T10:00", R4, "phone"),
            t("a5", "2014-05-02T10:00", R4, "wechat"),
            t("a6", "2014-05-03T10:00", R4, "visit"),
            tp("b1", "2015-01-05T10:00", R1, "visit", 4, null, null),
            t("b2", "2015-01-06T10:00", R1, "wechat"),
            tp("b3", "2015-02-05T10:00", R1, "visit", 2, null, null),
            t("b4", "2015-02-06T10:00", R1, "phone"),
            t("b5", "2015-02-07T10:00", R1, "phone"),
            t("b6", "2015-01-05T10:00", R2B, "visit"),
            t("b7", "2015-01-05T10:00", R4, "phone"),
            t("b8", "2015-02-05T10:00", R4, "wechat"),
            t("b9", "2015-01-09T10:00", R3, "visit"));
    in =
        Monthly.of(
                sales,
                touchpoints,
                dims,
                new PeriodRange(YearMonth.of(2014, 1), YearMonth.of(2015, 2)))
            .persist();
    lake = new Lake(spark(), newDir("classes-lake").toString());
    Dataset<Row> seg = RetailerSegment.build(in, CLASSES);
    lake.write(TableId.DIM_RETAILER, dims).commit();
    lake.write(TableId.FACT_TOUCHPOINT, touchpoints).commit();
    lake.write(TableId.RETAILER_SEGMENT, seg).commit();
    lake.write(
            TableId.PERF_RETAILER,
            PerfRetailer.build(in, PerfRetailer.ordering(sales), seg, null, CLASSES))
        .commit();
  }

  static Lake lake;

  /**
   * R1 in 2015: class graded of 2014 (segment A: the highest revenue of the four), preferred
   * channel wechat; January visit 1/1 and wechat 1/1 → met; February visit 1/1 but remote 0/1 → not
   * met. Ratings 4 (5 January) and 2 (5 February) are equally far from 3: the later is the peak and
   * also the end, peak–end (2 + 2) / 2 = 2. Volume 0 against 0.04 cases in 2014: −100 %.
   */
  @Test
  void retailerStatementShowsMenuByMonthAndChannelRatingsAndVolume() {
    String text = RetailerStatement.render(RetailerStatement.read(lake, CLASSES, "R1", 2015));
    assertThat(text)
        .contains(
            "Class graded (of 2014: segment A, market type urban); preferred remote channel wechat")
        .contains("Menu a month: visit 1, remote 1")
        .containsPattern("2015-01 +31 +M1 +1/1 +0 +1 +0 +1/1 +met")
        .containsPattern("2015-02 +28 +M1 +1/1 +2 +0 +0 +0/1 +NOT met")
        .contains("Menu met in 1 of 2 months owed; owed 2 visits and 4 contacts in all")
        .containsPattern("2015-02-05 10:00 +b3 +visit +M1 +2 +peak, end")
        .contains("Peak–end score 2 = (peak 2 + end 2) / 2")
        .contains("Volume 0 cases, revenue 0 yuan; 2014: 0.04 cases, change -100 %");
    assertThatThrownBy(() -> RetailerStatement.read(lake, CLASSES, "R9", 2015))
        .hasMessage("no retailer R9 in dim_retailer");
    assertThatThrownBy(() -> RetailerStatement.read(lake, CLASSES, "R1", 2013))
        .hasMessageContaining("retailer R1 has no row in 2013");
  }

  @Test
  void classesFollowTheFirstMatchingRuleAndThePrimaryAttributes() {
    Dataset<Row> seg = RetailerSegment.build(in, CLASSES).where(col("year").equalTo(2014));
    assertRows(
        seg.select("retailer_code", "class", "preferred_remote"),
        row("R1", "graded", "wechat"),
        row("R2", "conv", "phone"),
        row("R3", "unclassified", "phone"),
        row("R4", "small_grocery", "phone"));
    assertRows(
        RetailerClasses.attributes(in.assigned()).where(col("retailer_code").equalTo("R2")),
        row("R2", 2014, "convenience", "small", 5),
        row("R2", 2015, "grocery", "small", 5));
  }

  @Test
  void complianceNeedsEveryMenuEntryWithRemoteOnThePreferredChannel() {
    Dataset<Row> seg = RetailerSegment.build(in, CLASSES);
    Dataset<Row> visits = ServiceVisits.build(in);
    assertRows(
        ServiceVisits.serviceCompliance(visits, seg, CLASSES),
        row("manager", "M1", 2015, 0.5),
        row("grid", "G1", 2015, 0.5));
    assertRows(
        ServiceVisits.pairs(visits, seg, CLASSES)
            .where(col("entity_type").equalTo("manager"))
            .select("retailer_code", "month", "class", "met"),
        row("R1", 1, "graded", true),
        row("R1", 2, "graded", false),
        row("R2", 1, "conv", true),
        row("R2", 2, "conv", false),
        row("R4", 1, "small_grocery", true),
        row("R4", 2, "small_grocery", false));
  }

  @Test
  void perfRetailerOwesByClassAndAnUnclassifiedRetailerOwesNothing() {
    Dataset<Row> seg = RetailerSegment.build(in, CLASSES);
    Dataset<Row> rows =
        PerfRetailer.build(in, PerfRetailer.ordering(df(FactSalesLine.SCHEMA)), seg, null, CLASSES)
            .where(col("period_type").equalTo("Y").and(col("year").equalTo(2015)));
    assertThat(List.of(rows.columns())).isEqualTo(List.of(PerfRetailer.SCHEMA.fieldNames()));
    // R1: 2 months × (1 visit + 1 remote); R3: unclassified, owes nothing
    assertRows(
        rows.select(
            "retailer_code",
            "class",
            "assigned_days",
            "visits_owed",
            "contacts_owed",
            "menu_months",
            "menu_months_met",
            "phone",
            "wechat"),
        row("R1", "graded", 59L, 2L, 4L, 2L, 1L, 2L, 1L),
        row("R2", "conv", 59L, 2L, 2L, 2L, 1L, 0L, 0L),
        row("R3", "unclassified", 59L, 0L, 0L, 0L, 0L, 0L, 0L),
        row("R4", "small_grocery", 59L, 0L, 2L, 2L, 1L, 1L, 1L));
  }
}
