package gridperf.job;

import gridperf.lakehouse.WriteResult;
import java.util.List;

/**
 * What a job did, for its {@code pipeline_runs} row and its console summary: rows read, rows
 * written, rows quarantined, and every Delta commit it made.
 */
public record JobOutcome(
    long rowsIn, long rowsOut, long rowsQuarantined, List<WriteResult> writes, String summary) {}
