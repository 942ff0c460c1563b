package gridperf.gold;

import static gridperf.gold.Silver.sale;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.input_file_name;
import static org.assertj.core.api.Assertions.assertThat;

import gridperf.config.ScoringConfig;
import gridperf.job.JobContext;
import gridperf.job.JobOutcome;
import gridperf.job.Progress;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.silver.FactSalesLine;
import gridperf.testing.SparkTestBase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The build job on a Delta lake: a first build is full; one more week of sales (in a new month, so
 * the period range grows) rebuilds only the affected periods — the other periods keep their files —
 * and the result equals a full rebuild.
 */
class GoldBuildTest extends SparkTestBase {

  private static void writeSilver(Lake lake, TableId t, Dataset<Row> rows, boolean append) {
    var w = rows.write().format("delta").option("delta.enableChangeDataFeed", "true");
    if (t != TableId.DIM_RETAILER) {
      w = w.partitionBy("year", "month");
    }
    w.mode(append ? "append" : "overwrite").save(lake.path(t));
  }

  private static JobOutcome build(Lake lake) {
    JobContext ctx =
        new JobContext(null, spark(), lake, "run", Progress.silent("build"), Clock.systemUTC());
    return GoldBuild.run(ctx, ScoringConfig.defaults(), null, null);
  }

  /** file → periods it holds, for one gold table. */
  private static Map<String, Set<String>> files(Lake lake, TableId t) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Row r :
        lake.read(t)
            .select(input_file_name(), concat_ws("|", col("period_type"), col("period")))
            .distinct()
            .collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new TreeSet<>()).add(r.getString(1));
    }
    return out;
  }

  private static List<String> snapshot(Lake lake, TableId t) {
    Dataset<Row> d = lake.read(t);
    return d
        .select(concat_ws("|", d.columns().length == 0 ? null : cols(d)))
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .sorted()
        .toList();
  }

  private static org.apache.spark.sql.Column[] cols(Dataset<Row> d) {
    return java.util.Arrays.stream(d.columns())
        .map(c -> col(c).cast("string"))
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  @Test
  void oneMoreWeekRebuildsOnlyAffectedPeriodsAndEqualsAFullBuild() throws Exception {
    Path root = newDir("lake");
    Lake lake = new Lake(spark(), root.toString());
    writeSilver(lake, TableId.DIM_RETAILER, PerfTablesTest.retailers(), false);
    writeSilver(lake, TableId.FACT_SALES_LINE, PerfTablesTest.sales(), false);
    writeSilver(lake, TableId.FACT_TOUCHPOINT, PerfTablesTest.touchpoints(), false);
    writeSilver(lake, TableId.FACT_TARGET, PerfTablesTest.targets(), false);

    assertThat(build(lake).summary()).contains("full (no previous build)");
    Golden.assertMatches(lake.read(TableId.PERF_MANAGER), "build/perf_manager.csv", 3);
    // the schemas the build declares (and docs/tables.md shows) are what it wrote
    Map<TableId, org.apache.spark.sql.types.StructType> declared =
        Map.of(
            TableId.PERF_MANAGER, gridperf.gold.PerfManager.SCHEMA,
            TableId.PERF_GRID, gridperf.gold.PerfGrid.SCHEMA,
            TableId.PERF_CATEGORY, gridperf.gold.PerfCategory.SCHEMA,
            TableId.PERF_CUBE, gridperf.gold.PerfCube.SCHEMA,
            TableId.RETAILER_SEGMENT, gridperf.gold.RetailerSegment.SCHEMA,
            TableId.SERVICE_VISITS, gridperf.gold.ServiceVisits.SCHEMA,
            TableId.SERVICE_STANDARDS, gridperf.gold.ServiceStandards.SCHEMA,
            TableId.INTEGRITY_FLAGS, IntegrityFlags.SCHEMA,
            TableId.HANDOVER_LEDGER, HandoverLedger.SCHEMA,
            TableId.PERF_RETAILER, gridperf.gold.PerfRetailer.SCHEMA);
    declared.forEach(
        (t, schema) ->
            assertThat(lake.read(t).schema().simpleString())
                .as(t.tableName() + " differs from its declared schema")
                .isEqualTo(schema.simpleString()));
    Map<String, Set<String>> before = files(lake, TableId.PERF_MANAGER);
    assertThat(before.values()).allMatch(s -> s.size() == 1); // one period per file
    long segmentVersion = lake.version(TableId.RETAILER_SEGMENT);

    // nothing changed: nothing rewritten
    assertThat(build(lake).summary()).contains("build: nothing to do");
    assertThat(lake.version(TableId.RETAILER_SEGMENT)).isEqualTo(segmentVersion);

    writeSilver(
        lake,
        TableId.FACT_SALES_LINE,
        df(
            FactSalesLine.SCHEMA,
            sale("S5", "2014-04-02", PerfTablesTest.R1B, 2, 500, "30000.00"),
            sale("S6", "2014-04-06", PerfTablesTest.R1B, 3, 250, "5000.00")),
        true);
    assertThat(build(lake).summary()).contains("incremental (1 changed months)");

    Map<String, Set<String>> after = files(lake, TableId.PERF_MANAGER);
    Set<String> untouched =
        Set.of(
            "M|2013-12", "Q|2013-Q4", "Y|2013", "M|2014-01", "M|2014-02", "M|2014-03", "Q|2014-Q1");
    for (Map.Entry<String, Set<String>> e : before.entrySet()) {
      boolean keep = untouched.containsAll(e.getValue());
      assertThat(after.containsKey(e.getKey())).as(e.getKey() + " " + e.getValue()).isEqualTo(keep);
    }
    assertThat(
            lake.read(TableId.PERF_MANAGER)
                .where("manager_code = 'M2' AND period = '2014-04'")
                .select("retailers_assigned", "volume_cases", "revenue_yuan", "high_class_share"))
        .satisfies(
            d ->
                assertRows(
                    d,
                    row(
                        1L,
                        new java.math.BigDecimal("3.000"),
                        new java.math.BigDecimal("35000.00"),
                        500.0 / 750.0)));

    List<TableId> gold =
        List.of(
            TableId.PERF_MANAGER,
            TableId.PERF_GRID,
            TableId.PERF_CATEGORY,
            TableId.PERF_CUBE,
            TableId.RETAILER_SEGMENT,
            TableId.SERVICE_VISITS,
            TableId.INTEGRITY_FLAGS,
            TableId.HANDOVER_LEDGER);
    Map<TableId, List<String>> incremental = new TreeMap<>();
    for (TableId t : gold) {
      incremental.put(t, snapshot(lake, t));
    }
    deleteQuietly(root.resolve(TableId.BUILD_STATE.relativePath()));
    assertThat(build(lake).summary()).contains("full (no previous build)");
    for (TableId t : gold) {
      assertThat(snapshot(lake, t)).as(t.tableName()).isEqualTo(incremental.get(t));
    }
  }
}
