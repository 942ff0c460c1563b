package gridperf.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

import gridperf.config.ScoringConfig;
import gridperf.config.ServiceClasses;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A retailer's year ({@code statement --retailer R --year Y}): its class and preferred remote
 * channel (of the year before), the menu owed and delivered month by month and channel by channel,
 * its ratings in time order with the peak and the end marked, and its volume against last year.
 * Reads perf_retailer, retailer_segment, dim_retailer and fact_touchpoint (read-only).
 */
public final class RetailerStatement {
  private RetailerStatement() {}

  /**
   * What the statement shows.
   *
   * @param name the retailer's latest name (may be null)
   * @param segmentRow retailer_segment of the year before (null without one)
   * @param year perf_retailer Y row of the year
   * @param lastYear perf_retailer Y row of the year before (null without one)
   * @param months perf_retailer M rows of the year, in month order
   * @param delivered per month (1..12), touchpoints per channel credited to any manager
   * @param ratings touchpoints with a satisfaction, in time order: ts text, event_id, channel,
   *     manager_code, satisfaction
   */
  public record Input(
      ScoringConfig cfg,
      String retailer,
      String name,
      int y,
      Row segmentRow,
      Row year,
      Row lastYear,
      List<Row> months,
      Map<Integer, Map<String, Long>> delivered,
      List<Row> ratings) {}

  /** Reads the statement's rows; a retailer or year that does not exist is one clear error. */
  public static Input read(Lake lake, ScoringConfig cfg, String retailer, int year) {
    List<Row> dim =
        lake.read(TableId.DIM_RETAILER)
            .where(col("retailer_code").equalTo(retailer))
            .orderBy(col("valid_from").desc())
            .select("retailer_name")
            .collectAsList();
    if (dim.isEmpty()) {
      throw new IllegalArgumentException("no retailer " + retailer + " in dim_retailer");
    }
    if (!lake.exists(TableId.PERF_RETAILER)) {
      throw new IllegalArgumentException("perf_retailer does not exist yet: run build first");
    }
    Dataset<Row> perf =
        lake.read(TableId.PERF_RETAILER).where(col("retailer_code").equalTo(retailer));
    List<Row> yearRow =
        perf.where(col("period_type").equalTo("Y").and(col("year").equalTo(year))).collectAsList();
    if (yearRow.isEmpty()) {
      throw new IllegalArgumentException(
          "retailer "
              + retailer
              + " has no row in "
              + year
              + " (neither assigned nor with a credited sale or touchpoint that year)");
    }
    List<Row> last =
        perf.where(col("period_type").equalTo("Y").and(col("year").equalTo(year - 1)))
            .collectAsList();
    List<Row> months =
        perf.where(col("period_type").equalTo("M").and(col("year").equalTo(year)))
            .orderBy("period")
            .collectAsList();
    List<Row> seg =
        lake.read(TableId.RETAILER_SEGMENT)
            .where(col("retailer_code").equalTo(retailer).and(col("year").equalTo(year - 1)))
            .collectAsList();
    Dataset<Row> tp =
        lake.read(TableId.FACT_TOUCHPOINT)
            .where(col("year").equalTo(year).and(col("retailer_code").equalTo(retailer)));
    Map<Integer, Map<String, Long>> delivered = new HashMap<>();
    for (Row r : tp.groupBy("month", "channel").count().collectAsList()) {
      delivered
          .computeIfAbsent(r.<Integer>getAs("month"), k -> new HashMap<>())
          .put(r.getAs("channel"), r.<Long>getAs("count"));
    }
    List<Row> ratings =
        tp.where(col("satisfaction").isNotNull())
            .orderBy("ts", "event_id")
            .select(
                date_format(col("ts"), "yyyy-MM-dd HH:mm").as("ts"),
                col("event_id"),
                col("channel"),
                col("manager_code"),
                col("satisfaction"))
            .collectAsList();
    return new Input(
        cfg,
        retailer,
        dim.get(0).getString(0),
        year,
        seg.isEmpty() ? null : seg.get(0),
        yearRow.get(0),
        last.isEmpty() ? null : last.get(0),
        months,
        delivered,
        ratings);
  }

