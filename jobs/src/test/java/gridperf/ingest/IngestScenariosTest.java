package gridperf.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gridperf.job.JobOutcome;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ingest runs over hand-written landing trees: precedence, re-delivery, master changes, guards. */
class IngestScenariosTest extends IngestTestBase {
  static final String R1 = "R1,r,grocery,medium,5,G1,M1,active,2014-01-01";

  static Map<TableId, Long> versions(Lake lake) {
    Map<TableId, Long> out = new LinkedHashMap<>();
    for (TableId t : TableId.values()) {
      out.put(t, lake.version(t));
    }
    return out;
  }

  static String sales(Lake lake) {
    return lake.read(TableId.FACT_SALES_LINE)
        .selectExpr(
            "concat(order_id, ':', line_no, ':', qty_cartons, ':', manager_code, ':', src_file) AS k")
        .orderBy("k")
        .collectAsList()
        .toString();
  }

  static String ledger(Lake lake, String file) {
    return lake.read(TableId.INGEST_FILES)
        .filter("source_file = '" + file + "'")
        .selectExpr(
            "concat_ws('/', rows_read, rows_accepted, rows_quarantined, rows_duplicate) AS counts")
        .first()
        .getAs("counts");
  }

  @Test
  void correctionsDuplicatesRedeliveryAndRerun() {
    Path landing = newDir("landing");
    master(landing, R1);
    write(
        landing,
        "sales/2014/a.csv",
        SALES_HEADER,
        "O1,1,2014-03-01,R1,S3,10,1000",
        "O9,1,2014-03-02,R1,S3,1,1",
        "O9,1,2014-03-02,R1,S3,2,1",
        "O9,1,2014-03-02,R1,S3,1,1.0");
    write(
        landing,
        "sales/2014/b.csv",
        SALES_HEADER,
        "O1,1,2014-03-01,R1,S3,20,2000",
        "O2,1,2014-03-05,R1,S3,5,500",
        "O2,1.0,2014-03-05,R1,S3,5,500.00");
    Lake lake = newLake();
    ingest(lake, landing);
    // A, B, A ends at A with two corrections; an equal row after typing is a duplicate
    assertThat(sales(lake))
        .isEqualTo(
            "[[O1:1:20:M1:sales/2014/b.csv], [O2:1:5:M1:sales/2014/b.csv], [O9:1:1:M1:sales/2014/a.csv]]");
    assertThat(ledger(lake, "sales/2014/a.csv")).isEqualTo("4/4/0/0");
    assertThat(ledger(lake, "sales/2014/b.csv")).isEqualTo("3/2/0/1");

    Map<TableId, Long> before = versions(lake);
    JobOutcome again = ingest(lake, landing);
    assertThat(again.writes()).isEmpty();
    assertThat(versions(lake)).isEqualTo(before);

    // re-delivery withdraws b.csv's rows: O1 falls back to a.csv
    write(landing, "sales/2014/b.csv", SALES_HEADER, "O2,1,2014-03-05,R1,S3,6,600");
    ingest(lake, landing);
    assertThat(sales(lake))
        .isEqualTo(
            "[[O1:1:10:M1:sales/2014/a.csv], [O2:1:6:M1:sales/2014/b.csv], [O9:1:1:M1:sales/2014/a.csv]]");
    assertThat(ledger(lake, "sales/2014/b.csv")).isEqualTo("1/1/0/0");

    // an empty re-delivery is refused unless --allow-empty, and then withdraws the rows
    write(landing, "sales/2014/b.csv", SALES_HEADER);
    Map<TableId, Long> beforeEmpty = versions(lake);
    assertThatThrownBy(() -> ingest(lake, landing))
        .hasMessageContaining("sales/2014/b.csv")
        .hasMessageContaining("--allow-empty");
    assertThat(versions(lake)).isEqualTo(beforeEmpty);
    ingest(lake, landing, "--allow-empty");
    assertThat(sales(lake))
        .isEqualTo("[[O1:1:10:M1:sales/2014/a.csv], [O9:1:1:M1:sales/2014/a.csv]]");
    assertThat(ledger(lake, "sales/2014/b.csv")).isEqualTo("0/0/0/0");

    // a new file of blank lines only is an empty file too: recorded with no rows, not refused
    write(landing, "sales/2014/c.csv", "", " ", "");
    ingest(lake, landing);
    assertThat(ledger(lake, "sales/2014/c.csv")).isEqualTo("0/0/0/0");
    assertThat(sales(lake))
        .isEqualTo("[[O1:1:10:M1:sales/2014/a.csv], [O9:1:1:M1:sales/2014/a.csv]]");
  }

