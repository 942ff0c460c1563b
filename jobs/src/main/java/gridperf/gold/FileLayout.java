package gridperf.gold;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Puts the rows of each key (a period, a year, a month) into their own task, so a write makes one
 * file per key. A later replaceWhere on some keys then removes exactly those keys' files (Delta
 * skips the others by their min/max statistics) and the untouched periods keep their files.
 */
public final class FileLayout {
  private FileLayout() {}

  /**
   * Repartitions {@code df} so partition i holds exactly the rows whose key (the given columns
   * joined with '|') is {@code keys.get(i)}; rows with another key go to an extra last partition.
   */
  public static Dataset<Row> onePerKey(Dataset<Row> df, List<String> keys, String... keyColumns) {
    Map<String, Integer> index = new HashMap<>();
    for (String k : keys) {
      index.putIfAbsent(k, index.size());
    }
    int[] pos = new int[keyColumns.length];
    for (int i = 0; i < keyColumns.length; i++) {
      pos[i] = df.schema().fieldIndex(keyColumns[i]);
    }
    JavaRDD<Row> rows =
        df.javaRDD()
            .mapToPair(r -> new Tuple2<>(key(r, pos), r))
            .partitionBy(new KeyPartitioner(index))
            .values();
    return df.sparkSession().createDataFrame(rows, df.schema());
  }

  /**
   * Puts each year's rows into one task, so a write partitioned by year makes one file per year:
   * for tables whose year is small enough that a replaceWhere on some of its periods may rewrite
   * the year's file, where a file per period would cost a task and a file for a handful of rows.
   */
  public static Dataset<Row> onePerYear(Dataset<Row> df) {
    return df.repartition(df.col("year"));
  }

  /** The key of a row as {@link #onePerKey} sees it. */
  public static String key(Row r, int[] pos) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pos.length; i++) {
      if (i > 0) {
        b.append('|');
      }
      b.append(r.get(pos[i]));
    }
    return b.toString();
  }

  private static final class KeyPartitioner extends Partitioner {
    private final Map<String, Integer> index;

    KeyPartitioner(Map<String, Integer> index) {
      this.index = new HashMap<>(index);
    }

    @Override
    public int numPartitions() {
      return index.size() + 1;
    }

    @Override
    public int getPartition(Object key) {
      return index.getOrDefault((String) key, index.size());
    }
  }
}
