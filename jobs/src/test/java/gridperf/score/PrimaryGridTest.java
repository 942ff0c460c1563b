package gridperf.score;

import gridperf.gold.Assignment;
import gridperf.gold.PeriodRange;
import gridperf.silver.DimRetailer;
import gridperf.testing.SparkTestBase;
import java.sql.Date;
import java.time.YearMonth;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class PrimaryGridTest extends SparkTestBase {
  static Row version(
      String r, String from, String to, String grid, String m, String status, String market) {
    return row(
        r,
        Date.valueOf(from),
        to == null ? null : Date.valueOf(to),
        "n",
        "grocery",
        "small",
        1,
        grid,
        m,
        status,
        market);
  }

  /** Data range January–February 2014 (59 days). */
  @Test
  void primaryGridByAssignedDaysTiesToLowestGridAndMidYearMovesSplitDays() {
    var dim =
        df(
            DimRetailer.SCHEMA,
            // M1: 59 days in G2 and 59 in G1 → tie → G1
            version("r1", "2013-01-01", null, "G2", "M1", "active", "urban"),
            version("r2", "2014-01-01", null, "G1", "M1", "active", "urban"),
            // r3 moves from M2 to M3 on 20 January: M2 19 days, M3 40 days
            version("r3", "2013-01-01", "2014-01-20", "G3", "M2", "active", "rural"),
            version("r3", "2014-01-20", null, "G3", "M3", "active", "rural"),
            // M2 also has 10 days of r4 in town G4 (19 February on): G3 still wins
            version("r4", "2014-02-19", null, "G4", "M2", "active", "town"),
            // M4: r5 active in January only (suspended after) = 31 days in G4; r6 closes on
            // 5 January: 4 days in G5 (days before the range do not count)
            version("r5", "2013-06-01", "2014-02-01", "G4", "M4", "active", "town"),
            version("r5", "2014-02-01", null, "G4", "M4", "suspended", "town"),
            version("r6", "2013-06-01", "2014-01-05", "G5", "M4", "active", "urban"),
            version("r6", "2014-01-05", null, "G5", "M4", "closed", "urban"));
    PeriodRange range = new PeriodRange(YearMonth.of(2014, 1), YearMonth.of(2014, 2));
    assertRows(
        PrimaryGrid.of(Assignment.monthly(Assignment.activeIntervals(dim, range))),
        row("M1", 2014, "G1", "urban", 59L),
        row("M2", 2014, "G3", "rural", 19L),
        row("M3", 2014, "G3", "rural", 40L),
        row("M4", 2014, "G4", "town", 31L));
  }
}