  @Test
  void masterChangeRecreditsAndReacceptsQuarantinedRows() {
    Path landing = newDir("landing");
    master(landing, R1);
    write(
        landing,
        "sales/2014/s.csv",
        SALES_HEADER,
        "O1,1,2014-03-01,R1,S3,10,1000",
        "O2,1,2014-03-01,R2,S3,10,1000");
    Lake lake = newLake();
    ingest(lake, landing, "ingest.max_quarantine_rate=1");
    assertThat(sales(lake)).isEqualTo("[[O1:1:10:M1:sales/2014/s.csv]]");
    assertThat(lake.read(TableId.QUARANTINE).selectExpr("reason").first().<String>getAs("reason"))
        .isEqualTo("UNKNOWN_RETAILER");

    // R1 moves to M2 from 1 March; R2 appears: O1 re-credited, O2 re-validated into acceptance
    master(
        landing,
        R1,
        "R1,r,grocery,medium,5,G2,M2,active,2014-03-01",
        "R2,r2,grocery,small,5,G1,M1,active,2014-01-01");
    ingest(lake, landing);
    assertThat(sales(lake))
        .isEqualTo("[[O1:1:10:M2:sales/2014/s.csv], [O2:1:10:M1:sales/2014/s.csv]]");
    assertThat(lake.read(TableId.QUARANTINE).count()).isZero();
    assertThat(ledger(lake, "sales/2014/s.csv")).isEqualTo("2/2/0/0");
    assertThat(
            lake.read(TableId.DIM_RETAILER)
                .filter("retailer_code = 'R1' AND valid_to = DATE'2014-03-01'")
                .count())
        .isEqualTo(1);

    // R1 closes from 1 March: O1 moves to quarantine; --retry-quarantine afterwards changes nothing
    master(
        landing,
        R1,
        "R1,r,grocery,medium,5,G2,M2,closed,2014-03-01",
        "R2,r2,grocery,small,5,G1,M1,active,2014-01-01");
    ingest(lake, landing, "ingest.max_quarantine_rate=1");
    assertThat(sales(lake)).isEqualTo("[[O2:1:10:M1:sales/2014/s.csv]]");
    assertThat(lake.read(TableId.QUARANTINE).selectExpr("reason").first().<String>getAs("reason"))
        .isEqualTo("RETAILER_NOT_ACTIVE");
    Map<TableId, Long> before = versions(lake);
    ingest(lake, landing, "--retry-quarantine");
    assertThat(versions(lake)).isEqualTo(before);
  }

  @Test
  void refusedRunsCommitNothing() {
    Path landing = newDir("landing");
    master(landing, R1);
    write(
        landing,
        "sales/2014/s.csv",
        SALES_HEADER,
        "O1,1,2014-03-01,R1,S3,10,1000",
        "O2,1,2014-03-01,R9,S3,10,1000");
    Lake lake = newLake();
    assertThatThrownBy(() -> ingest(lake, landing))
        .hasMessageContaining("quarantined share 50.00%")
        .hasMessageContaining("sales/2014/s.csv");
    assertThat(lake.exists(TableId.BRONZE_SALES_LINE)).isFalse();
    assertThat(lake.exists(TableId.INGEST_FILES)).isFalse();

    write(
        landing,
        "sales/2014/s.csv",
        "order_id,line_no,order_date,retailer_code,sku_code,qty_cartons",
        "O1,1,2014-03-01,R1,S3,10");
    assertThatThrownBy(() -> ingest(lake, landing))
        .hasMessageContaining("sales/2014/s.csv line 1")
        .hasMessageContaining("amount_yuan");
    assertThat(lake.exists(TableId.BRONZE_MASTER)).isFalse();
    assertThatThrownBy(() -> ingest(lake, landing.resolve("nowhere")))
        .hasMessageContaining("does not exist");
  }
}
