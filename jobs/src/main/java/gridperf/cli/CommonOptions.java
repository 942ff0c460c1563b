package gridperf.cli;

import gridperf.config.ConfigLoader;
import gridperf.config.GridperfConfig;
import gridperf.job.LogFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command takes: the settings file, overrides and the lake. */
public class CommonOptions {
  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description =
          "Settings file (path or URI: file:, hdfs:, s3a:). Default: conf/local.conf of the"
              + " installation when launched by bin/gridperf, else built-in defaults.")
  String conf;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      // two lines: help text breaks a long key at its dots when it meets the end of a line
      description = {
        "Override one setting (repeatable), for example:",
        "ingest.max_quarantine_rate=0.1"
      })
  List<String> sets = new ArrayList<>();

  @Option(names = "--lake", paramLabel = "DIR", description = "Lake root (overrides lake.root).")
  String lake;

  /** Loads the configuration these options name. */
  public GridperfConfig load() {
    GridperfConfig cfg = ConfigLoader.load(settingsFile(), sets);
    if (lake != null) {
      cfg = cfg.withLakeRoot(lake);
    }
    LogFormat.apply(cfg.log().format());
    return cfg;
  }

  private String settingsFile() {
    if (conf != null) {
      return conf;
    }
    String fallback = System.getProperty("gridperf.default.conf");
    if (fallback != null && Files.isRegularFile(Path.of(fallback))) {
      return fallback;
    }
    return null;
  }

  /**
   * {@code --conf} and every {@code --set} as arguments, to run another command in this JVM with
   * the same settings ({@code demo}, {@code update}).
   */
  public List<String> forwarded() {
    List<String> out = new ArrayList<>();
    if (conf != null) {
      out.add("--conf");
      out.add(conf);
    }
    for (String s : sets) {
      out.add("--set");
      out.add(s);
    }
    return out;
  }

  /** The arguments as given, for the audit row. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    if (conf != null) {
      out.add("--conf " + conf);
    }
    for (String s : sets) {
      out.add("--set " + s);
    }
    if (lake != null) {
      out.add("--lake " + lake);
    }
    return out;
  }
}
