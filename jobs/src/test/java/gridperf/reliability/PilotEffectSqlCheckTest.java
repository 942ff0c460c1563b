package gridperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * pilot_effect recomputed from perf_grid by the plain SQL of {@code
 * pilots/recompute_pilot_effect.sql} (the query docs/pilots.md shows) gives the same means, did and
 * se to 1e-9, on a small lake with varied values: eight grids (G1–G4 urban, G5–G8 town) of three
 * retailers each, January–June 2014, orders, visits, ratings and complaints drawn from a fixed
 * seed. Pilots: P1 (pilot G1, G2, G5; listed controls G3, G4, G6; April–May), P2 (pilot G7,
 * automatic controls; March–April), P3 (pilot G3, G4, controls G2, G8; May–August: running, cut at
 * June). Then: a build with nothing new leaves pilot_effect as it is, and a changed pilots.csv
 * shows in it after the next build.
 */
class PilotEffectSqlCheckTest extends ReliabilityBase {
  private static final double TOL = 1e-9;

  @Test
  void pilotEffectEqualsAPlainSqlRecomputationFromPerfGrid() throws IOException {
    Path landing = dir("pilot-landing");
    landing(landing);
    Lake lake = newLake();
    ingest(lake, landing);
    build(lake);
    lake.registerViews();

    Map<String, Row> byKey = new HashMap<>();
    for (Row r : spark().sql(recomputeSql()).collectAsList()) {
      byKey.put(r.getAs("pilot_id") + "/" + r.getAs("metric"), r);
    }
    List<Row> effect = lake.read(TableId.PILOT_EFFECT).collectAsList();
    assertThat(effect).hasSize(18);
    int withSe = 0;
    for (Row e : effect) {
      String key = e.getAs("pilot_id") + "/" + e.getAs("metric");
      Row s = byKey.get(key);
      if (((Integer) e.getAs("n_pilot")) + ((Integer) e.getAs("n_control")) == 0) {
        assertThat(s).as(key).isNull();
        continue;
      }
      assertThat(s).as(key).isNotNull();
      assertThat(((Long) s.getAs("n_pilot")).intValue())
          .as(key)
          .isEqualTo(e.<Integer>getAs("n_pilot"));
      assertThat(((Long) s.getAs("n_control")).intValue())
          .as(key)
          .isEqualTo(e.<Integer>getAs("n_control"));
      for (String c :
          List.of("pilot_pre", "pilot_post", "control_pre", "control_post", "did", "se")) {
        Double expected = s.getAs(c);
        Double actual = e.getAs(c);
        if (expected == null) {
          assertThat(actual).as(key + " " + c).isNull();
        } else {
          assertThat(actual)
              .as(key + " " + c)
              .isCloseTo(expected, org.assertj.core.data.Offset.offset(TOL));
        }
      }
      if (e.getAs("se") != null) {
        withSe++;
      }
    }
    assertThat(withSe).as("rows with an se (the check compares something)").isGreaterThan(6);
    assertThat(
            effect.stream()
                .filter(r -> r.getAs("pilot_id").equals("P3"))
                .map(r -> r.getAs("status")))
        .containsOnly("running");

    // nothing changed: the next build leaves pilot_effect alone
    long version = lake.version(TableId.PILOT_EFFECT);
    build(lake);
    assertThat(lake.version(TableId.PILOT_EFFECT)).isEqualTo(version);
    // a new pilots.csv (P3 dropped, P2 given a listed control) is in pilot_effect
    // after the next build
    write(
        landing,
        "master/pilots.csv",
        "pilot_id,pilot_name,grid_code,arm,start_month,end_month",
        "P1,one,G1,pilot,2014-04,2014-05",
        "P1,one,G2,pilot,2014-04,2014-05",
        "P1,one,G5,pilot,2014-04,2014-05",
        "P1,one,G3,control,2014-04,2014-05",
        "P1,one,G4,control,2014-04,2014-05",
        "P1,one,G6,control,2014-04,2014-05",
        "P2,two,G7,pilot,2014-03,2014-04",
        "P2,two,G8,control,2014-03,2014-04");
    ingest(lake, landing);
    build(lake);
    assertThat(lake.read(TableId.PILOT_EFFECT).where("pilot_id = 'P3'").count()).isZero();
    assertThat(
            lake.read(TableId.PILOT_EFFECT)
                .where("pilot_id = 'P2' AND metric = 'volume_per_retailer'")
                .first()
                .<Integer>getAs("n_control"))
        .isEqualTo(1);
  }

