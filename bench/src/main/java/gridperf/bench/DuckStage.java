package gridperf.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The DuckDB side of the benchmark, run as its own child JVM so its time and peak memory are
 * measured like a gridperf stage's:
 *
 * <pre>
 * DuckStage ingest LANDING OUT THREADS MEMORY   landing sales + touchpoints → OUT/*.parquet
 * DuckStage build  LAKE    OUT THREADS MEMORY   silver current snapshot → OUT/perf_*.parquet
 * DuckStage check  LAKE    REF THREADS MEMORY LANDING_REF[,LANDING_REF…] all|core
 * </pre>
 *
 * Exit status 0 on success; {@code check} exits 3 when gridperf and DuckDB disagree, printing every
 * disagreement.
 */
public final class DuckStage {
  /** The entity tables the build reference computes, with their entity columns. */
  static final Map<String, List<String>> ENTITY_TABLES = new java.util.LinkedHashMap<>();

  static {
    ENTITY_TABLES.put("perf_manager", List.of("manager_code"));
    ENTITY_TABLES.put("perf_grid", List.of("grid_code"));
    ENTITY_TABLES.put("perf_category", List.of("format", "market_type", "scale"));
  }

  private DuckStage() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: DuckStage ingest|build|check IN OUT THREADS MEMORY [...]");
      System.exit(2);
    }
    Path in = Path.of(args[1]);
    Path out = Path.of(args[2]);
    try (Duck duck = new Duck(Integer.parseInt(args[3]), args[4])) {
      switch (args[0]) {
        case "ingest" -> ingest(duck, in, out);
        case "build" -> build(duck, in, out);
        case "check" -> {
          List<String> problems =
              ReferenceCheck.run(
                  duck, in, out, List.of(args[5].split(",")), "core".equals(args[6]));
          if (!problems.isEmpty()) {
            problems.forEach(p -> System.out.println("MISMATCH " + p));
            System.exit(3);
          }
          System.out.println("CHECK OK");
        }
        default -> throw new IllegalArgumentException("unknown DuckStage command " + args[0]);
      }
    }
  }

  /** The ingest reference: read_csv / read_json of the landing facts, written as Parquet. */
  static void ingest(Duck duck, Path landing, Path out) throws Exception {
    Files.createDirectories(out);
    List<String> sales = Duck.files(landing.resolve("sales"), ".csv");
    List<String> tps = Duck.files(landing.resolve("touchpoints"), ".jsonl");
    if (!sales.isEmpty()) {
      duck.exec(copy(ReferenceSql.readSales(sales), out.resolve("sales.parquet")));
    }
    if (!tps.isEmpty()) {
      duck.exec(copy(ReferenceSql.readTouchpoints(tps), out.resolve("touchpoints.parquet")));
    }
    System.out.println(
        "duckdb ingest: "
            + sales.size()
            + " sales files, "
            + tps.size()
            + " touchpoint files → "
            + out);
  }

  /** The build reference: the entity tables from the silver tables' current snapshots. */
  static void build(Duck duck, Path lake, Path out) throws Exception {
    Files.createDirectories(out);
    silverViews(duck, lake);
    for (String stmt : ReferenceSql.periods()) {
      duck.exec(stmt);
    }
    for (Map.Entry<String, List<String>> e : ENTITY_TABLES.entrySet()) {
      duck.exec(
          copy(ReferenceSql.entityMetrics(e.getValue()), out.resolve(e.getKey() + ".parquet")));
    }
    System.out.println("duckdb build: " + ENTITY_TABLES.keySet() + " → " + out);
  }

  static void silverViews(Duck duck, Path lake) throws Exception {
    duck.deltaView("s", lake.resolve("silver/fact_sales_line"));
    duck.deltaView("t", lake.resolve("silver/fact_touchpoint"));
    duck.deltaView("r", lake.resolve("silver/dim_retailer"));
  }

  private static String copy(String select, Path file) {
    return "COPY (" + select + ") TO " + ReferenceSql.quote(file.toString()) + " (FORMAT parquet)";
  }
}
