package gridperf.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import gridperf.config.ServiceClasses;
import gridperf.config.ServiceClasses.ClassRule;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.ScalaSeq;
import gridperf.lakehouse.TableId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Retailer classes, preferred remote channel and service menus as Spark expressions (the class
 * rules of {@link ServiceClasses}). Rules: a retailer's class for year Y is the first rule matching
 * its year-Y segment and market type and its primary format, scale and grade of year Y — the value
 * held on most assigned days of the year, adding up the days of all versions with that value, ties
 * to the smallest value (grades as numbers); no match: {@code unclassified}. Its preferred remote
 * channel for year Y is, of phone and wechat, the one with more of its touchpoints in year Y (all
 * managers); a tie or none: phone. A (retailer, month) meets its class's menu when every entry is
 * met on its own by that channel's touchpoints, {@code remote} counted on the preferred channel.
 */
public final class RetailerClasses {
  private RetailerClasses() {}

  /**
   * Whether retailer_segment has class and service_visits the channel counts (a lake built before
   * they existed is rebuilt in full once).
   */
  static boolean storedColumnsPresent(Lake lake) {
    return List.of(lake.read(TableId.RETAILER_SEGMENT).columns()).contains("class")
        && List.of(lake.read(TableId.SERVICE_VISITS).columns()).contains("phone");
  }

  /**
   * Primary format, scale and grade per (retailer_code, year) from monthly assignment rows
   * (retailer_code, year, format, scale, grade, days — the assignment pre-aggregate or {@code
   * Assignment.monthly}).
   */
  public static Dataset<Row> attributes(Dataset<Row> assignedMonthly) {
    Dataset<Row> f = primary(assignedMonthly, "format");
    Dataset<Row> s = primary(assignedMonthly, "scale");
    Dataset<Row> g = primary(assignedMonthly, "grade");
    return f.join(s, ScalaSeq.of("retailer_code", "year"))
        .join(g, ScalaSeq.of("retailer_code", "year"));
  }

  /**
   * Part two's primary value of {@code attribute} per (retailer_code, year): most assigned days,
   * summed over versions with the value; ties to the smallest value.
   */
  static Dataset<Row> primary(Dataset<Row> assignedMonthly, String attribute) {
    return assignedMonthly
        .groupBy(col("retailer_code"), col("year"), col(attribute).as("_v"))
        .agg(sum("days").as("_d"))
        .groupBy("retailer_code", "year")
        .agg(min(struct(col("_d").multiply(-1).as("d"), col("_v").as("v"))).as("_p"))
        .select(col("retailer_code"), col("year"), col("_p.v").as(attribute));
  }

  /**
   * preferred_remote per (retailer_code, year) from the touchpoint pre-aggregate (phone, wechat
   * counts per version and month): wechat when it has strictly more touchpoints, else phone.
   * Retailers without touchpoints in the year have no row (phone when joined).
   */
  public static Dataset<Row> preferredRemote(Dataset<Row> touchpointPreaggregate) {
    return touchpointPreaggregate
        .groupBy("retailer_code", "year")
        .agg(sum("phone").as("_phone"), sum("wechat").as("_wechat"))
        .select(
            col("retailer_code"),
            col("year"),
            when(col("_wechat").gt(col("_phone")), lit("wechat"))
                .otherwise(lit("phone"))
                .as("preferred_remote"));
  }

  /**
   * Adds class and preferred_remote to segment rows (retailer_code, year, market_type,
   * revenue_yuan, segment): {@code attributes} from {@link #attributes}, {@code preferred} with
   * (retailer_code, year, preferred_remote) or null (all phone).
   */
  public static Dataset<Row> withClass(
      Dataset<Row> segments, Dataset<Row> attributes, Dataset<Row> preferred, ServiceClasses cfg) {
    Dataset<Row> joined = segments.join(attributes, ScalaSeq.of("retailer_code", "year"), "left");
    Column pref = lit("phone");
    if (preferred != null) {
      joined =
          joined.join(
              preferred.select(
                  col("retailer_code"), col("year"), col("preferred_remote").as("_pref")),
              ScalaSeq.of("retailer_code", "year"),
              "left");
      pref = coalesce(col("_pref"), lit("phone"));
    }
    return joined.select(
        col("retailer_code"),
        col("year"),
        col("market_type"),
        col("revenue_yuan"),
        col("segment"),
        classOf(cfg).as("class"),
        pref.as("preferred_remote"));
  }

