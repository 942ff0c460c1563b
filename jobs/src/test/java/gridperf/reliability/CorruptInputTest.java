package gridperf.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Corrupt or truncated files. A damaged Parquet data file of a silver table makes {@code build}
 * fail naming the file with nothing of gold committed; truncated last lines of a CSV and a JSONL
 * file (a row cut mid-field, an unclosed quote, half a JSON object) are quarantined with file, line
 * and reason, and the file still reconciles.
 */
class CorruptInputTest extends ReliabilityBase {
  @Test
  void truncatedParquetFileFailsTheBuildNamingItAndCommitsNothing() throws IOException {
    Lake lake = copy(SharedLakes.base());
    String victim =
        lake.read(TableId.FACT_SALES_LINE).filter("year = 2014 AND month = 1").inputFiles()[0];
    Path file = Path.of(URI.create(victim));
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    Map<TableId, Long> before = versions(lake);
    long failedBefore = lake.read(TableId.PIPELINE_RUNS).filter("status = 'FAILED'").count();

    Cli c = cli(lakeArgs(lake, "build", "--from", "2014-01", "--to", "2015-01"));

    assertThat(c.status()).isNotZero();
    // progress lines ([build] ...) aside, the failure is one line naming the damaged file
    List<String> errors = c.err().lines().filter(l -> !l.isBlank() && !l.startsWith("[")).toList();
    assertThat(errors).as(c.err()).hasSize(1);
    assertThat(errors.get(0))
        .startsWith("gridperf build: ")
        .contains(file.getFileName().toString());
    Map<TableId, Long> after = versions(lake);
    for (TableId t : TableId.values()) {
      if (t != TableId.PIPELINE_RUNS) {
        assertThat(after.get(t)).as(t.tableName()).isEqualTo(before.get(t));
      }
    }
    assertThat(lake.read(TableId.PIPELINE_RUNS).filter("status = 'FAILED'").count())
        .as("the failed build's audit row")
        .isEqualTo(failedBefore + 1);
  }

  @Test
  void truncatedCsvAndJsonlLinesAreQuarantinedWithFileLineAndReason() {
    Lake lake = SharedLakes.base();
    assertThat(
            lake
                .read(TableId.QUARANTINE)
                .selectExpr("concat_ws(':', source_file, line_no, reason) AS at_reason")
                .collectAsList()
                .stream()
                .map(r -> r.<String>getAs("at_reason"))
                .sorted()
                .toList())
        .isEqualTo(
            List.of(
                "sales/2014/2014-01.csv:9:MALFORMED",
                "sales/2014/2014-07.csv:5:MALFORMED",
                "touchpoints/2014/2014.jsonl:6:MALFORMED"));
    assertThat(
            lake
                .read(TableId.INGEST_FILES)
                .filter("source_file IN ('sales/2014/2014-01.csv', 'touchpoints/2014/2014.jsonl')")
                .selectExpr(
                    "concat_ws('/', source_file, rows_read, rows_accepted, rows_quarantined,"
                        + " rows_duplicate) AS counts")
                .collectAsList()
                .stream()
                .map(r -> r.<String>getAs("counts"))
                .sorted()
                .toList())
        .isEqualTo(
            List.of("sales/2014/2014-01.csv/8/6/1/1", "touchpoints/2014/2014.jsonl/6/5/1/0"));
  }
}
