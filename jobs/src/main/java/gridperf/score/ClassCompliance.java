package gridperf.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import gridperf.config.ScoringConfig;
import gridperf.gold.ServiceVisits;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Retailers per class and service compliance per class under one scoring file (a what-if's classes
 * and menus recomputed from the lake, nothing written): for year Y, the classes of year Y − 1
 * (which set year Y's menus), their retailers, and the managers' (retailer, month) pairs of year Y
 * with how many met the class's menu.
 */
public final class ClassCompliance {
  private ClassCompliance() {}

  /** One class's line. */
  public record Line(String cls, String menu, long retailers, long pairs, long met) {
    /** met / pairs, or NULL without pairs. */
    public Double compliance() {
      return pairs == 0 ? null : (double) met / pairs;
    }
  }

  /** The lines of every class of {@code cfg} (rule order, then unclassified) for year {@code y}. */
  public static List<Line> of(Lake lake, ScoringConfig cfg, int y) {
    Dataset<Row> segments =
        ScoreJob.scenarioSegments(lake, cfg, SegmentRules.gold(), ScoreJob.assignedIntervals(lake))
            .persist();
    try {
      Map<String, Long> retailers = new HashMap<>();
      for (Row r :
          segments.where(col("year").equalTo(y - 1)).groupBy("class").count().collectAsList()) {
        retailers.put(r.getString(0), r.getLong(1));
      }
      Map<String, long[]> pairs = new HashMap<>();
      for (Row r :
          ServiceVisits.pairs(lake.read(TableId.SERVICE_VISITS), segments, cfg)
              .where(col("entity_type").equalTo("manager").and(col("year").equalTo(y)))
              .groupBy("class")
              .agg(count(lit(1)), count(when(col("met"), 1)))
              .collectAsList()) {
        pairs.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
      }
      return cfg.classes().classNames().stream()
          .map(
              c ->
                  new Line(
                      c,
                      ManagerStatement.menuText(cfg.classes().menuOf(c)),
                      retailers.getOrDefault(c, 0L),
                      pairs.getOrDefault(c, new long[2])[0],
                      pairs.getOrDefault(c, new long[2])[1]))
          .toList();
    } finally {
      segments.unpersist();
    }
  }

  /** The lines as a text table. */
  public static String render(List<Line> lines, int y) {
    TextTable t =
        new TextTable(
            "class " + (y - 1),
            "menu a month",
            "retailers>",
            "pairs " + y + ">",
            "met>",
            "compliance>");
    for (Line l : lines) {
      t.add(
          l.cls(),
          l.menu(),
          l.retailers(),
          l.pairs(),
          l.met(),
          l.compliance() == null ? "NULL" : String.format(Locale.ROOT, "%.4f", l.compliance()));
    }
    return t.render("  ");
  }
}
