package gridperf.score;

import gridperf.config.ScoringConfig;
import gridperf.config.ScoringFile;
import gridperf.lakehouse.CommitLog;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The note an official score puts on its manager_scorecard commit (Delta commit userMetadata):
 * {@code gridperf-score scoring_sha256=<hash> perf_manager=12 dim_retailer=3 … inputs=<hash>}, the
 * scoring file and the table versions the scorecard was computed from, and the hash {@code score}
 * compares to find it has nothing to do. {@code close} reads it back to record them with the year.
 */
final class ScoreNote {
  /** The session setting that puts userMetadata on a Delta commit. */
  static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

  private static final String TAG = "gridperf-score";

  private ScoreNote() {}

  /** The SHA-256 of the scoring file a config was read from, or {@code unknown}. */
  static String sha(ScoringConfig scoring) {
    try {
      return ScoringFile.read(scoring.source()).sha256();
    } catch (RuntimeException e) {
      return "unknown";
    }
  }

  /** The replaceWhere predicate of every year but the closed ones. */
  static String openYears(Set<Integer> closed) {
    return "NOT (year IN ("
        + closed.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "))
        + "))";
  }

  /** What the latest manager_scorecard commit says, or null when it has no score note. */
  record Read(String scoringSha256, Map<String, Long> versions) {}

  static Read latest(Lake lake) {
    CommitLog.Commit c = CommitLog.latest(lake, TableId.MANAGER_SCORECARD);
    if (c == null || c.userMetadata() == null || !c.userMetadata().startsWith(TAG + " ")) {
      return null;
    }
    String sha = null;
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String part : c.userMetadata().substring(TAG.length() + 1).split(" ")) {
      int eq = part.indexOf('=');
      if (eq < 0 || part.startsWith(ScoreJob.INPUTS_TAG)) {
        continue; // the inputs hash of the no-op check, not a table version
      }
      String k = part.substring(0, eq);
      String v = part.substring(eq + 1);
      if (k.equals("scoring_sha256")) {
        sha = v;
      } else {
        versions.put(k, Long.parseLong(v));
      }
    }
    return new Read(sha, versions);
  }
}
