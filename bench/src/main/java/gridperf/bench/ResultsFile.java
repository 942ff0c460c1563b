package gridperf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a results JSON back into a {@link Report} (to redo the docs without rerunning). */
final class ResultsFile {
  private ResultsFile() {}

  @SuppressWarnings("unchecked")
  static Report load(Path json, Path out) throws Exception {
    ObjectMapper om = new ObjectMapper();
    JsonNode root = om.readTree(json.toFile());
    List<StageResult> runs = new ArrayList<>();
    for (JsonNode r : root.path("runs")) {
      JsonNode m = r.path("measure");
      runs.add(
          new StageResult(
              r.path("scale").asDouble(),
              r.path("stage").asText(),
              r.path("run").asInt(),
              r.path("rows").asLong(),
              new Measure(
                  m.path("wallSec").asDouble(),
                  m.path("userSec").asDouble(),
                  m.path("sysSec").asDouble(),
                  m.path("peakRssKb").asLong(),
                  m.path("exitCode").asInt())));
    }
    Map<Double, Map<String, Object>> data = new LinkedHashMap<>();
    Map<Double, List<EventLogs.StageCost>> profiles = new LinkedHashMap<>();
    root.path("data")
        .fields()
        .forEachRemaining(
            e ->
                data.put(Double.parseDouble(e.getKey()), om.convertValue(e.getValue(), Map.class)));
    for (double s : data.keySet()) {
      profiles.put(s, EventLogs.summarise(out.resolve("work/sf" + s + "/events")));
    }
    JsonNode st = root.path("settings");
    return new Report(
        om.convertValue(root.path("machine"), Map.class),
        st.path("heap").asText(),
        st.path("threads").asInt(),
        st.path("runs").asInt(),
        runs,
        data,
        profiles);
  }
}
