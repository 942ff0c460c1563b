package gridperf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceSqlTest {
  @Test
  void perfManagerMetricsMatchHandComputedRows() throws Exception {
    try (Duck duck = new Duck(2, "1GB")) {
      duck.exec("CREATE VIEW s AS " + TinySilver.SALES);
      duck.exec("CREATE VIEW t AS " + TinySilver.TOUCHPOINTS);
      duck.exec("CREATE VIEW r AS " + TinySilver.RETAILERS);
      for (String stmt : ReferenceSql.periods()) {
        duck.exec(stmt);
      }
      List<Object[]> rows =
          duck.rows(
              "SELECT manager_code, period_type, period, retailers_assigned, retailers_ordering,"
                  + " order_rate, CAST(volume_cases AS VARCHAR), CAST(revenue_yuan AS VARCHAR),"
                  + " touchpoints, visits, complaints, visit_coverage, mot_avg, satisfaction_avg,"
                  + " complaint_resolved_24h_rate, high_class_share FROM ("
                  + ReferenceSql.entityMetrics(List.of("manager_code"))
                  + ") ORDER BY 1, 2, 3");
      assertThat(rows.stream().map(ReferenceSqlTest::text).toList())
          .containsExactly(
              // M1: R1 until 14 Feb and R2; R2's January return is no order
              "M1 M 2015-01 2 1 0.5 1.992 996.00 0 0 0 0.0 null null null 1.0040160642570282",
              "M1 M 2015-02 2 1 0.5 1.0 100.00 0 0 0 0.0 null null null 0.0",
              "M1 Q 2015-Q1 2 2 1.0 2.992 1096.00 0 0 0 0.0 null null null 0.6684491978609626",
              "M1 Y 2015 2 2 1.0 2.992 1096.00 0 0 0 0.0 null null null 0.6684491978609626",
              // M2: R3 (active in January only), R1 from 15 Feb; the suspended R3's complaint
              // is credited but R3 is not assigned in February
              "M2 M 2015-01 1 0 0.0 0.0 0.00 1 1 0 1.0 4.0 4.0 null null",
              "M2 M 2015-02 1 1 1.0 1.0 300.50 2 0 1 0.0 null 2.0 1.0 1.0",
              "M2 Q 2015-Q1 2 1 0.5 1.0 300.50 3 1 1 0.5 4.0 3.0 1.0 1.0",
              "M2 Y 2015 2 1 0.5 1.0 300.50 3 1 1 0.5 4.0 3.0 1.0 1.0");
    }
  }

  private static String text(Object[] row) {
    StringBuilder b = new StringBuilder();
    for (Object o : row) {
      b.append(b.length() == 0 ? "" : " ").append(o);
    }
    return b.toString();
  }
}
