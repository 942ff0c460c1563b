package gridperf.reliability;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import gridperf.cli.Main;
import gridperf.lakehouse.Lake;
import gridperf.lakehouse.TableId;
import gridperf.testing.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Helpers of the reliability suite: run commands through {@link Main#run} on the shared session,
 * copy lakes and landing trees, and compare whole tables between lakes without the lineage columns
 * that name a run (batch ids, timestamps).
 */
abstract class ReliabilityBase extends SparkTestBase {
  static final String AS_OF = "2016-01-01";

  /** Tables compared between lakes: everything a user reads (not the run audit). */
  static final List<TableId> COMPARED =
      List.of(
          TableId.QUARANTINE,
          TableId.INGEST_FILES,
          TableId.DIM_GRID,
          TableId.DIM_MANAGER,
          TableId.DIM_PRODUCT,
          TableId.DIM_RETAILER,
          TableId.FACT_TARGET,
          TableId.FACT_SALES_LINE,
          TableId.FACT_TOUCHPOINT,
          TableId.PERF_MANAGER,
          TableId.PERF_GRID,
          TableId.PERF_CATEGORY,
          TableId.PERF_CUBE,
          TableId.RETAILER_SEGMENT,
          TableId.SERVICE_VISITS,
          TableId.MANAGER_SCORECARD);

  /** Columns that say which run wrote a row, not what the row is. */
  static final Set<String> LINEAGE =
      Set.of("batch_id", "batch_seq", "ingest_ts", "run_id", "modification_time");

  /** Exit status and stderr of one command. */
  record Cli(int status, String err) {}

  /** Runs one command line; stderr is captured (stdout is left alone). */
  static synchronized Cli cli(String... args) {
    spark();
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = Main.run(args);
    } finally {
      System.setErr(old);
    }
    String err = buf.toString(StandardCharsets.UTF_8);
    old.print(err);
    return new Cli(status, err);
  }

  static String[] lakeArgs(Lake lake, String command, String... more) {
    List<String> a = new ArrayList<>(List.of(command, "--lake", lake.root()));
    a.addAll(List.of("--set", "spark.shuffle_partitions=2"));
    a.addAll(Arrays.asList(more));
    return a.toArray(new String[0]);
  }

  static Cli ingestCli(Lake lake, Path landing, String... more) {
    List<String> a = new ArrayList<>(List.of("--landing", landing.toString(), "--as-of", AS_OF));
    a.addAll(List.of("--set", "ingest.max_quarantine_rate=0.5"));
    a.addAll(Arrays.asList(more));
    return cli(lakeArgs(lake, "ingest", a.toArray(new String[0])));
  }

  static void ingest(Lake lake, Path landing, String... more) {
    Cli c = ingestCli(lake, landing, more);
    assertThat(c.status()).as("ingest: " + c.err()).isZero();
  }

  static void build(Lake lake, String... more) {
    Cli c = cli(lakeArgs(lake, "build", more));
    assertThat(c.status()).as("build: " + c.err()).isZero();
  }

  static void score(Lake lake) {
    Cli c = cli(lakeArgs(lake, "score"));
    assertThat(c.status()).as("score: " + c.err()).isZero();
  }

  /** A fresh folder (for code outside the test classes, e.g. {@link SharedLakes}). */
  static Path dir(String prefix) {
    return newDir(prefix);
  }

  static Lake newLake() {
    return new Lake(spark(), newDir("lake").toString());
  }

  /** A copy of a lake (Delta logs hold relative paths, so a copied folder is the same lake). */
  static Lake copy(Lake lake) {
    return new Lake(spark(), copyTree(Path.of(lake.root())).toString());
  }

  static Path copyTree(Path from) {
    Path to = newDir("copy");
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  /** Writes a UTF-8 landing file, creating folders; lines joined with \n and a final \n. */
  static void write(Path root, String rel, String... lines) {
    writeRaw(root, rel, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
  }

  static void writeRaw(Path root, String rel, String text) {
    try {
      Path p = root.resolve(rel);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<TableId, Long> versions(Lake lake) {
    Map<TableId, Long> out = new LinkedHashMap<>();
    for (TableId t : TableId.values()) {
      out.put(t, lake.version(t));
    }
    return out;
  }

  /** A table's rows as sorted strings, without lineage columns; empty list when missing. */
  static List<String> snapshot(Lake lake, TableId t) {
    if (!lake.exists(t)) {
      return List.of("<missing>");
    }
    return rows(lake.read(t));
  }

  static List<String> rows(Dataset<Row> d) {
    List<Column> cols = new ArrayList<>();
    for (String c : d.columns()) {
      if (!LINEAGE.contains(c)) {
        cols.add(concat_ws("=", lit(c), col(c).cast("string")));
      }
    }
    return d.select(concat_ws("|", cols.toArray(new Column[0]))).collectAsList().stream()
        .map(r -> r.getString(0))
        .sorted()
        .toList();
  }

  /** Asserts every compared table holds the same rows in both lakes (lineage aside). */
  static void assertSameTables(Lake actual, Lake expected, List<TableId> tables) {
    for (TableId t : tables) {
      assertThat(snapshot(actual, t)).as(t.tableName()).isEqualTo(snapshot(expected, t));
    }
  }

  /** Asserts no key of the fact tables appears twice. */
  static void assertNoDuplicateKeys(Lake lake) {
    assertThat(
            lake.read(TableId.FACT_SALES_LINE)
                .groupBy("order_id", "line_no")
                .count()
                .filter("count > 1")
                .count())
        .as("duplicate sales keys")
        .isZero();
    assertThat(
            lake.read(TableId.FACT_TOUCHPOINT)
                .groupBy("event_id")
                .count()
                .filter("count > 1")
                .count())
        .as("duplicate touchpoint keys")
        .isZero();
    assertThat(
            lake.read(TableId.PERF_MANAGER)
                .groupBy("manager_code", "period_type", "period")
                .count()
                .filter("count > 1")
                .count())
        .as("duplicate perf_manager keys")
        .isZero();
  }
}
