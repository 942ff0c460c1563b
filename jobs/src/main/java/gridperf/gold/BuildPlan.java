package gridperf.gold;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one build recomputes. A full build rewrites every table. An incremental build recomputes the
 * whole years of the affected periods (a year's distinct counts and segments need all its months)
 * but writes only: the periods {@link Periods#affectedBy} the changed months (their month, quarter
 * and year, and the same periods a year later for volume_yoy and service_compliance),
 * retailer_segment of the changed months' years, and service_visits of the changed months.
 */
public record BuildPlan(
    boolean full, Set<YearMonth> changedMonths, Set<Periods.Key> periods, String reason) {

  /** Rebuild everything. */
  public static BuildPlan full(Set<YearMonth> allMonths, String reason) {
    return new BuildPlan(true, allMonths, Periods.affectedBy(allMonths), reason);
  }

  /** Rebuild what these months affect. */
  public static BuildPlan incremental(Set<YearMonth> changed, String reason) {
    return new BuildPlan(false, changed, Periods.affectedBy(changed), reason);
  }

  /** Nothing to do. */
  public boolean empty() {
    return !full && changedMonths.isEmpty();
  }

  /** Years whose rows are computed. */
  public Set<Integer> computedYears() {
    Set<Integer> out = new TreeSet<>();
    for (Periods.Key k : periods) {
      out.add(k.year());
    }
    return out;
  }

  /** Years written to retailer_segment. */
  public Set<Integer> segmentYears() {
    Set<Integer> out = new TreeSet<>();
    for (YearMonth m : changedMonths) {
      out.add(m.getYear());
    }
    return out;
  }

  /** Years before computed years that are not computed (their stored rows are read). */
  public Set<Integer> storedPriorYears() {
    Set<Integer> out = new TreeSet<>();
    for (int y : computedYears()) {
      if (!computedYears().contains(y - 1)) {
        out.add(y - 1);
      }
    }
    return out;
  }

  /** Period keys as {@link FileLayout} sees them: "M|2015-07". */
  public List<String> periodLayoutKeys() {
    List<String> out = new ArrayList<>();
    for (Periods.Key k : periods) {
      out.add(k.type() + "|" + k.period());
    }
    return out;
  }

  /**
   * (year, period type) keys of the planned periods as {@link FileLayout} sees them: "2015|M", for
   * a table written one file per year and period type.
   */
  public List<String> yearTypeLayoutKeys() {
    List<String> out = new ArrayList<>();
    for (Periods.Key k : periods) {
      String key = k.year() + "|" + k.type();
      if (!out.contains(key)) {
        out.add(key);
      }
    }
    return out;
  }
}
