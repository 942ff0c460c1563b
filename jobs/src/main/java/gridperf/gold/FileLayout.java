package gridperf.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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
   * The partition is the key's index, looked up in a map literal and passed to {@code
   * repartitionById}: one shuffle of the rows as they are, without leaving Spark's row format.
   */
  public static Dataset<Row> onePerKey(Dataset<Row> df, List<String> keys, String... keyColumns) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (String k : keys) {
      index.putIfAbsent(k, index.size());
    }
    List<Column> names = new ArrayList<>();
    List<Column> ids = new ArrayList<>();
    index.forEach(
        (k, i) -> {
          names.add(lit(k));
          ids.add(lit(i));
        });
    Column lookup =
        map_from_arrays(
            org.apache.spark.sql.functions.array(names.toArray(new Column[0])),
            org.apache.spark.sql.functions.array(ids.toArray(new Column[0])));
    Column partition = coalesce(element_at(lookup, key(keyColumns)), lit(index.size()));
    return df.repartitionById(index.size() + 1, partition);
  }

  /**
   * Puts each year's rows into one task, so a write partitioned by year makes one file per year:
   * for tables whose year is small enough that a replaceWhere on some of its periods may rewrite
   * the year's file, where a file per period would cost a task and a file for a handful of rows.
   */
  public static Dataset<Row> onePerYear(Dataset<Row> df) {
    return df.repartition(df.col("year"));
  }

  /** The key of a row as {@link #onePerKey} sees it: the columns as strings joined with '|'. */
  static Column key(String... keyColumns) {
    Column[] parts = new Column[keyColumns.length];
    for (int i = 0; i < keyColumns.length; i++) {
      parts[i] = coalesce(col(keyColumns[i]).cast("string"), lit("null"));
    }
    return concat_ws("|", parts);
  }
}
