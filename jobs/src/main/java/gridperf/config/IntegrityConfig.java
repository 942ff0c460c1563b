package gridperf.config;

import com.typesafe.config.Config;
import java.util.Map;
import java.util.Set;

/**
 * The {@code integrity} settings of the scoring file: the thresholds of the four integrity flags
 * (docs/integrity.md). The section and each key are optional; a missing key takes its default.
 * Shares lie in [0, 1]; minimum counts are whole numbers ≥ 1.
 */
public record IntegrityConfig(
    double bunchingMinShare,
    long bunchingMinVisits,
    double tokenMinShare,
    long tokenMinCount,
    double shortMinShare,
    long shortMinVisits,
    double repeatMinShare,
    long repeatMinCount) {

  /** The shipped defaults. */
  public static final IntegrityConfig DEFAULTS =
      new IntegrityConfig(0.5, 10, 0.05, 3, 0.25, 10, 0.1, 5);

  private static final Map<String, Set<String>> KEYS =
      Map.of(
          "visit_bunching", Set.of("min_share", "min_visits"),
          "token_orders", Set.of("min_share", "min_count"),
          "short_visits", Set.of("min_share", "min_visits"),
          "repeat_visits", Set.of("min_share", "min_count"));

  /**
   * Reads the {@code integrity} section of {@code c} (absent: the defaults); errors name the key.
   */
  public static IntegrityConfig parse(Config c, String src) {
    if (!c.hasPath("integrity")) {
      return DEFAULTS;
    }
    Config i = c.getConfig("integrity");
    for (String group : i.root().keySet()) {
      Set<String> allowed = KEYS.get(group);
      if (allowed == null || !(i.getValue(group) instanceof com.typesafe.config.ConfigObject)) {
        throw new ConfigException(
            "scoring file " + src + ": unknown key 'integrity." + group + "'");
      }
      for (String k : i.getConfig(group).root().keySet()) {
        if (!allowed.contains(k)) {
          throw new ConfigException(
              "scoring file " + src + ": unknown key 'integrity." + group + "." + k + "'");
        }
      }
    }
    IntegrityConfig d = DEFAULTS;
    return new IntegrityConfig(
        share(i, "visit_bunching.min_share", d.bunchingMinShare(), src),
        count(i, "visit_bunching.min_visits", d.bunchingMinVisits(), src),
        share(i, "token_orders.min_share", d.tokenMinShare(), src),
        count(i, "token_orders.min_count", d.tokenMinCount(), src),
        share(i, "short_visits.min_share", d.shortMinShare(), src),
        count(i, "short_visits.min_visits", d.shortMinVisits(), src),
        share(i, "repeat_visits.min_share", d.repeatMinShare(), src),
        count(i, "repeat_visits.min_count", d.repeatMinCount(), src));
  }

  private static double share(Config i, String key, double dflt, String src) {
    if (!i.hasPath(key)) {
      return dflt;
    }
    double v = number(i, key, src);
    if (!(v >= 0 && v <= 1)) {
      throw new ConfigException(
          "scoring file " + src + ": integrity." + key + " must lie in [0, 1], got " + v);
    }
    return v;
  }

  private static long count(Config i, String key, long dflt, String src) {
    if (!i.hasPath(key)) {
      return dflt;
    }
    double v = number(i, key, src);
    if (!(v >= 1) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
      throw new ConfigException(
          "scoring file " + src + ": integrity." + key + " must be a whole number ≥ 1, got " + v);
    }
    return (long) v;
  }

  private static double number(Config i, String key, String src) {
    try {
      return i.getDouble(key);
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException(
          "scoring file " + src + ": integrity." + key + " must be a number", e);
    }
  }
}
