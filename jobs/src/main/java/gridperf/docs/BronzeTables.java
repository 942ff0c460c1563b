package gridperf.docs;

import gridperf.ingest.Bronze;
import gridperf.ingest.IngestFiles;
import gridperf.ingest.Quarantine;
import gridperf.lakehouse.TableDefinition;
import gridperf.lakehouse.TableId;

/** Dictionary entries of bronze, quarantine and the ledger (docs/contract.md, Reason codes). */
final class BronzeTables {
  private BronzeTables() {}

  /** The columns the three bronze tables share ({@link Bronze#SCHEMA}). */
  static TableDefinition bronze(TableDefinition d) {
    return d.grain(
            "one row per non-blank data line of the current delivery of each landing file, as read")
        .keys("source_file", "line_no")
        .rule(
            "A re-delivered file's rows replace its earlier rows; a file later removed from"
                + " landing keeps its rows.")
        .rule(
            "Every silver, quarantine and ledger row can be recomputed from bronze plus master data.")
        .column(
            "source",
            "landing source of the file: sales, touchpoints, grids, managers, products,"
                + " retailers or targets")
        .column("source_file", "landing file, relative to the landing root")
        .column("line_no", "physical line in the file (header = 1)")
        .column("raw", "the line's text, decoded (a lossy rendering when undecodable)")
        .column(
            "encoding",
            "the line's encoding: ASCII, UTF-8, GB18030, MALFORMED or the configured charset")
        .column(
            "fields",
            "CSV fields in contract order; NULL when the line cannot be split (and for JSON lines)")
        .column("parse_error", "why the line could not be parsed; NULL when it could")
        .column("batch_id", "ingest batch that read the line")
        .column("batch_seq", "sequence number of that batch (precedence: batch, path, line)")
        .column("ingest_ts", "when that batch ran")
        .column(
            "as_of",
            "as-of date of that batch; date range checks use it, so a recomputation agrees");
  }

  static final TableDefinition BRONZE_SALES_LINE =
      TableDefinition.of(TableId.BRONZE_SALES_LINE, Bronze.SCHEMA)
          .apply(BronzeTables::bronze)
          .sources("sales/YYYY/*.csv");

  static final TableDefinition BRONZE_TOUCHPOINT =
      TableDefinition.of(TableId.BRONZE_TOUCHPOINT, Bronze.SCHEMA)
          .apply(BronzeTables::bronze)
          .sources("touchpoints/YYYY/*.jsonl");

  static final TableDefinition BRONZE_MASTER =
      TableDefinition.of(TableId.BRONZE_MASTER, Bronze.SCHEMA)
          .apply(BronzeTables::bronze)
          .sources("master/*.csv (grids, managers, products, retailers, targets)");

  static final TableDefinition QUARANTINE =
      TableDefinition.of(TableId.QUARANTINE, Quarantine.SCHEMA)
          .grain("one row per rejected line of the current deliveries, as the lake stands now")
          .keys("source_file", "line_no")
          .sources("bronze_sales_line", "bronze_touchpoint", "bronze_master", "the master data")
          .rule(
              "A row gets the first reason that applies, in this order: MALFORMED, MISSING_KEY,"
                  + " MISSING_VALUE / BAD_DATE / BAD_NUMBER (column by column), OUT_OF_RANGE, ZERO_QTY,"
                  + " UNKNOWN_GRID, UNKNOWN_MANAGER, UNKNOWN_RETAILER, UNKNOWN_SKU, NO_RETAILER_VERSION,"
                  + " RETAILER_NOT_ACTIVE (docs/contract.md, Reason codes).")
          .rule(
              "After a master change a row that now passes leaves the table (it is accepted in its"
                  + " original precedence) and an accepted row that no longer passes enters it.")
          .column("source_file", "landing file, relative to the landing root")
          .column("line_no", "physical line in the file (header = 1)")
          .column("raw", "the line's text as read")
          .column("reason", "reason code, e.g. BAD_DATE or RETAILER_NOT_ACTIVE")
          .column("detail", "the column and value at fault")
          .column("batch_id", "ingest batch that read the line")
          .column(
              "source",
              "landing source: sales, touchpoints, grids, managers, products, retailers, targets")
          .column("batch_seq", "sequence number of that batch");

  static final TableDefinition INGEST_FILES =
      TableDefinition.of(TableId.INGEST_FILES, IngestFiles.SCHEMA)
          .grain("one row per source path ever ingested (its latest delivery)")
          .keys("source_file")
          .sources("every landing file ingested; committed last by every ingest run")
          .rule(
              "Files later removed from landing stay. The counts are as the lake stands now and"
                  + " reconcile: rows_read = rows_accepted + rows_quarantined + rows_duplicate (blank"
                  + " lines are not rows).")
          .rule(
              "The same content hash again is skipped; the same path with new content replaces"
                  + " its earlier delivery.")
          .column("source_file", "landing file, relative to the landing root")
          .column("content_hash", "SHA-256 of the file's bytes")
          .column("batch_id", "ingest batch of the latest delivery")
          .column(
              "encoding",
              "file label: UTF-8, UTF-8 BOM, GB18030, UTF-8+GB18030, a +MALFORMED"
                  + " suffix when a line decodes in neither, or the configured charset")
          .column("rows_read", "data rows read")
          .column(
              "rows_accepted",
              "rows accepted: valid and not a duplicate (a later correction counts too)")
          .column("rows_quarantined", "rows now in quarantine")
          .column(
              "rows_duplicate",
              "valid rows equal to their key's winner after typing: counted, not stored")
          .column(
              "source",
              "landing source: sales, touchpoints, grids, managers, products, retailers, targets")
          .column("size", "file size in bytes")
          .column("modification_time", "file modification time, epoch milliseconds")
          .column("batch_seq", "sequence number of the batch of the latest delivery");
}
