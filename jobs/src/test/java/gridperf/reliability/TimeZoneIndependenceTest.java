package gridperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * The JVM's default time zone never changes a result. The shared reference lake is ingested and
 * built with the JVM default zone Asia/Shanghai ({@link SharedLakes}); the same tree ingested and
 * built under America/Los_Angeles (16 hours away, so a date or a month computed in the JVM zone
 * would move) gives identical tables, and a touchpoint near midnight keeps its business date.
 */
class TimeZoneIndependenceTest extends ReliabilityBase {
  @Test
  void shanghaiAndLosAngelesDefaultZonesGiveIdenticalTables() {
    Lake shanghai = SharedLakes.reference();
    TimeZone saved = TimeZone.getDefault();
    Lake losAngeles = newLake();
    TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
    try {
      ingest(losAngeles, SharedLakes.landing2());
      build(losAngeles);
    } finally {
      TimeZone.setDefault(saved);
    }
    assertSameTables(losAngeles, shanghai, COMPARED);
    // E2 is 2014-01-31T17:30Z: 1 February in Shanghai, whatever the JVM's zone
    for (Lake l : new Lake[] {shanghai, losAngeles}) {
      assertThat(
              l.read(TableId.FACT_TOUCHPOINT)
                  .filter("event_id = 'E2'")
                  .selectExpr("concat(business_date, ' ', month)")
                  .first()
                  .getString(0))
          .isEqualTo("2014-02-01 2");
    }
  }
}
