package gridperf.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import gridperf.job.IoReasons;
import gridperf.lakehouse.Storage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scoring file ({@code conf/scoring.conf}): scorecard components, segment cut-offs, retailer
 * classes and their service menus ({@link ServiceClasses}), tier cut-offs and bonus. Validated on
 * load; every error names the key and the file.
 */
public record ScoringConfig(
    List<Component> components,
    double segmentA,
    double segmentB,
    ServiceClasses classes,
    double tierA,
    double tierB,
    double tierC,
    double baseBonusYuan,
    Map<String, Double> multipliers,
    String source,
    StandardsConfig standards,
    IntegrityConfig integrity,
    FairScoring fair) {

  /** perf_manager yearly columns a component may score. */
  public static final Set<String> METRICS =
      Set.of(
          "target_attainment",
          "volume_yoy",
          "revenue_per_case",
          "order_rate",
          "service_compliance",
          "peak_end_avg",
          "complaints_per_100",
          "high_class_share",
          "visit_coverage",
          "mot_avg",
          "satisfaction_avg",
          "complaint_resolved_24h_rate");

  /** One scorecard component: its name (column prefix), the metric it scores, weight, direction. */
  public record Component(String name, String metric, double weight, boolean higherIsBetter) {}

  /** Visits a month owed to a retailer of class {@code cls} (0 when its menu has none). */
  public int visitsOwed(String cls) {
    return classes.owed(cls, "visit");
  }

  /**
   * Loads and validates a scoring file (path or URI); an empty location means {@link #defaults()}.
   */
  public static ScoringConfig load(String location) {
    if (location == null || location.isBlank()) {
      return defaults();
    }
    String text;
    try {
      text = Storage.readText(location);
    } catch (Exception e) {
      throw new ConfigException(
          "cannot read scoring file " + location + ": " + IoReasons.reason(e), e);
    }
    return parse(text, location);
  }

  /** The defaults of docs/contract.md, Manager scorecard (the scoring file shipped in the jar). */
  public static ScoringConfig defaults() {
    try (var in = ScoringConfig.class.getResourceAsStream("/gridperf/scoring.conf")) {
      return parse(
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
          "built-in conf/scoring.conf");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses and validates scoring settings; {@code source} names them in errors. */
  public static ScoringConfig parse(String text, String source) {
    Config c;
    try {
      c =
          ConfigFactory.parseString(
                  text, ConfigParseOptions.defaults().setOriginDescription(source))
              .resolve();
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException("bad scoring file " + source + ": " + e.getMessage(), e);
    }
    try {
      return build(c, source);
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException("scoring file " + source + ": " + e.getMessage(), e);
    }
  }

  private static ScoringConfig build(Config c, String src) {
    Set<String> known =
        Set.of(
            "components",
            "segments",
            "service_menu",
            "tiers",
            "base_bonus_yuan",
            "multipliers",
            "standards",
            "integrity",
            "classes");
    for (String k : c.root().keySet()) {
      if (!known.contains(k) && !FairScoring.KEYS.contains(k)) {
        throw new ConfigException("scoring file " + src + ": unknown key '" + k + "'");
      }
    }
    List<Component> components = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<? extends Config> list = c.getConfigList("components");
    for (int i = 0; i < list.size(); i++) {
      Config e = list.get(i);
      String at = "components[" + i + "]";
      for (String k : e.root().keySet()) {
        if (!Set.of("name", "metric", "weight", "better").contains(k)) {
          throw new ConfigException("scoring file " + src + ": unknown key '" + at + "." + k + "'");
        }
      }
      String name = e.getString("name");
      if (!name.matches("[a-z][a-z0-9_]*") || !names.add(name)) {
        throw new ConfigException(
            "scoring file "
                + src
                + ": "
                + at
                + ".name '"
                + name
                + "' must be a unique snake_case name");
      }
      String metric = e.getString("metric");
      if (!METRICS.contains(metric)) {
        throw new ConfigException(
            "scoring file "
                + src
                + ": "
                + at
                + ".metric: unknown metric '"
                + metric
                + "' (one of "
                + new java.util.TreeSet<>(METRICS)
                + ")");
      }
      double weight = e.getDouble("weight");
      if (weight < 0 || Double.isNaN(weight)) {
        throw new ConfigException(
            "scoring file " + src + ": " + at + ".weight must not be negative");
      }
      String better = e.getString("better");
      if (!better.equals("higher") && !better.equals("lower")) {
        throw new ConfigException(
            "scoring file " + src + ": " + at + ".better must be higher or lower");
      }
      components.add(new Component(name, metric, weight, better.equals("higher")));
    }
    if (components.isEmpty() || components.stream().mapToDouble(Component::weight).sum() <= 0) {
      throw new ConfigException("scoring file " + src + ": components: the weights are all zero");
    }
    double segA = c.getDouble("segments.a");
    double segB = c.getDouble("segments.b");
    ordered(src, "segments", segA, segB);
    ServiceClasses classes = ServiceClasses.parse(c, src);
    onlyKeys(c, "segments", Set.of("a", "b"), src);
    onlyKeys(c, "tiers", Set.of("a", "b", "c"), src);
    onlyKeys(c, "multipliers", Set.of("A", "B", "C", "D"), src);
    double tA = c.getDouble("tiers.a");
    double tB = c.getDouble("tiers.b");
    double tC = c.getDouble("tiers.c");
    ordered(src, "tiers", tA, tB, tC);
    double base = c.getDouble("base_bonus_yuan");
    if (base < 0) {
      throw new ConfigException("scoring file " + src + ": base_bonus_yuan must not be negative");
    }
    Map<String, Double> mult = new java.util.TreeMap<>();
    for (String t : List.of("A", "B", "C", "D")) {
      double m = c.getDouble("multipliers." + t);
      if (m < 0) {
        throw new ConfigException(
            "scoring file " + src + ": multipliers." + t + " must not be negative");
      }
      mult.put(t, m);
    }
    return new ScoringConfig(
        List.copyOf(components),
        segA,
        segB,
        classes,
        tA,
        tB,
        tC,
        base,
        Map.copyOf(mult),
        src,
        StandardsConfig.parse(c, src),
        IntegrityConfig.parse(c, src),
        FairScoring.parse(c, src));
  }

  private static void onlyKeys(Config c, String path, Set<String> allowed, String src) {
    for (Map.Entry<String, ConfigValue> e : c.getConfig(path).root().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw new ConfigException(
            "scoring file " + src + ": unknown key '" + path + "." + e.getKey() + "'");
      }
    }
  }

  private static void ordered(String src, String key, double... cuts) {
    double prev = 0;
    for (double v : cuts) {
      if (!(v > prev) || v > 1) {
        throw new ConfigException(
            "scoring file "
                + src
                + ": "
                + key
                + " cut-offs must rise strictly within (0, 1], got "
                + java.util.Arrays.toString(cuts));
      }
      prev = v;
    }
  }
}