  /** Renders the statement (pure). */
  public static String render(Input in) {
    StringBuilder sb = new StringBuilder();
    ServiceClasses classes = in.cfg().classes();
    Row y = in.year();
    sb.append(
        String.format(
            Locale.ROOT,
            "Retailer %s%s, %d; scoring file %s%n",
            in.retailer(),
            in.name() == null || in.name().isBlank() ? "" : " " + in.name(),
            in.y(),
            in.cfg().source()));
    sb.append(
        String.format(
            Locale.ROOT,
            "Primary grid %s, manager %s; %d assigned days%n",
            text(y.getAs("primary_grid_code")),
            text(y.getAs("primary_manager_code")),
            y.<Long>getAs("assigned_days")));
    String cls = null;
    String preferred = "phone";
    if (in.segmentRow() == null) {
      sb.append(
          String.format(
              Locale.ROOT,
              "Class: none (no segment of %d), so nothing is owed this year%n",
              in.y() - 1));
    } else {
      cls = in.segmentRow().getAs("class");
      preferred = in.segmentRow().getAs("preferred_remote");
      sb.append(
          String.format(
              Locale.ROOT,
              "Class %s (of %d: segment %s, market type %s); preferred remote channel %s%n",
              cls,
              in.y() - 1,
              in.segmentRow().<String>getAs("segment"),
              in.segmentRow().<String>getAs("market_type"),
              preferred));
      sb.append(
          String.format(
              Locale.ROOT, "Menu a month: %s%n", ManagerStatement.menuText(classes.menuOf(cls))));
    }

    sb.append(
        String.format(Locale.ROOT, "%nService month by month (delivered / owed; any manager)%n"));
    Map<String, Integer> menu = cls == null ? Map.of() : classes.menuOf(cls);
    List<String> header = new ArrayList<>(List.of("month", "days>", "manager"));
    for (String ch : ServiceClasses.CHANNELS) {
      header.add(ch.equals("remote") ? "remote (" + preferred + ")>" : ch + ">");
    }
    header.add("menu");
    TextTable t = new TextTable(header.toArray(String[]::new));
    int owedMonths = 0;
    int metMonths = 0;
    for (Row m : in.months()) {
      int month = Integer.parseInt(m.<String>getAs("period").substring(5));
      Map<String, Long> got = in.delivered().getOrDefault(month, Map.of());
      long days = m.<Long>getAs("assigned_days");
      boolean owes = cls != null && days > 0 && classes.owesSomething(cls);
      boolean met = owes;
      List<Object> cells =
          new ArrayList<>(List.of(m.getAs("period"), days, text(m.getAs("primary_manager_code"))));
      for (String ch : ServiceClasses.CHANNELS) {
        long n = got.getOrDefault(ch.equals("remote") ? preferred : ch, 0L);
        Integer owed = menu.get(ch);
        if (owes && owed != null) {
          cells.add(n + "/" + owed);
          met &= n >= owed;
        } else {
          cells.add(ch.equals("remote") ? "" : Long.toString(n));
        }
      }
      cells.add(!owes ? "-" : met ? "met" : "NOT met");
      owedMonths += owes ? 1 : 0;
      metMonths += met ? 1 : 0;
      t.add(cells.toArray());
    }
    sb.append(t.render("  "));
    sb.append(
        String.format(
            Locale.ROOT,
            "Menu met in %d of %d months owed; owed %d visits and %d contacts in all%n",
            metMonths,
            owedMonths,
            y.<Long>getAs("visits_owed"),
            y.<Long>getAs("contacts_owed")));

    sb.append(String.format(Locale.ROOT, "%nRatings in time order%n"));
    if (in.ratings().isEmpty()) {
      sb.append("  none\n");
    } else {
      int peak = 0;
      for (int i = 1; i < in.ratings().size(); i++) {
        int d = Math.abs(in.ratings().get(i).<Integer>getAs("satisfaction") - 3);
        int best = Math.abs(in.ratings().get(peak).<Integer>getAs("satisfaction") - 3);
        if (d >= best) {
          peak = i; // ties: the later one
        }
      }
      int end = in.ratings().size() - 1;
      TextTable r = new TextTable("time", "event", "channel", "manager", "rating>", "");
      for (int i = 0; i < in.ratings().size(); i++) {
        Row x = in.ratings().get(i);
        String mark =
            i == peak && i == end ? "peak, end" : i == peak ? "peak" : i == end ? "end" : "";
        r.add(
            x.getAs("ts"),
            x.getAs("event_id"),
            x.getAs("channel"),
            text(x.getAs("manager_code")),
            x.getAs("satisfaction"),
            mark);
      }
      sb.append(r.render("  "));
      sb.append(
          String.format(
              Locale.ROOT,
              "Peak–end score %s = (peak %d + end %d) / 2%n",
              ManagerStatement.num(y.getAs("peak_end"), 4),
              in.ratings().get(peak).<Integer>getAs("satisfaction"),
              in.ratings().get(end).<Integer>getAs("satisfaction")));
    }

    BigDecimal vol = y.getAs("volume_cases");
    sb.append(
        String.format(
            Locale.ROOT,
            "%nVolume %s cases, revenue %s yuan; %s%n",
            ManagerStatement.num(vol, 3),
            ManagerStatement.num(y.getAs("revenue_yuan"), 2),
            in.lastYear() == null
                ? "no row in " + (in.y() - 1)
                : String.format(
                    Locale.ROOT,
                    "%d: %s cases, change %s",
                    in.y() - 1,
                    ManagerStatement.num(in.lastYear().getAs("volume_cases"), 3),
                    y.getAs("volume_yoy") == null
                        ? "NULL"
                        : ManagerStatement.num(y.<Double>getAs("volume_yoy") * 100, 1) + " %")));
    return sb.toString();
  }

  private static String text(Object v) {
    return v == null ? "-" : v.toString();
  }
}
