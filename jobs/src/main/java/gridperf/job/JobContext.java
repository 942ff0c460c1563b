package gridperf.job;

import gridperf.config.GridperfConfig;
import gridperf.lakehouse.Lake;
import java.time.Clock;
import org.apache.spark.sql.SparkSession;

/** What a running job needs: its settings, the session, the lake, its run id and progress. */
public record JobContext(
    GridperfConfig config,
    SparkSession spark,
    Lake lake,
    String runId,
    Progress progress,
    Clock clock) {}
