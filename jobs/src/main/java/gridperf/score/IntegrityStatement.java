package gridperf.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.year;

import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * The integrity part of a manager's statement: the flags raised for the manager in the year
 * (integrity_flags) and the retailers that moved to or from the manager in the year
 * (handover_ledger) — what the manager inherited (the baseline of a retailer taken over) and what
 * they added (its uplift). Rendering is pure; {@link #read} collects the rows.
 */
public final class IntegrityStatement {
  private IntegrityStatement() {}

  /**
   * Reads the manager's flags and moves of the year; an older lake without the tables shows none.
   */
  public static String read(Lake lake, String manager, int y) {
    List<Row> flags =
        lake.exists(TableId.INTEGRITY_FLAGS)
            ? lake.read(TableId.INTEGRITY_FLAGS)
                .where(col("manager_code").equalTo(manager).and(col("year").equalTo(y)))
                .collectAsList()
            : List.of();
    List<Row> moves =
        lake.exists(TableId.HANDOVER_LEDGER)
            ? lake.read(TableId.HANDOVER_LEDGER)
                .where(
                    year(col("moved_on"))
                        .equalTo(y)
                        .and(
                            col("to_manager")
                                .equalTo(manager)
                                .or(col("from_manager").equalTo(manager))))
                .collectAsList()
            : List.of();
    return render(manager, y, flags, moves);
  }

  /** The section's text: integrity_flags rows of the manager and year, handover_ledger rows. */
  public static String render(String manager, int y, List<Row> flags, List<Row> moves) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(Locale.ROOT, "%nIntegrity flags %d (evidence to look at, not proof)%n", y));
    if (flags.isEmpty()) {
      sb.append("  none raised\n");
    } else {
      List<Row> sorted = new ArrayList<>(flags);
      sorted.sort(
          Comparator.<Row, Integer>comparing(r -> r.getAs("month"))
              .thenComparing(r -> r.<String>getAs("flag")));
      TextTable t = new TextTable("month", "flag", "value>", "threshold>", "evidence>");
      for (Row r : sorted) {
        t.add(
            String.format(Locale.ROOT, "%d-%02d", y, r.<Integer>getAs("month")),
            r.getAs("flag"),
            ManagerStatement.num(r.getAs("value"), 4),
            ManagerStatement.num(r.getAs("threshold"), 4),
            r.getAs("evidence"));
      }
      sb.append(t.render("  "));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%nHandovers %d (cases; post = first whole months under the new manager, baseline = the"
                + " same months a year earlier)%n",
            y));
    if (moves.isEmpty()) {
      sb.append("  no retailer moved to or from ").append(manager).append('\n');
      return sb.toString();
    }
    List<Row> sorted = new ArrayList<>(moves);
    sorted.sort(
        Comparator.<Row, String>comparing(r -> r.getAs("moved_on").toString())
            .thenComparing(r -> r.<String>getAs("retailer_code")));
    TextTable t =
        new TextTable(
            "retailer", "moved_on", "", "from", "to", "months>", "post>", "baseline>", "uplift>");
    BigDecimal inherited = BigDecimal.ZERO;
    BigDecimal added = BigDecimal.ZERO;
    BigDecimal handedOver = BigDecimal.ZERO;
    for (Row r : sorted) {
      boolean in = manager.equals(r.getAs("to_manager"));
      BigDecimal base = r.getAs("baseline_cases");
      BigDecimal uplift = r.getAs("uplift_cases");
      BigDecimal post = r.getAs("post_cases");
      if (in) {
        inherited = inherited.add(base == null ? BigDecimal.ZERO : base);
        added = added.add(uplift == null ? BigDecimal.ZERO : uplift);
      } else if (post != null) {
        handedOver = handedOver.add(post);
      }
      t.add(
          r.getAs("retailer_code"),
          r.getAs("moved_on").toString(),
          in ? "in" : "out",
          r.getAs("from_manager"),
          r.getAs("to_manager"),
          r.getAs("months_compared"),
          ManagerStatement.num(post, 3),
          ManagerStatement.num(base, 3),
          ManagerStatement.num(uplift, 3));
    }
    sb.append(t.render("  "));
    sb.append(
        String.format(
            Locale.ROOT,
            "  taken over: inherited %s cases (Σ baseline), added %s cases (Σ uplift); handed over:"
                + " %s cases (Σ post of retailers moved away)%n",
            ManagerStatement.num(inherited, 3),
            ManagerStatement.num(added, 3),
            ManagerStatement.num(handedOver, 3)));
    return sb.toString();
  }
}
