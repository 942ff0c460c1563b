package gridperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Master data errors and changes. Two versions of R1 with the same valid_from and different content
 * (the later row is a correction, docs/contract.md, Precedence); a version of R2 pointing at an
 * unknown grid (UNKNOWN_GRID: the previous version stays in force); manager M3 removed while R3's
 * version still names it (UNKNOWN_MANAGER: R3 falls back to its previous version). A corrected
 * retailers file then re-credits the facts and re-validates the quarantined rows, and the rebuilt
 * lake equals a fresh ingest + build of the corrected tree.
 */
class MasterDataChangesTest extends ReliabilityBase {
  static final String HEADER =
      "retailer_code,retailer_name,format,scale,grade,grid_code,manager_code,license_status,valid_from";

  static List<String> col(Lake lake, TableId t, String where, String expr) {
    return lake.read(t).filter(where).selectExpr(expr).collectAsList().stream()
        .map(r -> r.getString(0))
        .sorted()
        .toList();
  }

  static String creditOf(Lake lake, String order) {
    return col(
            lake,
            TableId.FACT_SALES_LINE,
            "order_id = '" + order + "'",
            "concat(grid_code, '/', manager_code, '/', scale)")
        .get(0);
  }

  @Test
  void masterErrorsKeepThePreviousVersionAndACorrectedFileRecreditsLikeAFreshIngest() {
    Path landing = newDir("landing");
    TinyLanding.master(landing);
    write(
        landing,
        "master/retailers.csv",
        HEADER,
        "R1,r1,grocery,medium,5,G1,M1,active,2014-01-01",
        "R1,r1,grocery,medium,5,G2,M2,active,2014-03-01",
        "R1,r1,grocery,large,5,G1,M1,active,2014-03-01",
        "R2,r2,convenience,small,8,G2,M2,active,2014-01-01",
        "R2,r2,convenience,small,8,G9,M2,active,2014-03-01",
        "R3,r3,supermarket,large,3,G3,M1,active,2014-01-01",
        "R3,r3,supermarket,large,3,G3,M3,active,2014-03-01");
    write(
        landing,
        "sales/2014/s.csv",
        TinyLanding.SALES,
        "O1,1,2014-03-05,R1,S3,10,1000.00",
        "O2,1,2014-03-05,R2,S3,20,2000.00",
        "O3,1,2014-03-05,R3,S3,30,3000.00",
        "O4,1,2014-03-05,R5,S3,40,4000.00",
        "O5,1,2014-01-05,R1,S3,1,100.00",
        "O6,1,2014-01-06,R2,S3,2,200.00",
        "O7,1,2014-01-07,R3,S3,3,300.00");
    Lake lake = newLake();
    ingest(lake, landing);

    // same valid_from, different content: the later row corrects the earlier (R1 large, G1/M1)
    assertThat(creditOf(lake, "O1")).isEqualTo("G1/M1/large");
    assertThat(
            col(
                lake,
                TableId.INGEST_FILES,
                "source_file = 'master/retailers.csv'",
                "concat_ws('/', rows_read, rows_accepted, rows_quarantined, rows_duplicate)"))
        .containsExactly("7/6/1/0");
    // unknown grid: R2's 2014-03-01 version does not exist, the first stays in force
    assertThat(creditOf(lake, "O2")).isEqualTo("G2/M2/small");
    assertThat(
            col(lake, TableId.QUARANTINE, "true", "concat_ws(':', source_file, line_no, reason)"))
        .containsExactly(
            "master/retailers.csv:6:UNKNOWN_GRID", "sales/2014/s.csv:5:UNKNOWN_RETAILER");
    assertThat(creditOf(lake, "O3")).isEqualTo("G3/M3/large");
    build(lake);

    // manager M3 removed while still assigned: R3's version naming M3 is quarantined, M1 keeps R3
    write(
        landing,
        "master/managers.csv",
        "manager_code,manager_name,station,hire_date",
        "M1,Wang,s1,2010-01-01",
        "M2,Li,s1,2011-05-01");
    ingest(lake, landing);
    assertThat(creditOf(lake, "O3")).isEqualTo("G3/M1/large");
    assertThat(
            col(
                lake,
                TableId.QUARANTINE,
                "reason = 'UNKNOWN_MANAGER'",
                "concat_ws(':', source_file, line_no)"))
        .containsExactly("master/retailers.csv:8");
    assertThat(
            col(
                lake,
                TableId.DIM_RETAILER,
                "retailer_code = 'R3'",
                "concat_ws('/', valid_from, coalesce(cast(valid_to AS STRING), '-'), manager_code)"))
        .containsExactly("2014-01-01/-/M1");

    // the corrected retailers file: R2 moves to G1, R3 to M2, R5 appears
    write(
        landing,
        "master/retailers.csv",
        HEADER,
        "R1,r1,grocery,medium,5,G1,M1,active,2014-01-01",
        "R1,r1,grocery,large,5,G1,M1,active,2014-03-01",
        "R2,r2,convenience,small,8,G2,M2,active,2014-01-01",
        "R2,r2,convenience,small,8,G1,M1,active,2014-03-01",
        "R3,r3,supermarket,large,3,G3,M1,active,2014-01-01",
        "R3,r3,supermarket,large,3,G3,M2,active,2014-03-01",
        "R5,r5,other,small,20,G2,M2,active,2014-01-01");
    ingest(lake, landing);
    build(lake);
    assertThat(creditOf(lake, "O2")).isEqualTo("G1/M1/small");
    assertThat(creditOf(lake, "O3")).isEqualTo("G3/M2/large");
    assertThat(creditOf(lake, "O4")).isEqualTo("G2/M2/small");
    assertThat(lake.read(TableId.QUARANTINE).count()).isZero();
    assertThat(
            col(
                lake,
                TableId.INGEST_FILES,
                "source_file = 'sales/2014/s.csv'",
                "concat_ws('/', rows_read, rows_accepted, rows_quarantined, rows_duplicate)"))
        .containsExactly("7/7/0/0");

    Lake fresh = newLake();
    ingest(fresh, landing);
    build(fresh);
    assertSameTables(lake, fresh, COMPARED.subList(0, COMPARED.indexOf(TableId.MANAGER_SCORECARD)));
  }
}
