package gridperf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import gridperf.landingfiles.Header;
import gridperf.testing.SparkTestBase;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * An error raised inside a Spark task reaches the driver wrapped in the scheduler's "Job aborted
 * due to stage failure: Task 0 in stage …" exception; the one-line reason a command prints is the
 * task's own message.
 */
class TaskFailureReasonTest extends SparkTestBase {
  private static final String REASON = "sales/2014/s.csv line 1: header cannot be decoded";

  @Test
  void failureInsideASparkTaskIsReportedByTheTasksOwnReason() {
    Throwable e =
        catchThrowable(
            () ->
                JavaSparkContext.fromSparkContext(spark().sparkContext())
                    .parallelize(List.of(1), 1)
                    .map(
                        i -> {
                          throw new Header.Refused(REASON);
                        })
                    .collect());
    assertThat(e.getMessage()).startsWith("Job aborted due to stage failure");
    assertThat(Main.oneLine(e)).isEqualTo(REASON);
  }

  @Test
  void stageFailureWithoutItsCauseIsReportedByTheReasonInItsText() {
    SparkException e =
        new SparkException(
            "Job aborted due to stage failure: Task 0 in stage 9.0 failed 4 times, most recent"
                + " failure: Lost task 0.3 in stage 9.0 (TID 12) (10.0.0.7 executor 2):"
                + " gridperf.landingfiles.Header$Refused: "
                + REASON
                + "\n\tat gridperf.x(X.java:1)\n");
    assertThat(Main.oneLine(e)).isEqualTo(REASON);
    assertThat(Main.oneLine(new RuntimeException("plain reason"))).isEqualTo("plain reason");
  }
}
