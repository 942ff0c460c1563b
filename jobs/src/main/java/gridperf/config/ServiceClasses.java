package gridperf.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import gridperf.ingest.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Retailer classes and the service menu of each class ({@code classes} and {@code service_menu} of
 * the scoring file). A class is the name of the first rule whose conditions all match a retailer's
 * year (segment, market type, primary format, scale and grade); no match is {@link #UNCLASSIFIED}.
 * The menu gives each class contacts a month per channel; the short form {@code A = 4} means four
 * visits. A class missing from the menu, and {@code unclassified}, owe nothing.
 *
 * @param rules the class rules in order (first match wins)
 * @param menu per class name, contacts a month per channel in {@link #CHANNELS} order
 */
public record ServiceClasses(List<ClassRule> rules, Map<String, Map<String, Integer>> menu) {
  /** The class of a retailer that matches no rule. */
  public static final String UNCLASSIFIED = "unclassified";

  /** Menu channels; {@code remote} is the retailer's preferred of phone and wechat. */
  public static final List<String> CHANNELS =
      List.of("visit", "phone", "wechat", "training", "remote");

  static final Set<String> SEGMENTS = Values.ordered("A", "B", "C");
  static final Set<String> FORMATS =
      Values.ordered(
          "grocery", "convenience", "supermarket", "tobacco_liquor", "entertainment", "other");
  static final Set<String> MARKET_TYPES = Values.ordered("urban", "town", "rural");
  static final Set<String> SCALES = Values.ordered("large", "medium", "small");

  /**
   * One class rule; an empty set (or NULL grade bounds) matches everything.
   *
   * @param gradeMin inclusive, or null
   * @param gradeMax inclusive, or null
   */
  public record ClassRule(
      String name,
      Set<String> segments,
      Set<String> formats,
      Set<String> marketTypes,
      Set<String> scales,
      Integer gradeMin,
      Integer gradeMax) {

    /** Whether the rule matches these attributes (the Java twin of the Spark expression). */
    public boolean matches(
        String segment, String marketType, String format, String scale, int grade) {
      return in(segments, segment)
          && in(marketTypes, marketType)
          && in(formats, format)
          && in(scales, scale)
          && (gradeMin == null || (grade >= gradeMin && grade <= gradeMax));
    }

    private static boolean in(Set<String> allowed, String v) {
      return allowed.isEmpty() || allowed.contains(v);
    }
  }

  /** The default: classes A, B and C by segment, menu A = 4, B = 2, C = 1 visits. */
  public static ServiceClasses defaults() {
    List<ClassRule> r = new ArrayList<>();
    for (String s : List.of("A", "B", "C")) {
      r.add(new ClassRule(s, Set.of(s), Set.of(), Set.of(), Set.of(), null, null));
    }
    Map<String, Map<String, Integer>> m = new LinkedHashMap<>();
    m.put("A", Map.of("visit", 4));
    m.put("B", Map.of("visit", 2));
    m.put("C", Map.of("visit", 1));
    return new ServiceClasses(List.copyOf(r), Collections.unmodifiableMap(m));
  }

  /** Contacts a month of {@code channel} owed to class {@code cls} (0 when not on its menu). */
  public int owed(String cls, String channel) {
    Map<String, Integer> m = menu.get(cls);
    return m == null ? 0 : m.getOrDefault(channel, 0);
  }

  /** The menu of a class in channel order (empty when it owes nothing). */
  public Map<String, Integer> menuOf(String cls) {
    return menu.getOrDefault(cls, Map.of());
  }

  /** A class owes something when its menu has an entry above 0. */
  public boolean owesSomething(String cls) {
    return menuOf(cls).values().stream().anyMatch(v -> v > 0);
  }

  /** Class names in rule order, then {@link #UNCLASSIFIED}. */
  public List<String> classNames() {
    List<String> out = new ArrayList<>();
    for (ClassRule r : rules) {
      if (!out.contains(r.name())) {
        out.add(r.name());
      }
    }
    out.add(UNCLASSIFIED);
    return out;
  }

  /** The class of one retailer-year (first matching rule). */
  public String classify(
      String segment, String marketType, String format, String scale, int grade) {
    for (ClassRule r : rules) {
      if (r.matches(segment, marketType, format, scale, grade)) {
        return r.name();
      }
    }
    return UNCLASSIFIED;
  }

  /**
   * Reads {@code classes} (default: A, B, C by segment) and {@code service_menu} from a scoring
   * file; errors name the key and {@code src}.
   */
  public static ServiceClasses parse(Config c, String src) {
    List<ClassRule> rules = c.hasPath("classes") ? rules(c, src) : defaults().rules();
    Set<String> names = new LinkedHashSet<>();
    for (ClassRule r : rules) {
      names.add(r.name());
    }
    Map<String, Map<String, Integer>> menu = new LinkedHashMap<>();
    if (!c.hasPath("service_menu")) {
      menu.putAll(defaults().menu());
    } else {
      for (Map.Entry<String, ConfigValue> e : c.getConfig("service_menu").root().entrySet()) {
        String cls = e.getKey();
        String at = "service_menu." + cls;
        if (!names.contains(cls)) {
          throw fail(
              src, at + ": no class rule defines class '" + cls + "' (classes: " + names + ")");
        }
        Map<String, Integer> entries = new LinkedHashMap<>();
        if (e.getValue().valueType() == ConfigValueType.OBJECT) {
          Config m = c.getConfig("service_menu").getConfig(quote(cls));
          Set<String> keys = m.root().keySet();
          for (String k : keys) {
            if (!CHANNELS.contains(k)) {
              throw fail(src, "unknown channel '" + at + "." + k + "' (one of " + CHANNELS + ")");
            }
          }
          for (String ch : CHANNELS) {
            if (keys.contains(ch)) {
              entries.put(ch, count(m, ch, at + "." + ch, src));
            }
          }
        } else {
          entries.put("visit", count(c.getConfig("service_menu"), quote(cls), at, src));
        }
        menu.put(cls, Collections.unmodifiableMap(entries));
      }
    }
    return new ServiceClasses(List.copyOf(rules), Collections.unmodifiableMap(menu));
  }

  private static int count(Config c, String path, String at, String src) {
    int v;
    try {
      v = c.getInt(path);
    } catch (com.typesafe.config.ConfigException e) {
      throw fail(src, at + " must be a whole number of contacts a month");
    }
    if (v < 0) {
      throw fail(src, at + " must not be negative");
    }
    return v;
  }

  private static List<ClassRule> rules(Config c, String src) {
    List<? extends Config> list;
    try {
      list = c.getConfigList("classes");
    } catch (com.typesafe.config.ConfigException e) {
      throw fail(src, "classes must be a list of rules { name = …, segments = [...], … }");
    }
    if (list.isEmpty()) {
      throw fail(src, "classes must have at least one rule");
    }
    List<ClassRule> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Config e = list.get(i);
      String at = "classes[" + i + "]";
      for (String k : e.root().keySet()) {
        if (!Set.of("name", "segments", "formats", "market_types", "scales", "grades")
            .contains(k)) {
          throw fail(src, "unknown key '" + at + "." + k + "'");
        }
      }
      if (!e.hasPath("name")) {
        throw fail(src, at + ".name is missing");
      }
      String name = e.getString("name");
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*") || name.equals(UNCLASSIFIED)) {
        throw fail(
            src,
            at
                + ".name '"
                + name
                + "' must be a word of letters, digits, _ or - (not '"
                + UNCLASSIFIED
                + "')");
      }
      if (!seen.add(name)) {
        throw fail(src, at + ".name '" + name + "' is defined twice");
      }
      Integer gMin = null;
      Integer gMax = null;
      if (e.hasPath("grades")) {
        List<Integer> g;
        try {
          g = e.getIntList("grades");
        } catch (com.typesafe.config.ConfigException x) {
          throw fail(src, at + ".grades must be [min, max]");
        }
        if (g.size() != 2) {
          throw fail(src, at + ".grades must be [min, max]");
        }
        gMin = g.get(0);
        gMax = g.get(1);
        if (gMin < 1 || gMax > 30 || gMin > gMax) {
          throw fail(src, at + ".grades " + g + " must lie within 1..30 with min <= max");
        }
      }
      out.add(
          new ClassRule(
              name,
              values(e, "segments", SEGMENTS, at, src),
              values(e, "formats", FORMATS, at, src),
              values(e, "market_types", MARKET_TYPES, at, src),
              values(e, "scales", SCALES, at, src),
              gMin,
              gMax));
    }
    return out;
  }

  private static Set<String> values(
      Config e, String key, Set<String> allowed, String at, String src) {
    if (!e.hasPath(key)) {
      return Set.of();
    }
    List<String> vs;
    try {
      vs = e.getStringList(key);
    } catch (com.typesafe.config.ConfigException x) {
      throw fail(src, at + "." + key + " must be a list");
    }
    if (vs.isEmpty()) {
      throw fail(src, at + "." + key + " is empty (leave the condition out to match everything)");
    }
    for (String v : vs) {
      if (!allowed.contains(v)) {
        throw fail(
            src,
            at + "." + key + ": unknown value '" + v + "' (one of " + new TreeSet<>(allowed) + ")");
      }
    }
    return Collections.unmodifiableSet(new TreeSet<>(vs));
  }

  private static String quote(String key) {
    return "\"" + key + "\"";
  }

  private static ConfigException fail(String src, String msg) {
    return new ConfigException("scoring file " + src + ": " + msg);
  }
}
