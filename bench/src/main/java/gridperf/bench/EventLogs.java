package gridperf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Spark's own account of where the time went: reads the event logs the gridperf stages wrote
 * ({@code events/<stage>/<app-id>}) and lists Spark stages by duration with their call site, the
 * SQL execution's description and the operators of its physical plan.
 */
public final class EventLogs {
  /** One completed Spark stage of one gridperf job. */
  public record StageCost(
      String job,
      int stageId,
      String name,
      long durationMs,
      int tasks,
      long executorRunMs,
      long shuffleWriteBytes,
      long spillBytes,
      String sql,
      String operators) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventLogs() {}

  /** Every Spark stage under {@code root}, the longest first; empty when there are no logs. */
  public static List<StageCost> summarise(Path root) throws IOException {
    List<StageCost> all = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return all;
    }
    try (Stream<Path> jobs = Files.list(root)) {
      for (Path jobDir : jobs.sorted().toList()) {
        // Spark 4 writes rolling logs: eventlog_v2_<app>/events_<n>_<app> beside appstatus_<app>
        try (Stream<Path> apps = Files.walk(jobDir)) {
          for (Path app :
              apps.filter(Files::isRegularFile)
                  .filter(p -> !p.getFileName().toString().startsWith("appstatus"))
                  .filter(p -> !p.getFileName().toString().startsWith("."))
                  .sorted()
                  .toList()) {
            all.addAll(read(jobDir.getFileName().toString(), app));
          }
        }
      }
    }
    all.sort(Comparator.comparingLong(StageCost::durationMs).reversed());
    return all;
  }

  /** The stages of one event log file. */
  static List<StageCost> read(String job, Path file) throws IOException {
    Map<Integer, Long> stageToExec = new HashMap<>();
    Map<Long, String> execDesc = new HashMap<>();
    Map<Long, String> execOps = new HashMap<>();
    List<JsonNode> completed = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode e;
        try {
          e = JSON.readTree(line);
        } catch (IOException bad) {
          continue; // a log cut short by a killed run
        }
        String ev = e.path("Event").asText();
        if (ev.equals("SparkListenerJobStart")) {
          String id = e.path("Properties").path("spark.sql.execution.id").asText("");
          if (!id.isEmpty()) {
            for (JsonNode s : e.path("Stage IDs")) {
              stageToExec.put(s.asInt(), Long.parseLong(id));
            }
          }
        } else if (ev.endsWith("SparkListenerSQLExecutionStart")) {
          long id = e.path("executionId").asLong();
          execDesc.put(id, e.path("description").asText());
          execOps.put(id, operators(e.path("physicalPlanDescription").asText()));
        } else if (ev.equals("SparkListenerStageCompleted")) {
          completed.add(e.path("Stage Info"));
        }
      }
    }
    List<StageCost> out = new ArrayList<>();
    for (JsonNode si : completed) {
      int id = si.path("Stage ID").asInt();
      long dur = si.path("Completion Time").asLong() - si.path("Submission Time").asLong();
      Map<String, Long> acc = new HashMap<>();
      for (JsonNode a : si.path("Accumulables")) {
        acc.put(a.path("Name").asText(), a.path("Value").asLong(0));
      }
      Long exec = stageToExec.get(id);
      out.add(
          new StageCost(
              job,
              id,
              si.path("Stage Name").asText(),
              dur,
              si.path("Number of Tasks").asInt(),
              acc.getOrDefault("internal.metrics.executorRunTime", 0L),
              acc.getOrDefault("internal.metrics.shuffle.write.bytesWritten", 0L),
              acc.getOrDefault("internal.metrics.diskBytesSpilled", 0L)
                  + acc.getOrDefault("internal.metrics.memoryBytesSpilled", 0L),
              exec == null ? "" : execDesc.getOrDefault(exec, ""),
              exec == null ? "" : execOps.getOrDefault(exec, "")));
    }
    return out;
  }

  /** Distinct operator names of a physical plan's tree, e.g. "HashAggregate, Exchange, Scan". */
  static String operators(String plan) {
    Set<String> ops = new LinkedHashSet<>();
    boolean inPlan = false;
    for (String line : plan.split("\n")) {
      if (line.startsWith("== Physical Plan ==")) {
        inPlan = true;
        continue;
      }
      if (inPlan) {
        if (line.isBlank() || line.startsWith("(") || line.startsWith("==")) {
          break;
        }
        String op = line.replaceAll("^[\\s:+\\-*|]*", "").replaceAll("^\\(\\d+\\)\\s*", "");
        op = op.split("[\\s(\\[]", 2)[0];
        if (!op.isEmpty()) {
          ops.add(op);
        }
      }
    }
    return String.join(", ", ops);
  }
}