  /**
   * The class expression over columns segment, market_type, format, scale, grade: the first
   * matching rule's name, else unclassified.
   */
  public static Column classOf(ServiceClasses cfg) {
    Column out = lit(ServiceClasses.UNCLASSIFIED);
    for (int i = cfg.rules().size() - 1; i >= 0; i--) {
      ClassRule r = cfg.rules().get(i);
      out = when(matches(r), lit(r.name())).otherwise(out);
    }
    return out;
  }

  private static Column matches(ClassRule r) {
    Column c = lit(true);
    c = c.and(in("segment", r.segments()));
    c = c.and(in("market_type", r.marketTypes()));
    c = c.and(in("format", r.formats()));
    c = c.and(in("scale", r.scales()));
    if (r.gradeMin() != null) {
      c = c.and(col("grade").between(r.gradeMin(), r.gradeMax()));
    }
    // a NULL attribute (no assigned day) matches no rule that tests it
    return coalesce(c, lit(false));
  }

  private static Column in(String column, Set<String> values) {
    return values.isEmpty() ? lit(true) : col(column).isin(values.toArray());
  }

  /** The class's menu entry for {@code channel} (0 when it has none) as an int column. */
  public static Column owed(ServiceClasses cfg, Column cls, String channel) {
    Column out = lit(0);
    for (Map.Entry<String, Map<String, Integer>> e : cfg.menu().entrySet()) {
      Integer n = e.getValue().get(channel);
      if (n != null && n != 0) {
        out = when(cls.equalTo(e.getKey()), lit(n)).otherwise(out);
      }
    }
    return out;
  }

  /** Σ of the class's menu entries (contacts a month, entry by entry). */
  public static Column owedTotal(ServiceClasses cfg, Column cls) {
    Column out = lit(0);
    for (Map.Entry<String, Map<String, Integer>> e : cfg.menu().entrySet()) {
      int n = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
      if (n != 0) {
        out = when(cls.equalTo(e.getKey()), lit(n)).otherwise(out);
      }
    }
    return out;
  }

  /** Whether the class owes something (a menu entry above 0); false for a NULL class. */
  public static Column owes(ServiceClasses cfg, Column cls) {
    Object[] owing = cfg.menu().keySet().stream().filter(cfg::owesSomething).toArray();
    return owing.length == 0 ? lit(false) : coalesce(cls.isin(owing), lit(false));
  }

  /**
   * Whether a month's touchpoints meet the class's menu: every entry checked on its own against the
   * count of its channel (columns visits, phone, wechat, training), remote against the preferred
   * channel's count.
   */
  public static Column met(ServiceClasses cfg, Column cls, Column preferredRemote) {
    Column remote = when(preferredRemote.equalTo("wechat"), col("wechat")).otherwise(col("phone"));
    Column out = lit(true);
    for (Map.Entry<String, Map<String, Integer>> e : cfg.menu().entrySet()) {
      Column ok = lit(true);
      for (Map.Entry<String, Integer> m : e.getValue().entrySet()) {
        Column have =
            switch (m.getKey()) {
              case "visit" -> col("visits");
              case "remote" -> remote;
              default -> col(m.getKey());
            };
        ok = ok.and(coalesce(have, lit(0L)).geq(m.getValue()));
      }
      out = when(cls.equalTo(e.getKey()), ok).otherwise(out);
    }
    return out;
  }
}
