package gridperf.ingest;

import gridperf.lakehouse.TableId;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What both ingest paths work on: the deliveries, the ledger before the run (and its version), the
 * parsed rows of the delivered files by bronze table, and the batch's id and sequence number.
 */
record Batch(
    Deliveries deliveries,
    Map<String, IngestFiles.Entry> ledger,
    long ledgerVersion,
    Map<TableId, Dataset<Row>> fresh,
    String batchId,
    long batchSeq) {
  /** This batch's rows of bronze table {@code t} (empty when no file of it was delivered). */
  Dataset<Row> bronze(TableId t) {
    return fresh.get(t);
  }
}
