package gridperf.docs;

import gridperf.gold.BuildState;
import gridperf.lakehouse.PipelineRuns;
import gridperf.lakehouse.TableDefinition;
import gridperf.lakehouse.TableId;

/** Dictionary entries of the audit tables. */
final class AuditTables {
  static final TableDefinition PIPELINE_RUNS =
      TableDefinition.of(TableId.PIPELINE_RUNS, PipelineRuns.SCHEMA)
          .grain("one row per run of a job that writes the lake (success or failure)")
          .keys("run_id")
          .sources("every job (ingest, build, score, ...), written last")
          .rule("Read-only commands (`sql`, `export`, `serve`) write no row.")
          .column("run_id", "unique id of the run (UUID)")
          .column("job", "job name, e.g. ingest")
          .column("args", "the command line options of the run")
          .column("start_ts", "when the run started")
          .column("end_ts", "when the run ended")
          .column("status", "SUCCEEDED, FAILED or INTERRUPTED (stopped by a signal)")
          .column("rows_in", "rows the job read")
          .column("rows_out", "rows the job wrote")
          .column("rows_quarantined", "rows the job sent to quarantine")
          .column(
              "delta_versions", "Delta version committed per table written, e.g. {perf_grid -> 4}")
          .column("error", "one-line reason of a failure; NULL on success")
          .column(
              "notes",
              "what the run reports besides its counts: for ingest, how many files under the"
                  + " landing root are not contract files (not ingested) and the first few paths;"
                  + " NULL when there is nothing to note");

  static final TableDefinition BUILD_STATE =
      TableDefinition.of(TableId.BUILD_STATE, BuildState.SCHEMA)
          .grain("one row per silver source table read by the last successful build")
          .keys("source")
          .sources("build, written last (a killed build leaves the previous state)")
          .rule(
              "The next build compares these versions with the silver tables' to find the"
                  + " periods to rebuild.")
          .column("source", "bare name of the silver table read, e.g. fact_sales_line")
          .column("version", "Delta version the build read; −1 when the table did not exist")
          .column(
              "range_first", "first month of the period range built (YYYY-MM); NULL without facts")
          .column(
              "range_last", "last month of the period range built (YYYY-MM); NULL without facts")
          .column("run_id", "run_id of that build in pipeline_runs");

  static final TableDefinition PERIOD_CLOSE =
      TableDefinition.of(TableId.PERIOD_CLOSE, gridperf.score.PeriodClose.SCHEMA)
          .grain("one row per close of a year (a reopened close keeps its row)")
          .keys("year", "closed_at")
          .sources("close --year Y; close --year Y --reopen sets reopened_at")
          .rule(
              "A year is closed while it has a row with reopened_at NULL: `score` then keeps"
                  + " its manager_scorecard rows and writes scorecard_adjustment.")
          .column("year", "closed year")
          .column("closed_at", "when the close ran (UTC)")
          .column("batch_id", "batch id of the latest ingest that landed files (ingest_files)")
          .column("scorecard_version", "Delta version of manager_scorecard at the close")
          .column(
              "source_versions",
              "Delta version of every table the scorecard was computed"
                  + " from, e.g. {perf_manager -> 7, dim_retailer -> 2}")
          .column("scoring_file", "path or URI of the scoring file the year was scored with")
          .column("scoring_sha256", "SHA-256 of the scoring file's UTF-8 text")
          .column("scoring_text", "the scoring file's text: later scores re-score the year with it")
          .column("run_id", "run_id of the close in pipeline_runs")
          .column("reopened_at", "when `close --reopen` lifted the close; NULL while in force");

  private AuditTables() {}
}
