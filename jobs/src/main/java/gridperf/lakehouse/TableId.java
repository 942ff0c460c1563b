package gridperf.lakehouse;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every Delta table of the lake, by the bare name analysts use in SQL. The layer decides the
 * folder; the bare name is unique across layers.
 */
public enum TableId {
  // bronze: raw rows as read, with lineage; quarantine and the file ledger
  BRONZE_SALES_LINE(Layer.BRONZE),
  BRONZE_TOUCHPOINT(Layer.BRONZE),
  BRONZE_MASTER(Layer.BRONZE),
  QUARANTINE(Layer.BRONZE),
  INGEST_FILES(Layer.BRONZE),
  BRONZE_INSPECTION(Layer.BRONZE),
  // silver: typed, deduplicated, validated, credited
  DIM_GRID(Layer.SILVER),
  DIM_MANAGER(Layer.SILVER),
  DIM_PRODUCT(Layer.SILVER),
  DIM_RETAILER(Layer.SILVER),
  FACT_SALES_LINE(Layer.SILVER),
  FACT_TOUCHPOINT(Layer.SILVER),
  FACT_TARGET(Layer.SILVER),
  FACT_INSPECTION(Layer.SILVER),
  DIM_PILOT(Layer.SILVER),
  // gold
  PERF_MANAGER(Layer.GOLD),
  PERF_GRID(Layer.GOLD),
  PERF_CATEGORY(Layer.GOLD),
  PERF_CUBE(Layer.GOLD),
  RETAILER_SEGMENT(Layer.GOLD),
  SERVICE_VISITS(Layer.GOLD),
  MANAGER_SCORECARD(Layer.GOLD),
  SCORECARD_SCENARIO(Layer.GOLD),
  SERVICE_STANDARDS(Layer.GOLD),
  PILOT_EFFECT(Layer.GOLD),
  INTEGRITY_FLAGS(Layer.GOLD),
  HANDOVER_LEDGER(Layer.GOLD),
  PERF_RETAILER(Layer.GOLD),
  SCORECARD_ADJUSTMENT(Layer.GOLD),
  // audit
  PIPELINE_RUNS(Layer.AUDIT),
  BUILD_STATE(Layer.AUDIT),
  PERIOD_CLOSE(Layer.AUDIT);

  private final Layer layer;

  TableId(Layer layer) {
    this.layer = layer;
  }

  public Layer layer() {
    return layer;
  }

  /** The bare SQL name, e.g. {@code perf_manager}. */
  public String tableName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Relative location under the lake root, e.g. {@code gold/perf_manager}. */
  public String relativePath() {
    return layer.dir() + "/" + tableName();
  }

  /** Looks a table up by its bare name. */
  public static Optional<TableId> byName(String name) {
    return Arrays.stream(values()).filter(t -> t.tableName().equalsIgnoreCase(name)).findFirst();
  }

  /** All tables of one layer. */
  public static List<TableId> of(Layer layer) {
    return Arrays.stream(values()).filter(t -> t.layer == layer).toList();
  }
}
