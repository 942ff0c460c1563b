package gridperf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogsTest {
  @TempDir Path dir;

  @Test
  void stagesLongestFirstWithTheirSqlExecutionAndPlan() throws Exception {
    // Spark 4's rolling layout: eventlog_v2_<app>/events_<n>_<app> and an appstatus marker
    Path app = dir.resolve("build/eventlog_v2_local-1/events_1_local-1");
    Files.createDirectories(app.getParent());
    Files.writeString(app.resolveSibling("appstatus_local-1"), "");
    Files.writeString(
        app,
        String.join(
            "\n",
            "{\"Event\":\"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart\","
                + "\"executionId\":7,\"description\":\"save at GoldTables.java:135\","
                + "\"physicalPlanDescription\":\"== Physical Plan ==\\nAdaptiveSparkPlan (12)\\n"
                + "+- HashAggregate (11)\\n   +- Exchange (10)\\n      +- HashAggregate (9)\\n"
                + "         +- Scan parquet  (1)\\n\\n\\n(1) Scan parquet\"}",
            "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":3,\"Stage IDs\":[5,6],"
                + "\"Properties\":{\"spark.sql.execution.id\":\"7\"}}",
            "{\"Event\":\"SparkListenerStageCompleted\",\"Stage Info\":{\"Stage ID\":5,"
                + "\"Stage Name\":\"save at GoldTables.java:135\",\"Number of Tasks\":8,"
                + "\"Submission Time\":1000,\"Completion Time\":5500,\"Accumulables\":["
                + "{\"Name\":\"internal.metrics.executorRunTime\",\"Value\":8000},"
                + "{\"Name\":\"internal.metrics.shuffle.write.bytesWritten\",\"Value\":2048}]}}",
            "{\"Event\":\"SparkListenerStageCompleted\",\"Stage Info\":{\"Stage ID\":6,"
                + "\"Stage Name\":\"collect at X.java:1\",\"Number of Tasks\":1,"
                + "\"Submission Time\":6000,\"Completion Time\":6100,\"Accumulables\":[]}}",
            "{\"Event\":\"SparkListenerStageCompleted\",\"Stage Info\":{\"Stage ID\":"));

    List<EventLogs.StageCost> s = EventLogs.summarise(dir);

    assertThat(s).hasSize(2);
    assertThat(s.get(0))
        .isEqualTo(
            new EventLogs.StageCost(
                "build",
                5,
                "save at GoldTables.java:135",
                4500,
                8,
                8000,
                2048,
                0,
                "save at GoldTables.java:135",
                "AdaptiveSparkPlan, HashAggregate, Exchange, Scan"));
    assertThat(s.get(1).durationMs()).isEqualTo(100);
  }
}
