package gridperf.ingest;

import gridperf.landingfiles.LandingSource;
import gridperf.silver.DimGrid;
import gridperf.silver.DimManager;
import gridperf.silver.DimPilot;
import gridperf.silver.DimProduct;
import gridperf.silver.DimRetailer;
import gridperf.silver.FactTarget;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Validates the master rows (small; on the driver) in dependency order — grids, managers, products,
 * retailers (grid and manager must be accepted), targets (manager must be accepted) — applying the
 * same precedence as facts (first valid row per key, later equal rows duplicates, later different
 * rows corrections). A quarantined retailer version does not exist.
 */
public final class MasterValidator {
  /** Everything master validation produces. */
  public record Result(MasterData data, Map<LandingSource, List<Row>> dims, List<Row> statuses) {
    public StructType schemaOf(LandingSource s) {
      return switch (s) {
        case GRIDS -> DimGrid.SCHEMA;
        case MANAGERS -> DimManager.SCHEMA;
        case PRODUCTS -> DimProduct.SCHEMA;
        case RETAILERS -> DimRetailer.SCHEMA;
        case TARGETS -> FactTarget.SCHEMA;
        case PILOTS -> DimPilot.SCHEMA;
        default -> throw new IllegalArgumentException(s.toString());
      };
    }
  }

  private MasterValidator() {}

  /** Validates bronze master rows (Bronze.SCHEMA), in any order. */
  public static Result validate(List<Row> bronzeRows) {
    List<Row> rows = new ArrayList<>(bronzeRows);
    rows.sort(Bronze.PRECEDENCE);
    Map<String, String> grids = new HashMap<>();
    Set<String> managers = new HashSet<>();
    Map<String, Integer> products = new HashMap<>();
    Map<LandingSource, List<Row>> dims = new EnumMap<>(LandingSource.class);
    List<Row> statuses = new ArrayList<>();
    Map<String, List<MasterData.Version>> versions = new HashMap<>();
    for (LandingSource s :
        List.of(
            LandingSource.GRIDS,
            LandingSource.MANAGERS,
            LandingSource.PRODUCTS,
            LandingSource.RETAILERS,
            LandingSource.TARGETS,
            LandingSource.PILOTS)) {
      Map<List<Object>, Object[]> winners = new LinkedHashMap<>();
      Map<Integer, Object> kept = new LinkedHashMap<>(); // status index -> first key column
      for (Row r : rows) {
        if (!r.getString(0).equals(s.label())) {
          continue;
        }
        String status;
        String reason = null;
        String detail = null;
        Object firstKey = null;
        try {
          if (r.isNullAt(5)) {
            throw Reason.MALFORMED.reject(r.getString(6));
          }
          Object[] typed = MasterRules.typed(s, r.getList(5), grids, managers);
          List<Object> key = Arrays.asList(typed).subList(0, MasterRules.keyWidth(s));
          firstKey = typed[0];
          Object[] winner = winners.get(key);
          if (winner != null && Arrays.equals(winner, typed)) {
            status = RowStatus.DUPLICATE;
          } else {
            status = RowStatus.ACCEPTED;
            winners.put(List.copyOf(key), typed);
          }
        } catch (Reason.Reject e) {
          status = RowStatus.QUARANTINED;
          reason = e.reason().name();
          detail = e.getMessage();
        }
        if (firstKey != null) {
          kept.put(statuses.size(), firstKey);
        }
        statuses.add(Bronze.status(r, status, reason, detail));
      }
      if (s == LandingSource.PILOTS) {
        quarantineDisagreeingWindows(winners, kept, statuses);
      }
      List<Row> dimRows = new ArrayList<>();
      switch (s) {
        case GRIDS -> winners.values().forEach(t -> grids.put((String) t[0], (String) t[3]));
        case MANAGERS -> winners.values().forEach(t -> managers.add((String) t[0]));
        case PRODUCTS -> winners.values().forEach(t -> products.put((String) t[0], (Integer) t[3]));
        default -> {}
      }
      if (s == LandingSource.RETAILERS) {
        dimRows.addAll(retailerVersions(winners.values(), grids, versions));
      } else {
        winners.values().forEach(t -> dimRows.add(RowFactory.create(t)));
      }
      dims.put(s, dimRows);
    }
    Map<String, MasterData.Version[]> byRetailer = new HashMap<>();
    versions.forEach((k, v) -> byRetailer.put(k, v.toArray(new MasterData.Version[0])));
    return new Result(new MasterData(grids, managers, products, byRetailer), dims, statuses);
  }

  /**
   * A pilot whose accepted rows disagree on start_month or end_month has every row it kept
   * (accepted or duplicate) moved to quarantine [OUT_OF_RANGE], and leaves the winners.
   */
  private static void quarantineDisagreeingWindows(
      Map<List<Object>, Object[]> winners, Map<Integer, Object> kept, List<Row> statuses) {
    Map<Object, Set<List<Object>>> windows = new HashMap<>();
    winners
        .values()
        .forEach(t -> windows.computeIfAbsent(t[0], k -> new HashSet<>()).add(List.of(t[4], t[5])));
    Set<Object> bad = new HashSet<>();
    windows.forEach(
        (pilot, w) -> {
          if (w.size() > 1) {
            bad.add(pilot);
          }
        });
    if (bad.isEmpty()) {
      return;
    }
    winners.values().removeIf(t -> bad.contains(t[0]));
    for (Map.Entry<Integer, Object> e : kept.entrySet()) {
      int i = e.getKey();
      Object pilot = e.getValue();
      Row st = statuses.get(i);
      if (bad.contains(pilot)) {
        statuses.set(
            i,
            RowFactory.create(
                st.get(0),
                st.get(1),
                st.get(2),
                st.get(3),
                st.get(4),
                st.get(5),
                RowStatus.QUARANTINED,
                Reason.OUT_OF_RANGE.name(),
                "pilot " + pilot + ": its rows disagree on start_month or end_month",
                st.get(9)));
      }
    }
  }

  private static List<Row> retailerVersions(
      java.util.Collection<Object[]> winners,
      Map<String, String> grids,
      Map<String, List<MasterData.Version>> versions) {
    List<Object[]> sorted = new ArrayList<>(winners);
    sorted.sort(
        Comparator.comparing((Object[] t) -> (String) t[0]).thenComparing(t -> (LocalDate) t[1]));
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Object[] t = sorted.get(i);
      LocalDate from = (LocalDate) t[1];
      LocalDate to =
          i + 1 < sorted.size() && sorted.get(i + 1)[0].equals(t[0])
              ? (LocalDate) sorted.get(i + 1)[1]
              : null;
      String market = grids.get((String) t[6]);
      out.add(
          RowFactory.create(
              t[0],
              Date.valueOf(from),
              to == null ? null : Date.valueOf(to),
              t[2],
              t[3],
              t[4],
              t[5],
              t[6],
              t[7],
              t[8],
              market));
      versions
          .computeIfAbsent((String) t[0], k -> new ArrayList<>())
          .add(
              new MasterData.Version(
                  from,
                  to,
                  (String) t[8],
                  (String) t[6],
                  (String) t[7],
                  (String) t[3],
                  (String) t[4],
                  market));
    }
    return out;
  }
}
