package gridperf.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException.WrongType;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import gridperf.job.IoReasons;
import gridperf.lakehouse.Storage;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Loads {@link GridperfConfig}: {@code reference.conf} defaults, then a settings file (a local path
 * or a Hadoop URI such as {@code hdfs:} or {@code s3a:}), then {@code --set key=value} overrides.
 * Every key must be known and of the right type; errors name the key and where it was set.
 */
public final class ConfigLoader {
  private static final String PASS_THROUGH = "spark.conf";

  private ConfigLoader() {}

  /**
   * Loads the configuration.
   *
   * @param file settings file (path or URI); {@code null} for the defaults only
   * @param overrides {@code key=value} strings, applied last
   */
  public static GridperfConfig load(String file, List<String> overrides) {
    Config reference = ConfigFactory.parseResources("reference.conf");
    Config fromFile = ConfigFactory.empty();
    String source = "defaults";
    if (file != null) {
      source = file;
      String text;
      try {
        text = Storage.readText(file);
      } catch (Exception e) {
        throw new ConfigException(
            "cannot read settings file " + file + ": " + IoReasons.reason(e), e);
      }
      try {
        fromFile =
            ConfigFactory.parseString(
                text, ConfigParseOptions.defaults().setOriginDescription(file));
      } catch (com.typesafe.config.ConfigException e) {
        throw new ConfigException("bad settings file " + file + ": " + e.getMessage(), e);
      }
    }
    Config sets = parseOverrides(overrides);
    Config merged;
    try {
      merged =
          sets.withFallback(fromFile)
              .withFallback(reference)
              .resolve(ConfigResolveOptions.defaults().setAllowUnresolved(false));
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException(
          "cannot resolve settings from " + source + ": " + e.getMessage(), e);
    }
    rejectUnknownKeys(reference, merged, source, overrideText(overrides));
    try {
      return build(merged, source);
    } catch (WrongType e) {
      throw new ConfigException(e.getMessage().replace("String: ", ""), e);
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  static Config parseOverrides(List<String> overrides) {
    Config sets = ConfigFactory.empty();
    if (overrides == null) {
      return sets;
    }
    for (String kv : overrides) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("--set " + kv + ": expected key=value");
      }
      String key = kv.substring(0, eq).trim();
      String value = kv.substring(eq + 1).trim();
      Config one;
      try {
        one =
            ConfigFactory.parseString(
                key + " = " + quoteIfNeeded(value),
                ConfigParseOptions.defaults()
                    .setSyntax(ConfigSyntax.CONF)
                    .setOriginDescription("--set " + key));
      } catch (com.typesafe.config.ConfigException e) {
        throw new ConfigException("--set " + kv + ": " + e.getMessage(), e);
      }
      sets = one.withFallback(sets);
    }
    return sets;
  }

  private static String quoteIfNeeded(String value) {
    if (value.startsWith("\"") || value.startsWith("{") || value.startsWith("[")) {
      return value;
    }
    return com.typesafe.config.ConfigValueFactory.fromAnyRef(value).render();
  }

  private static void rejectUnknownKeys(
      Config reference, Config merged, String source, Map<String, String> overrides) {
    for (Map.Entry<String, ConfigValue> e : merged.entrySet()) {
      String key = e.getKey();
      if (key.startsWith(PASS_THROUGH + ".") || reference.hasPath(key)) {
        continue;
      }
      if (isSystemKey(key, e.getValue())) {
        continue;
      }
      String where =
          overrides.containsKey(key)
              ? "--set " + overrides.get(key)
              : e.getValue().origin().description();
      String hint = nearestKey(reference, key).map(k -> "; did you mean " + k + "?").orElse("");
      throw new ConfigException("unknown setting '" + key + "' in " + where + hint);
    }
  }

