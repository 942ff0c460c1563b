package gridperf.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gridperf.cli.Main;
import gridperf.config.ConfigLoader;
import gridperf.config.GridperfConfig;
import gridperf.job.JobContext;
import gridperf.job.Progress;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.landingfiles.FileParser;
import gridperf.landingfiles.LandingSource;
import gridperf.landingfiles.PhysicalLines;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Deliveries (docs/ingest.md "Deliveries"): gzip-compressed contract files are read under the path
 * as delivered, a last data line without a line end is a truncated delivery (MALFORMED), files that
 * are not contract files are ignored and reported, a master file delivered plain and gzipped stops
 * the run.
 */
class DeliveriesTest extends IngestTestBase {
  private static final String R1 = "000000000001,r1,grocery,small,5,G1,M1,active,2013-01-01";

  @Test
  void lastDataLineWithoutALineEndIsQuarantinedAsTruncatedNeverRead() {
    Path landing = newDir("landing");
    master(landing, R1);
    writeBytes(
        landing,
        "sales/2014/s.csv",
        SALES_HEADER
            + "\nO1,1,2014-03-02,000000000001,S3,10,1000.00\r\nO4,1,2014-03-15,000000000001,S3,30,52");
    Lake lake = newLake();
    ingest(lake, landing, "ingest.max_quarantine_rate=1");

    List<Row> q = lake.read(TableId.QUARANTINE).where("source = 'sales'").collectAsList();
    assertThat(q).hasSize(1);
    assertThat(q.get(0).getLong(q.get(0).fieldIndex("line_no"))).isEqualTo(3);
    assertThat(q.get(0).getString(q.get(0).fieldIndex("reason"))).isEqualTo("MALFORMED");
    assertThat(q.get(0).getString(q.get(0).fieldIndex("detail"))).contains("truncated");
    assertThat(lake.read(TableId.FACT_SALES_LINE).selectExpr("order_id").collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("O1");
    Row ledger = lake.read(TableId.INGEST_FILES).where("source_file = 'sales/2014/s.csv'").head();
    assertThat(ledger.getLong(ledger.fieldIndex("rows_read"))).isEqualTo(2);
    assertThat(ledger.getLong(ledger.fieldIndex("rows_quarantined"))).isEqualTo(1);
  }

  @Test
  void lineEndIsLfOrCrlfButNotALoneCr() throws IOException {
    assertThat(terminated("a\nb\n")).containsExactly(true, true);
    assertThat(terminated("a\r\nb\r\n")).containsExactly(true, true);
    assertThat(terminated("a\nb")).containsExactly(true, false);
    assertThat(terminated("a\nb\r")).containsExactly(true, false);
    assertThat(terminated("a\rb\n")).containsExactly(true);
  }

  @Test
  void truncatedJsonLineIsMalformedEvenWhenItIsValidJson() {
    Path landing = newDir("landing");
    master(landing, R1);
    writeBytes(
        landing,
        "touchpoints/2014/t.jsonl",
        "{\"event_id\":\"E1\",\"ts\":\"2014-03-10T10:00:00+08:00\",\"retailer_code\":\"000000000001\","
            + "\"manager_code\":\"M1\",\"channel\":\"visit\",\"duration_min\":10}\n"
            + "{\"event_id\":\"E2\",\"ts\":\"2014-03-11T10:00:00+08:00\",\"retailer_code\":\"000000000001\","
            + "\"manager_code\":\"M1\",\"channel\":\"visit\",\"duration_min\":10}");
    Lake lake = newLake();
    ingest(lake, landing, "ingest.max_quarantine_rate=1");

    Row q = lake.read(TableId.QUARANTINE).where("source = 'touchpoints'").head();
    assertThat(q.getLong(q.fieldIndex("line_no"))).isEqualTo(2);
    assertThat(q.getString(q.fieldIndex("reason"))).isEqualTo("MALFORMED");
    assertThat(q.getString(q.fieldIndex("detail"))).isEqualTo(FileParser.TRUNCATED);
    assertThat(lake.read(TableId.FACT_TOUCHPOINT).count()).isEqualTo(1);
  }

  @Test
  void gzipDeliveryIsReadDecompressedUnderThePathAsDelivered() throws IOException {
    Path landing = newDir("landing");
    master(landing, R1);
    gzip(
        landing,
        "sales/2014/s-03-01.csv.gz",
        SALES_HEADER
            + "\nO1,1,2014-03-02,000000000001,S3,10,1000.00\nO2,1,2014-03-02,000000000001,S1,5,2000.00\n");
    write(
        landing,
        "sales/2014/s-03-15.csv",
        SALES_HEADER,
        "O1,1,2014-03-02,000000000001,S3,20,2000.00");
    Lake lake = newLake();
    ingest(lake, landing);

    Row ledger =
        lake.read(TableId.INGEST_FILES).where("source_file = 'sales/2014/s-03-01.csv.gz'").head();
    assertThat(ledger.getLong(ledger.fieldIndex("rows_read"))).isEqualTo(2);
    assertThat(ledger.getLong(ledger.fieldIndex("rows_accepted"))).isEqualTo(2);
    // precedence by the delivered paths: the later plain file's O1 corrects the gzipped one's
    List<Row> facts =
        lake.read(TableId.FACT_SALES_LINE)
            .orderBy("order_id")
            .selectExpr("order_id", "qty_cartons", "src_file")
            .collectAsList();
    assertThat(facts)
        .extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(2))
        .containsExactly("O1 20 sales/2014/s-03-15.csv", "O2 5 sales/2014/s-03-01.csv.gz");
  }

