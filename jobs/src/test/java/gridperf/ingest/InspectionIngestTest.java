package gridperf.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.config.ScoringConfig;
import gridperf.gold.GoldBuild;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.job.Progress;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Inspections through ingest and build like the other fact sources: precedence, an incremental
 * correction, a re-delivery that withdraws rows, a master change that re-validates a quarantined
 * inspection and re-credits the grid, and service_standards rebuilt for the changed month.
 */
class InspectionIngestTest extends IngestTestBase {
  private static final String HEADER =
      "inspection_id,inspection_date,level,manager_code,retailer_code,passed,errors";
  private static final String R1 = "R1,r,grocery,medium,5,G1,M1,active,2014-01-01";

  private static String facts(Lake lake) {
    return lake.read(TableId.FACT_INSPECTION)
        .orderBy("inspection_id")
        .selectExpr(
            "concat_ws(':', inspection_id, manager_code, cast(passed as string), errors, grid_code,"
                + " src_file)")
        .as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList()
        .toString();
  }

  private static String march(Lake lake) {
    return lake.read(TableId.SERVICE_STANDARDS)
        .where("manager_code = 'M1' AND period = '2014-03'")
        .selectExpr(
            "concat_ws('/', self_inspections, spot_checks, spot_checks_passed, errors,"
                + " error_free_months, standards_met) AS march")
        .first()
        .getAs("march");
  }

  private static JobOutcome build(Lake lake) {
    JobContext ctx =
        new JobContext(null, spark(), lake, "run", Progress.silent("build"), Clock.systemUTC());
    return GoldBuild.run(ctx, ScoringConfig.defaults(), null, null);
  }

  @Test
  void correctionRedeliveryAndMasterChangeBehaveAsForSales() {
    Path landing = newDir("landing");
    master(landing, R1);
    write(landing, "sales/2014/s.csv", SALES_HEADER, "O1,1,2014-03-01,R1,S3,10,1000");
    write(
        landing,
        "inspections/2014/a.csv",
        HEADER,
        "I1,2014-03-03,self,M1,R1,Y,0",
        "I2,2014-03-04,spot,M1,R1,Y,0",
        "I1,2014-03-03,self,M1,R1,Y,0.0",
        "I3,2014-03-05,self,M3,R1,Y,0");
    Lake lake = newLake();
    ingest(lake, landing, "ingest.max_quarantine_rate=1");
    assertThat(facts(lake))
        .isEqualTo(
            "[I1:M1:true:0:G1:inspections/2014/a.csv, I2:M1:true:0:G1:inspections/2014/a.csv]");
    assertThat(IngestScenariosTest.ledger(lake, "inspections/2014/a.csv")).isEqualTo("4/2/1/1");
    assertThat(lake.read(TableId.QUARANTINE).selectExpr("reason").first().<String>getAs("reason"))
        .isEqualTo("UNKNOWN_MANAGER");
    build(lake);
    assertThat(march(lake)).isEqualTo("1/1/1/0/1/false");

    // a new file only: the incremental path; I2 corrected (N, 1 error) wins
    write(
        landing,
        "inspections/2014/b.csv",
        HEADER,
        "I2,2014-03-04,spot,M1,R1,N,1",
        "I4,2014-03-20,self,M1,R1,Y,0");
    JobOutcome inc = ingest(lake, landing);
    assertThat(inc.summary()).contains("incremental");
    assertThat(facts(lake))
        .isEqualTo(
            "[I1:M1:true:0:G1:inspections/2014/a.csv, I2:M1:false:1:G1:inspections/2014/b.csv,"
                + " I4:M1:true:0:G1:inspections/2014/b.csv]");
    assertThat(IngestScenariosTest.ledger(lake, "inspections/2014/b.csv")).isEqualTo("2/2/0/0");
    // the build sees the changed inspection month: self 2 (met), spot failed, 1 error
    assertThat(build(lake).summary()).contains("incremental");
    assertThat(march(lake)).isEqualTo("2/1/0/1/0/false");

    // re-delivery of b.csv without I2: its correction is withdrawn, I2 falls back to a.csv
    write(landing, "inspections/2014/b.csv", HEADER, "I4,2014-03-20,self,M1,R1,Y,0");
    ingest(lake, landing);
    assertThat(facts(lake))
        .isEqualTo(
            "[I1:M1:true:0:G1:inspections/2014/a.csv, I2:M1:true:0:G1:inspections/2014/a.csv,"
                + " I4:M1:true:0:G1:inspections/2014/b.csv]");
    assertThat(IngestScenariosTest.ledger(lake, "inspections/2014/b.csv")).isEqualTo("1/1/0/0");
    build(lake);
    assertThat(march(lake)).isEqualTo("2/1/1/0/1/true");

    // M3 appears and R1 moves to G2 from 1 March: I3 is re-validated into acceptance (it is
    // M3's, not the version's manager), every March inspection is re-credited to G2
    write(
        landing,
        "master/managers.csv",
        "manager_code,manager_name,station,hire_date",
        "M1,a,s,2010-01-01",
        "M2,b,s,2010-01-01",
        "M3,c,s,2010-01-01");
    master(landing, R1, "R1,r,grocery,medium,5,G2,M1,active,2014-03-01");
    write(
        landing,
        "master/managers.csv",
        "manager_code,manager_name,station,hire_date",
        "M1,a,s,2010-01-01",
        "M2,b,s,2010-01-01",
        "M3,c,s,2010-01-01");
    ingest(lake, landing);
    assertThat(facts(lake))
        .isEqualTo(
            "[I1:M1:true:0:G2:inspections/2014/a.csv, I2:M1:true:0:G2:inspections/2014/a.csv,"
                + " I3:M3:true:0:G2:inspections/2014/a.csv, I4:M1:true:0:G2:inspections/2014/b.csv]");
    assertThat(lake.read(TableId.QUARANTINE).count()).isZero();
    assertThat(IngestScenariosTest.ledger(lake, "inspections/2014/a.csv")).isEqualTo("4/3/0/1");
  }
}
