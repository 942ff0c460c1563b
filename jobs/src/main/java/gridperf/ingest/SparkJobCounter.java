package gridperf.ingest;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/**
 * Counts the Spark jobs started while it is open (for the run summary: the fixed cost of a run is
 * mostly its number of jobs and commits). Listener events are delivered asynchronously, so the
 * count is read after the work is done.
 */
final class SparkJobCounter extends SparkListener implements AutoCloseable {
  private final SparkSession spark;
  private final AtomicInteger jobs = new AtomicInteger();

  SparkJobCounter(SparkSession spark) {
    this.spark = spark;
    spark.sparkContext().addSparkListener(this);
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    jobs.incrementAndGet();
    if (System.getenv("GRIDPERF_TRACE_JOBS") != null) {
      java.util.Properties p = jobStart.properties();
      if (jobStart.stageInfos().isEmpty()) {
        System.err.println("JOB " + jobStart.jobId() + " (no stages)");
        return;
      }
      var st = jobStart.stageInfos().head();
      StringBuilder sb = new StringBuilder();
      for (String l : st.details().split("\n")) {
        if (l.contains("delta.")
                && !l.contains("DatabricksLogging")
                && !l.contains("DeltaProgressReporter")
                && !l.contains("DeltaLogging")
                && !l.contains("withActiveSession")
                && !l.contains("anonfun")
                && sb.length() < 900
            || l.contains("gridperf")) {
          sb.append("\n    ").append(l.trim());
        }
        if (l.contains("gridperf")) break;
      }
      System.err.println("JOB " + jobStart.jobId() + " " + st.name() + sb);
    }
  }

  int jobs() {
    return jobs.get();
  }

  @Override
  public void close() {
    spark.sparkContext().removeSparkListener(this);
  }
}
