package gridperf.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code standards} section of the scoring file: the service standards a manager is held to
 * (service_standards) and the scorecard gate. Every key is optional; a missing key takes its
 * default, so a scoring file without the section scores exactly as before.
 *
 * @param selfChecksPerMonth self-inspections a month needs to count as met (default 2)
 * @param minSelfCheckMonthShare share of assigned months that must be met, 0..1 (default 1.0)
 * @param minSpotPassRate spot-check pass rate needed, 0..1 (default 0.90)
 * @param gateTier best tier of a manager whose year misses the standards: A, B, C, D or {@code
 *     none} (default: no gate)
 */
public record StandardsConfig(
    int selfChecksPerMonth,
    double minSelfCheckMonthShare,
    double minSpotPassRate,
    String gateTier) {

  /** The value of {@code gate_tier} that turns the gate off. */
  public static final String NO_GATE = "none";

  public static final StandardsConfig DEFAULTS = new StandardsConfig(2, 1.0, 0.90, NO_GATE);

  private static final Set<String> KEYS =
      Set.of(
          "self_checks_per_month", "min_self_check_month_share", "min_spot_pass_rate", "gate_tier");

  /** True when the gate can move a tier. */
  public boolean gated() {
    return !gateTier.equals(NO_GATE);
  }

  /** Reads {@code standards.*} of a scoring file; errors name the key and the file. */
  public static StandardsConfig parse(Config c, String src) {
    if (!c.hasPath("standards")) {
      return DEFAULTS;
    }
    Config s = c.getConfig("standards");
    for (Map.Entry<String, ConfigValue> e : s.root().entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        throw new ConfigException(
            "scoring file " + src + ": unknown key 'standards." + e.getKey() + "'");
      }
    }
    int perMonth = s.hasPath("self_checks_per_month") ? s.getInt("self_checks_per_month") : 2;
    if (perMonth < 0) {
      throw new ConfigException(
          "scoring file " + src + ": standards.self_checks_per_month must not be negative");
    }
    double share = share(s, "min_self_check_month_share", 1.0, src);
    double rate = share(s, "min_spot_pass_rate", 0.90, src);
    String gate = s.hasPath("gate_tier") ? s.getString("gate_tier") : NO_GATE;
    if (!List.of("A", "B", "C", "D", NO_GATE).contains(gate)) {
      throw new ConfigException(
          "scoring file "
              + src
              + ": standards.gate_tier must be A, B, C, D or none, got '"
              + gate
              + "'");
    }
    return new StandardsConfig(perMonth, share, rate, gate);
  }

  private static double share(Config s, String key, double dflt, String src) {
    double v = s.hasPath(key) ? s.getDouble(key) : dflt;
    if (!(v >= 0 && v <= 1)) {
      throw new ConfigException(
          "scoring file " + src + ": standards." + key + " must be within [0, 1]");
    }
    return v;
  }
}
