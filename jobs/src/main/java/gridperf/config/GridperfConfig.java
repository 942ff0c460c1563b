package gridperf.config;

import java.time.ZoneId;
import java.util.Map;

/**
 * The whole typed, immutable configuration of a run, loaded once by {@link ConfigLoader} from
 * {@code reference.conf}, a {@code conf/*.conf} file and {@code --set} overrides.
 */
public record GridperfConfig(
    Spark spark,
    Lake lake,
    Landing landing,
    Business business,
    Ingest ingest,
    Scoring scoring,
    Log log,
    String source) {

  /** Spark session settings; {@code conf} is passed through to the session builder. */
  public record Spark(
      String master,
      String appName,
      int shufflePartitions,
      String localDir,
      boolean uiEnabled,
      Map<String, String> conf) {}

  /** Where the Delta lake lives. */
  public record Lake(String root) {}

  /** Where landing files are read, and with which charset per source. */
  public record Landing(String root, Map<String, String> charset) {
    /** The charset setting of one source ({@code master}, {@code sales}, {@code touchpoints}). */
    public String charsetOf(String source) {
      return charset.getOrDefault(source, "auto");
    }
  }

  /** Business calendar settings. */
  public record Business(ZoneId timezone) {}

  /** Ingest guards. */
  public record Ingest(double maxQuarantineRate) {}

  /** The official scoring file. */
  public record Scoring(String file) {}

  /** Log layout: {@code text} or {@code json}. */
  public record Log(String format) {}

  /** A copy with another lake root (the {@code --lake} option). */
  public GridperfConfig withLakeRoot(String root) {
    return new GridperfConfig(
        spark, new Lake(root), landing, business, ingest, scoring, log, source);
  }

  /** A copy with another landing root (the {@code --landing} option). */
  public GridperfConfig withLandingRoot(String root) {
    return new GridperfConfig(
        spark, lake, new Landing(root, landing.charset()), business, ingest, scoring, log, source);
  }
}
