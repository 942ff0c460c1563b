package gridperf.ingest;

import gridperf.ingest.MasterRules.RetailerRow;
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

  // positions in MasterRules' typed rows, which are in their dimension's column order
  private static final int GRID_CODE = DimGrid.SCHEMA.fieldIndex("grid_code");
  private static final int GRID_MARKET_TYPE = DimGrid.SCHEMA.fieldIndex("market_type");
  private static final int MANAGER_CODE = DimManager.SCHEMA.fieldIndex("manager_code");
  private static final int SKU_CODE = DimProduct.SCHEMA.fieldIndex("sku_code");
  private static final int SKU_PRICE_CLASS = DimProduct.SCHEMA.fieldIndex("price_class");
  private static final int PILOT_ID = DimPilot.SCHEMA.fieldIndex("pilot_id");
  private static final int PILOT_START = DimPilot.SCHEMA.fieldIndex("start_month");
  private static final int PILOT_END = DimPilot.SCHEMA.fieldIndex("end_month");

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
        if (!r.getString(Bronze.SOURCE).equals(s.label())) {
          continue;
        }
        String status;
        String reason = null;
        String detail = null;
        Object firstKey = null;
        try {
          if (r.isNullAt(Bronze.FIELDS)) {
            throw Reason.MALFORMED.reject(r.getString(Bronze.PARSE_ERROR));
          }
          Object[] typed = MasterRules.typed(s, r.getList(Bronze.FIELDS), grids, managers);
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
        case GRIDS ->
            winners
                .values()
                .forEach(t -> grids.put((String) t[GRID_CODE], (String) t[GRID_MARKET_TYPE]));
        case MANAGERS -> winners.values().forEach(t -> managers.add((String) t[MANAGER_CODE]));
        case PRODUCTS ->
            winners
                .values()
                .forEach(t -> products.put((String) t[SKU_CODE], (Integer) t[SKU_PRICE_CLASS]));
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
        .forEach(
            t ->
                windows
                    .computeIfAbsent(t[PILOT_ID], k -> new HashSet<>())
                    .add(List.of(t[PILOT_START], t[PILOT_END])));
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
    winners.values().removeIf(t -> bad.contains(t[PILOT_ID]));
    for (Map.Entry<Integer, Object> e : kept.entrySet()) {
      int i = e.getKey();
      Object pilot = e.getValue();
      if (bad.contains(pilot)) {
        statuses.set(
            i,
            RowStatus.withStatus(
                statuses.get(i),
                RowStatus.QUARANTINED,
                Reason.OUT_OF_RANGE.name(),
                "pilot " + pilot + ": its rows disagree on start_month or end_month"));
      }
    }
  }

  private static List<Row> retailerVersions(
      java.util.Collection<Object[]> winners,
      Map<String, String> grids,
      Map<String, List<MasterData.Version>> versions) {
    List<Object[]> sorted = new ArrayList<>(winners);
    sorted.sort(
        Comparator.comparing((Object[] t) -> (String) t[RetailerRow.RETAILER_CODE])
            .thenComparing(t -> (LocalDate) t[RetailerRow.VALID_FROM]));
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Object[] t = sorted.get(i);
      String code = (String) t[RetailerRow.RETAILER_CODE];
      LocalDate from = (LocalDate) t[RetailerRow.VALID_FROM];
      Object[] next = i + 1 < sorted.size() ? sorted.get(i + 1) : null;
      LocalDate to =
          next != null && next[RetailerRow.RETAILER_CODE].equals(code)
              ? (LocalDate) next[RetailerRow.VALID_FROM]
              : null;
      String grid = (String) t[RetailerRow.GRID_CODE];
      String manager = (String) t[RetailerRow.MANAGER_CODE];
      String license = (String) t[RetailerRow.LICENSE_STATUS];
      String format = (String) t[RetailerRow.FORMAT];
      String scale = (String) t[RetailerRow.SCALE];
      String market = grids.get(grid);
      // in DimRetailer's column order
      out.add(
          RowFactory.create(
              code,
              Date.valueOf(from),
              to == null ? null : Date.valueOf(to),
              t[RetailerRow.RETAILER_NAME],
              format,
              scale,
              t[RetailerRow.GRADE],
              grid,
              manager,
              license,
              market));
      versions
          .computeIfAbsent(code, k -> new ArrayList<>())
          .add(new MasterData.Version(from, to, license, grid, manager, format, scale, market));
    }
    return out;
  }
}