  /** Each {@code --set} as given, by its key (the last one wins, as in the merge). */
  private static Map<String, String> overrideText(List<String> overrides) {
    Map<String, String> out = new HashMap<>();
    if (overrides != null) {
      for (String kv : overrides) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          out.put(kv.substring(0, eq).trim(), kv);
        }
      }
    }
    return out;
  }

  /**
   * The known key nearest to a mistyped one by edit distance, when it is close enough to be the
   * likely intent (at most a third of the key's length away, and at most 4 edits).
   */
  static Optional<String> nearestKey(Config reference, String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Map.Entry<String, ConfigValue> e : reference.entrySet()) {
      String k = e.getKey();
      if (k.startsWith(PASS_THROUGH + ".")) {
        continue;
      }
      int d = editDistance(key, k);
      if (d < bestDistance || (d == bestDistance && k.compareTo(best) < 0)) {
        best = k;
        bestDistance = d;
      }
    }
    boolean close = bestDistance <= Math.min(4, Math.max(1, key.length() / 3));
    return close ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance: insertions, deletions and substitutions of one character each. */
  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Java system properties and environment values that HOCON resolution may pull in. */
  private static boolean isSystemKey(String key, ConfigValue value) {
    String origin = value.origin().description();
    return origin.contains("system properties") || origin.contains("env variables");
  }

  private static GridperfConfig build(Config c, String source) {
    Map<String, String> sparkConf = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : c.getConfig(PASS_THROUGH).entrySet()) {
      sparkConf.put(unquote(e.getKey()), String.valueOf(e.getValue().unwrapped()));
    }
    Map<String, String> charset = new TreeMap<>();
    for (String s : List.of("master", "sales", "touchpoints", "inspections")) {
      charset.put(s, c.getString("landing.charset." + s));
    }
    for (Map.Entry<String, String> e : charset.entrySet()) {
      String cs = e.getValue();
      if (!cs.equalsIgnoreCase("auto") && !java.nio.charset.Charset.isSupported(cs)) {
        throw new ConfigException(
            "landing.charset."
                + e.getKey()
                + ": unknown charset '"
                + cs
                + "' ("
                + origin(c, "landing.charset." + e.getKey())
                + ")");
      }
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(c.getString("business.timezone"));
    } catch (DateTimeException e) {
      throw new ConfigException(
          "business.timezone: unknown time zone '"
              + c.getString("business.timezone")
              + "' ("
              + origin(c, "business.timezone")
              + ")");
    }
    double maxRate = c.getDouble("ingest.max_quarantine_rate");
    if (maxRate < 0 || maxRate > 1) {
      throw new ConfigException(
          "ingest.max_quarantine_rate: must be between 0 and 1, got "
              + maxRate
              + " ("
              + origin(c, "ingest.max_quarantine_rate")
              + ")");
    }
    int partitions = c.getInt("spark.shuffle_partitions");
    if (partitions < 1) {
      throw new ConfigException(
          "spark.shuffle_partitions: must be at least 1 ("
              + origin(c, "spark.shuffle_partitions")
              + ")");
    }
    String logFormat = c.getString("log.format");
    if (!logFormat.equals("text") && !logFormat.equals("json")) {
      throw new ConfigException(
          "log.format: must be text or json, got '"
              + logFormat
              + "' ("
              + origin(c, "log.format")
              + ")");
    }
    return new GridperfConfig(
        new GridperfConfig.Spark(
            c.getString("spark.master"),
            c.getString("spark.app_name"),
            partitions,
            c.getString("spark.local_dir").isEmpty()
                ? System.getProperty("java.io.tmpdir") + "/gridperf-spark"
                : c.getString("spark.local_dir"),
            c.getBoolean("spark.ui_enabled"),
            Map.copyOf(sparkConf)),
        new GridperfConfig.Lake(c.getString("lake.root")),
        new GridperfConfig.Landing(c.getString("landing.root"), Map.copyOf(charset)),
        new GridperfConfig.Business(zone),
        new GridperfConfig.Ingest(maxRate),
        new GridperfConfig.Scoring(resolveInstalled(c.getString("scoring.file"))),
        new GridperfConfig.Log(logFormat),
        source);
  }

  /**
   * A relative local path that does not exist from the working directory is looked up under the
   * installation ({@code gridperf.home}, set by bin/gridperf), so {@code conf/scoring.conf} works
   * from any directory.
   */
  static String resolveInstalled(String location) {
    if (Storage.isUri(location) || java.nio.file.Path.of(location).isAbsolute()) {
      return location;
    }
    String home = System.getProperty("gridperf.home");
    if (home != null
        && !java.nio.file.Files.exists(java.nio.file.Path.of(location))
        && java.nio.file.Files.exists(java.nio.file.Path.of(home, location))) {
      return java.nio.file.Path.of(home, location).toString();
    }
    return location;
  }

  private static String origin(Config c, String key) {
    return c.getValue(key).origin().description();
  }

  private static String unquote(String key) {
    return key.replace("\"", "");
  }
}
