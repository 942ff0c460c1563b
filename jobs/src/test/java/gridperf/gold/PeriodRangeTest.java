package gridperf.gold;

import static org.assertj.core.api.Assertions.assertThat;

import gridperf.testing.SparkTestBase;
import java.sql.Date;
import java.time.YearMonth;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The period range from partition folders equals the one from a scan, and falls back to it. */
class PeriodRangeTest extends SparkTestBase {
  static final StructType SALES =
      new StructType()
          .add("order_date", DataTypes.DateType)
          .add("year", DataTypes.IntegerType)
          .add("month", DataTypes.IntegerType);
  static final StructType TOUCH =
      new StructType()
          .add("business_date", DataTypes.DateType)
          .add("year", DataTypes.IntegerType)
          .add("month", DataTypes.IntegerType);

  static Dataset<Row> delta(Dataset<Row> rows) {
    String path = newDir("facts").toString();
    rows.write().format("delta").partitionBy("year", "month").save(path);
    return spark().read().format("delta").load(path);
  }

  @Test
  void partitionFoldersGiveTheScannedRange() {
    Dataset<Row> sales =
        df(
            SALES,
            row(Date.valueOf("2013-12-31"), 2013, 12),
            row(Date.valueOf("2014-03-01"), 2014, 3));
    Dataset<Row> touch = df(TOUCH, row(Date.valueOf("2014-06-01"), 2014, 6));
    Optional<PeriodRange> expected =
        Optional.of(new PeriodRange(YearMonth.of(2013, 12), YearMonth.of(2014, 6)));

    assertThat(PeriodRange.of(sales, touch)).isEqualTo(expected);
    assertThat(PeriodRange.ofPartitions(delta(sales), delta(touch))).isEqualTo(expected);
    // rows that are not files (a local relation) are scanned instead
    assertThat(PeriodRange.ofPartitions(sales, touch)).isEqualTo(expected);
  }

  @Test
  void noRowsNoRange() {
    Dataset<Row> sales = delta(df(SALES));
    Dataset<Row> touch = df(TOUCH);
    assertThat(PeriodRange.ofPartitions(sales, touch)).isEmpty();
    Dataset<Row> oneTouch = df(TOUCH, row(Date.valueOf("2015-01-05"), 2015, 1));
    assertThat(PeriodRange.ofPartitions(sales, delta(oneTouch)))
        .contains(new PeriodRange(YearMonth.of(2015, 1), YearMonth.of(2015, 1)));
  }
}
