package gridperf.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Precedence (docs/contract.md) on hand-written validated rows: the full recompute's shortcut for
 * keys seen once ({@link Precedence#classifyMostlyUnique}) gives row for row what the window over
 * every row gives ({@link Precedence#classify}), and so does its fallback above the repeated-key
 * limit.
 */
class PrecedenceTest extends SparkTestBase {
  /** RowStatus columns (line_no as file_line) + a key and one value, as FactValidator lays them. */
  static final StructType SCHEMA = schema();

  private static StructType schema() {
    StructType s = new StructType();
    for (StructField f : RowStatus.SCHEMA.fields()) {
      s =
          s.add(
              f.name().equals("line_no") ? FactValidator.FILE_LINE : f.name(),
              f.dataType(),
              f.nullable());
    }
    return s.add("k", DataTypes.StringType, true).add("v", DataTypes.LongType, true);
  }

  private static Row valid(long batch, String file, long line, String key, long value) {
    return RowFactory.create(
        "sales",
        file,
        line,
        null,
        "b" + batch,
        batch,
        FactValidator.VALID,
        null,
        null,
        "UTF-8",
        key,
        value);
  }

  private static Row quarantined(long batch, String file, long line) {
    return RowFactory.create(
        "sales",
        file,
        line,
        "raw",
        "b" + batch,
        batch,
        RowStatus.QUARANTINED,
        "MISSING_KEY",
        "order_id is missing",
        "UTF-8",
        null,
        null);
  }

  private Dataset<Row> validated() {
    List<Row> rows = new ArrayList<>();
    rows.add(valid(1, "a.csv", 1, "ONCE", 10)); // alone: accepted, winner
    rows.add(valid(1, "a.csv", 2, "DUP", 5)); // first: accepted; its repeat below is a duplicate
    rows.add(valid(2, "b.csv", 1, "DUP", 5));
    rows.add(
        valid(1, "a.csv", 3, "FIX", 1)); // corrected in a later batch: both accepted, last wins
    rows.add(valid(2, "b.csv", 2, "FIX", 2));
    rows.add(valid(1, "b.csv", 1, "ABA", 2)); // A-B-A: every change is accepted, the last A wins
    rows.add(valid(1, "a.csv", 4, "ABA", 1)); // a.csv sorts before b.csv in the same batch
    rows.add(valid(2, "a.csv", 9, "ABA", 1));
    rows.add(quarantined(1, "a.csv", 5)); // keyless rows keep their status, never win
    rows.add(quarantined(2, "b.csv", 3));
    return spark().createDataFrame(rows, SCHEMA);
  }

  private static List<String> render(Dataset<Row> classified) {
    return classified
        .selectExpr(
            "concat_ws(':', source_file, cast(file_line as string), coalesce(k, '-'), status,"
                + " cast("
                + Precedence.WINNER
                + " as string))")
        .orderBy("source_file", FactValidator.FILE_LINE)
        .as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
  }

  private static final List<String> EXPECTED =
      List.of(
          "a.csv:1:ONCE:accepted:true",
          "a.csv:2:DUP:accepted:true",
          "a.csv:3:FIX:accepted:false",
          "a.csv:4:ABA:accepted:false",
          "a.csv:5:-:quarantined:false",
          "a.csv:9:ABA:accepted:true",
          "b.csv:1:DUP:duplicate:false",
          "b.csv:1:ABA:accepted:false",
          "b.csv:2:FIX:accepted:true",
          "b.csv:3:-:quarantined:false");

  @Test
  void windowOverEveryRowFollowsThePrecedenceRules() {
    assertThat(render(Precedence.classify(validated(), "k")))
        .containsExactlyInAnyOrderElementsOf(EXPECTED);
  }

  @Test
  void keysSeenOnceSkipTheWindowWithTheSameResult() {
    Dataset<Row> in = validated().cache();
    assertThat(render(Precedence.classifyMostlyUnique(in, "k")))
        .containsExactlyInAnyOrderElementsOf(EXPECTED);
    // three repeated keys (DUP, FIX, ABA) are over a limit of two:
    // every row goes through the window
    assertThat(render(Precedence.classifyMostlyUnique(in, 2, "k")))
        .containsExactlyInAnyOrderElementsOf(EXPECTED);
    in.unpersist();
  }

  @Test
  void columnsKeepTheWindowPathsOrder() {
    Dataset<Row> in = validated();
    assertThat(Precedence.classifyMostlyUnique(in, "k").columns())
        .containsExactly(Precedence.classify(in, "k").columns());
  }
}
