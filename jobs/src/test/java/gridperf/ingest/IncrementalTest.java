package gridperf.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.job.JobOutcome;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The incremental path (batches of new fact files only) gives the same lake as one full run over
 * the same landing tree: corrections that move a key to another month (sales and touchpoints),
 * A-B-A inside a batch, duplicates of an earlier file's row and inside a batch, quarantined rows.
 */
class IncrementalTest extends IngestTestBase {
  static final String RATE = "ingest.max_quarantine_rate=1";

  static String tp(String id, String ts, String satisfaction) {
    return "{\"event_id\":\""
        + id
        + "\",\"ts\":\""
        + ts
        + "\",\"retailer_code\":\"R1\",\"channel\":\"visit\",\"satisfaction\":"
        + satisfaction
        + "}";
  }

  @Test
  void incrementalBatchesEqualOneFullRun() {
    Path landing = newDir("landing");
    master(
        landing,
        "R1,r,grocery,medium,5,G1,M1,active,2014-01-01",
        "R1,r,grocery,medium,5,G2,M2,active,2014-06-15");
    write(
        landing,
        "sales/2014/a.csv",
        SALES_HEADER,
        "O1,1,2014-06-14,R1,S3,10,1000",
        "O2,1,2014-06-15,R1,S1,5,500",
        "O3,1,2014-06-20,R1,S3,3,300",
        "Q1,1,2014-06-20,R9,S3,3,300");
    write(
        landing,
        "touchpoints/2014/a.jsonl",
        tp("E1", "2014-06-14T10:00:00+08:00", "2"),
        tp("E2", "2014-06-16T10:00:00+08:00", "4"));
    Lake inc = newLake();
    ingest(inc, landing, RATE);

    // batch 2: O1 duplicate after typing; O2 moves to July; O4 new + exact duplicate; O3 A-B-A;
    // a bad date; c.csv repeats O2's correction; E1 moves to 1 July local time (16:30Z)
    write(
        landing,
        "sales/2014/b.csv",
        SALES_HEADER,
        "O1,1,2014-06-14,R1,S3,10,1000.00",
        "O2,1,2014-07-01,R1,S1,5,500",
        "O4,1,2014-07-02,R1,S3,1,100",
        "O4,1,2014-07-02,R1,S3,1,100",
        "O3,1,2014-06-20,R1,S3,4,400",
        "O3,1,2014-06-20,R1,S3,3,300",
        "Q2,1,2014-02-30,R1,S3,1,1");
    write(landing, "sales/2014/c.csv", SALES_HEADER, "O2,1.0,2014-07-01,R1,S1,5,500.0");
    write(
        landing,
        "touchpoints/2014/b.jsonl",
        tp("E1", "2014-06-30T16:30:00Z", "5"),
        tp("E3", "2014-07-03T09:00:00+08:00", "null"));
    JobOutcome second = ingest(inc, landing, RATE);
    // batch 3: O4 moves to another year; a duplicate of a.csv's O1
    write(
        landing,
        "sales/2015/d.csv",
        SALES_HEADER,
        "O4,1,2015-01-05,R1,S3,7,700",
        "O1,1,2014-06-14,R1,S3,10,1000");
    JobOutcome third = ingest(inc, landing, RATE);
    assertThat(second.summary()).contains("ingest (incremental)");
    assertThat(third.summary()).contains("ingest (incremental)");

    assertThat(IngestScenariosTest.sales(inc))
        .isEqualTo(
            "[[O1:1:10:M1:sales/2014/a.csv], [O2:1:5:M2:sales/2014/b.csv], [O3:1:3:M2:sales/2014/b.csv],"
                + " [O4:1:7:M2:sales/2015/d.csv]]");
    assertThat(
            rows(
                inc.read(TableId.FACT_TOUCHPOINT)
                    .selectExpr(
                        "concat_ws(':', event_id, manager_code, year, month, satisfaction, src_file)")))
        .containsExactly(
            "E1:M2:2014:7:5:touchpoints/2014/b.jsonl",
            "E2:M2:2014:6:4:touchpoints/2014/a.jsonl",
            "E3:M2:2014:7:touchpoints/2014/b.jsonl");
    assertThat(
            rows(
                inc.read(TableId.INGEST_FILES)
                    .selectExpr(
                        "concat_ws(':', source_file, rows_read, rows_accepted, rows_quarantined, rows_duplicate)")))
        .contains(
            "sales/2014/a.csv:4:3:1:0",
            "sales/2014/b.csv:7:4:1:2",
            "sales/2014/c.csv:1:0:0:1",
            "sales/2015/d.csv:2:1:0:1",
            "touchpoints/2014/b.jsonl:2:2:0:0");

    Lake full = newLake();
    JobOutcome once = ingest(full, landing, RATE);
    assertThat(once.summary()).contains("ingest (full recompute)");
    for (TableId t :
        List.of(
            TableId.FACT_SALES_LINE,
            TableId.FACT_TOUCHPOINT,
            TableId.QUARANTINE,
            TableId.INGEST_FILES,
            TableId.DIM_RETAILER)) {
      assertThat(content(inc, t)).as(t.tableName()).isEqualTo(content(full, t));
    }
  }

  /** A table's rows as sorted strings, without the columns that name the batch. */
  static List<String> content(Lake lake, TableId t) {
    Dataset<Row> d = lake.read(t);
    for (String c : List.of("batch_id", "batch_seq")) {
      if (List.of(d.columns()).contains(c)) {
        d = d.drop(c);
      }
    }
    return rows(d.selectExpr("to_json(struct(*))"));
  }

  static List<String> rows(Dataset<Row> oneStringColumn) {
    return oneStringColumn.collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
  }
}
