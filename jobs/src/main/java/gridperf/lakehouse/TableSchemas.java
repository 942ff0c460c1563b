package gridperf.lakehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Enforces a table's declared schema on the rows written to it ({@link DeltaWrite#schema}): the
 * rows must carry exactly the declared columns with the declared types (in any order; they are
 * written in the declared order), and a column declared non-nullable (a key) fails the write, in
 * the write's own pass over the rows, when a row holds NULL in it.
 */
public final class TableSchemas {
  private TableSchemas() {}

  /**
   * The rows in the declared column order, each non-nullable column checked as it is written.
   *
   * @throws IllegalStateException when a column is missing, extra or of another type
   */
  public static Dataset<Row> conform(TableId table, Dataset<Row> rows, StructType declared) {
    List<String> problems = differences(rows.schema(), declared);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          table.tableName()
              + ": the rows to write do not match the table's declared schema: "
              + String.join("; ", problems));
    }
    List<Column> cols = new ArrayList<>();
    for (StructField f : declared.fields()) {
      Column c = col(f.name());
      if (!f.nullable()) {
        c =
            when(
                    c.isNull(),
                    raise_error(
                        lit(
                            table.tableName()
                                + ": key column "
                                + f.name()
                                + " is NULL in a row to write; nothing was written")))
                .otherwise(c);
      }
      cols.add(c.as(f.name()));
    }
    return rows.select(cols.toArray(new Column[0]));
  }

  /**
   * How {@code actual} differs from {@code declared} by column names and types (nullability and
   * order aside); empty when they agree.
   */
  public static List<String> differences(StructType actual, StructType declared) {
    List<String> out = new ArrayList<>();
    List<String> names = List.of(actual.fieldNames());
    List<String> wanted = List.of(declared.fieldNames());
    for (StructField f : declared.fields()) {
      if (!names.contains(f.name())) {
        out.add("missing " + f.name() + " " + f.dataType().simpleString());
      } else {
        StructField a = actual.apply(f.name());
        if (!a.dataType().simpleString().equals(f.dataType().simpleString())) {
          out.add(
              f.name()
                  + " is "
                  + a.dataType().simpleString()
                  + ", declared "
                  + f.dataType().simpleString());
        }
      }
    }
    for (String n : names) {
      if (!wanted.contains(n)) {
        out.add("undeclared " + n + " " + actual.apply(n).dataType().simpleString());
      }
    }
    return out;
  }
}