  @Test
  void filesThatAreNotContractFilesAreIgnoredCountedAndNamed() {
    Path landing = newDir("landing");
    master(landing, R1);
    write(landing, "sales/2014/s.csv", SALES_HEADER, "O1,1,2014-03-02,000000000001,S3,10,1000.00");
    write(
        landing,
        "sales/2014/s.csv.tmp",
        SALES_HEADER,
        "O9,1,2014-03-02,000000000001,S3,99,9900.00");
    write(landing, "README.txt", "notes");
    Lake lake = newLake();
    GridperfConfig cfg = ConfigLoader.load(null, List.of()).withLakeRoot(lake.root());
    IngestJob job =
        new IngestJob(
            new JobContext(
                cfg,
                spark(),
                lake,
                UUID.randomUUID().toString(),
                Progress.silent("ingest"),
                Clock.systemUTC()),
            new IngestJob.Options(landing.toString(), AS_OF, false, false));
    String summary = job.run().summary();

    String expected =
        "2 files under the landing root not in the contract, ignored: README.txt, sales/2014/s.csv.tmp";
    assertThat(job.ignoredFiles()).isEqualTo(expected);
    assertThat(summary).contains(expected);
    assertThat(
            lake.read(TableId.INGEST_FILES)
                .where("source_file LIKE '%tmp' OR source_file LIKE '%txt'")
                .count())
        .isZero();
    assertThat(lake.read(TableId.FACT_SALES_LINE).count()).isEqualTo(1);
  }

  @Test
  void ignoredFilesAreRecordedInTheRunsPipelineRunsRow() {
    Path landing = newDir("landing");
    master(landing, R1);
    write(landing, "notes/howto.md", "x");
    Lake lake = newLake();
    int rc =
        Main.run(
            "ingest",
            "--lake",
            lake.root(),
            "--landing",
            landing.toString(),
            "--as-of",
            AS_OF.toString());
    assertThat(rc).isZero();
    Row run = lake.read(TableId.PIPELINE_RUNS).head();
    assertThat(run.getString(run.fieldIndex("notes")))
        .isEqualTo("1 file under the landing root not in the contract, ignored: notes/howto.md");
  }

  @Test
  void masterFileDeliveredPlainAndGzippedStopsTheRunNamingBoth() throws IOException {
    Path landing = newDir("landing");
    master(landing, R1);
    gzip(
        landing, "master/grids.csv.gz", "grid_code,grid_name,station,market_type\nG1,g1,s,urban\n");
    Lake lake = newLake();
    assertThatThrownBy(() -> ingest(lake, landing))
        .hasMessageContaining("master/grids.csv and master/grids.csv.gz are both delivered");
    assertThat(lake.exists(TableId.INGEST_FILES)).isFalse();
  }

  @Test
  void contractFilesAreRecognisedFromLandingSourceWithOrWithoutGz() {
    for (LandingSource s : LandingSource.values()) {
      String path =
          s.isMaster()
              ? "master/" + s.label() + ".csv"
              : s.label() + "/2015/x" + (s.isJson() ? ".jsonl" : ".csv");
      assertThat(LandingSource.of(path)).as(path).contains(s);
      assertThat(LandingSource.of(path + ".gz")).as(path + ".gz").contains(s);
    }
    for (String other :
        List.of(
            "README.txt",
            "sales/2015/x.csv.tmp",
            "sales/2015/.x.csv",
            "sales/x.csv",
            "sales/2015/x.jsonl",
            "master/retailers.csv.gz.gz",
            "master/other.csv")) {
      assertThat(LandingSource.of(other)).as(other).isEmpty();
    }
  }

  private static List<Boolean> terminated(String text) throws IOException {
    PhysicalLines p =
        new PhysicalLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    List<Boolean> out = new ArrayList<>();
    while (p.next()) {
      out.add(p.terminated());
    }
    return out;
  }

  private static void writeBytes(Path root, String rel, String text) {
    try {
      Path p = root.resolve(rel);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void gzip(Path root, String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