  private static String recomputeSql() throws IOException {
    try (InputStream in =
        PilotEffectSqlCheckTest.class.getResourceAsStream("/pilots/recompute_pilot_effect.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The landing tree of the class comment. */
  static void landing(Path root) {
    write(
        root,
        "master/grids.csv",
        "grid_code,grid_name,station,market_type",
        "G1,g1,s1,urban",
        "G2,g2,s1,urban",
        "G3,g3,s1,urban",
        "G4,g4,s1,urban",
        "G5,g5,s2,town",
        "G6,g6,s2,town",
        "G7,g7,s2,town",
        "G8,g8,s2,town");
    write(
        root,
        "master/managers.csv",
        "manager_code,manager_name,station,hire_date",
        "M1,Wang,s1,2010-01-01");
    write(
        root,
        "master/products.csv",
        "sku_code,sku_name,brand,price_class,carton_price",
        "S3,mid,b,3,100.00");
    List<String> retailers = new ArrayList<>();
    retailers.add(
        "retailer_code,retailer_name,format,scale,grade,grid_code,manager_code,license_status,valid_from");
    List<String> sales = new ArrayList<>();
    sales.add(TinyLanding.SALES);
    List<String> touch = new ArrayList<>();
    Random rnd = new Random(2014);
    for (int g = 1; g <= 8; g++) {
      for (int k = 1; k <= 3; k++) {
        String r = "R" + g + k;
        retailers.add(r + ",shop,grocery,small,5,G" + g + ",M1,active,2013-01-01");
        for (int m = 1; m <= 6; m++) {
          String day = "2014-0" + m + "-1" + k;
          if (rnd.nextDouble() < 0.75) {
            int qty = 250 * (1 + rnd.nextInt(4));
            sales.add(
                "O" + r + m + ",1," + day + "," + r + ",S3," + qty + "," + qty * 100 / 250 + ".00");
          }
          if (rnd.nextDouble() < 0.6) {
            touch.add(
                TinyLanding.tp(
                    "T" + r + m + "v",
                    day + "T10:00:00+08:00",
                    r,
                    "M1",
                    "visit",
                    rnd.nextBoolean() ? String.valueOf(1 + rnd.nextInt(5)) : null));
          }
          if (rnd.nextDouble() < 0.3) {
            touch.add(
                TinyLanding.tp(
                    "T" + r + m + "p",
                    day + "T15:00:00+08:00",
                    r,
                    "M1",
                    "phone",
                    String.valueOf(1 + rnd.nextInt(5))));
          }
          if (rnd.nextDouble() < 0.15) {
            touch.add(
                TinyLanding.tp(
                    "T" + r + m + "c", day + "T16:00:00+08:00", r, "M1", "complaint", null));
          }
        }
      }
    }
    write(root, "master/retailers.csv", retailers.toArray(new String[0]));
    write(root, "sales/2014/s.csv", sales.toArray(new String[0]));
    write(root, "touchpoints/2014/t.jsonl", touch.toArray(new String[0]));
    write(
        root,
        "master/pilots.csv",
        "pilot_id,pilot_name,grid_code,arm,start_month,end_month",
        "P1,one,G1,pilot,2014-04,2014-05",
        "P1,one,G2,pilot,2014-04,2014-05",
        "P1,one,G5,pilot,2014-04,2014-05",
        "P1,one,G3,control,2014-04,2014-05",
        "P1,one,G4,control,2014-04,2014-05",
        "P1,one,G6,control,2014-04,2014-05",
        "P2,two,G7,pilot,2014-03,2014-04",
        "P3,three,G3,pilot,2014-05,2014-08",
        "P3,three,G4,pilot,2014-05,2014-08",
        "P3,three,G2,control,2014-05,2014-08",
        "P3,three,G8,control,2014-05,2014-08");
  }
}
